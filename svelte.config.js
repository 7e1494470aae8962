import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { CSP_DIRECTIVES } from './src/lib/security/headers.js';

const appHtml = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
/** The hashes of app.html's own inline elements (the local-data mark and rule), for the CSP. */
const hashesOf = (/** @type {RegExp} */ element) =>
	[...appHtml.matchAll(element)].map(
		(m) => `sha256-${createHash('sha256').update(m[1]).digest('base64')}`
	);
const appScriptHashes = hashesOf(/<script>([\s\S]*?)<\/script>/g);
const appStyleHashes = hashesOf(/<style>([\s\S]*?)<\/style>/g);

/**
 * The site is a folder of static files: every page prerendered, each written as
 * `page/index.html` (trailingSlash: 'always') so any intranet web server finds it.
 * `BASE_PATH` (e.g. `/zhizao`) hosts it under a sub-path.
 * @type {import('@sveltejs/kit').Config}
 */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		paths: { base: process.env.BASE_PATH ?? '', relative: true },
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// Registered only while imported data is kept (src/lib/data/local-mark.ts).
		serviceWorker: { register: false },
		// Every page's CSS inline in its head (~15 KB at most): no stylesheet request holds the
		// first paint back (docs/cube.md). SvelteKit adds the hashes to the CSP.
		inlineStyleThreshold: 8192,
		// A strict policy in every page (a <meta> tag: prerendered pages get hashes of SvelteKit's
		// inline start-up script, and app.html's own). The directives live in
		// src/lib/security/headers.js, which the servers' headers come from too; why each source
		// is there: docs/trust.md.
		csp: {
			mode: 'hash',
			directives: {
				...CSP_DIRECTIVES,
				'script-src': [...CSP_DIRECTIVES['script-src'], ...appScriptHashes],
				'style-src': [...CSP_DIRECTIVES['style-src'], ...appStyleHashes]
			}
		}
	}
};

export default config;
