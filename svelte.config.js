import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** The hashes of app.html's own inline scripts (the local-data mark), for the CSP. */
const appScriptHashes = [
	...readFileSync(new URL('./src/app.html', import.meta.url), 'utf8').matchAll(
		/<script>([\s\S]*?)<\/script>/g
	)
].map((m) => `sha256-${createHash('sha256').update(m[1]).digest('base64')}`);

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
		// A strict policy in every page (a <meta> tag: prerendered pages get hashes of SvelteKit's
		// inline start-up script). Why each source is there: docs/trust.md.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', ...appScriptHashes],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
