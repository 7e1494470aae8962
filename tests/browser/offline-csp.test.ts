/**
 * Every built page, in Chromium, served by scripts/serve.js: under its Content-Security-Policy
 * nothing is blocked, no request goes to any host but the site's own (the internet is cut off
 * for the whole run), every response carries the policy header, the page goes live, and it
 * keeps working once the network is gone entirely (offline-check.ts; nginx.test.ts runs the
 * same check through the nginx recipe).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { checkPageOffline } from './offline-check';
import { builtPages } from './trust';

const siteUrl = inject('siteUrl');
const pages = builtPages();
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The policy the page carries in its <meta> tag, as directive → sources. */
function metaPolicy(html: string): Map<string, string[]> {
	const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1];
	const policy = new Map<string, string[]>();
	for (const part of (content ?? '').split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) policy.set(name, sources);
	}
	return policy;
}

describe('Content-Security-Policy in the built pages', () => {
	it(`all ${pages.length} pages carry a strict policy and no inline event handler`, () => {
		expect(pages).toContain('');
		expect(pages).toContain('explore/sql/');
		for (const path of pages) {
			const html = readFileSync(`build/${path}index.html`, 'utf8');
			const policy = metaPolicy(html);
			expect(policy.get('default-src'), path).toEqual(["'self'"]);
			const scripts = policy.get('script-src') ?? [];
			// Only the site's own files, hashed inline scripts and wasm compilation.
			for (const source of scripts)
				expect(source, path).toMatch(/^('self'|'wasm-unsafe-eval'|'sha256-[A-Za-z0-9+/=]+')$/);
			expect(policy.get('worker-src'), path).toEqual(["'self'"]);
			expect(policy.get('connect-src'), path).toEqual(["'self'"]);
			expect(policy.get('object-src'), path).toEqual(["'none'"]);
			// The site's own style sheets, and hashed inline styles (app.html's local-data rule).
			const styles = policy.get('style-src') ?? [];
			for (const source of styles)
				expect(source, path).toMatch(/^('self'|'sha256-[A-Za-z0-9+/=]+')$/);
			const inlineStyles = [...html.matchAll(/<style[^>]*>/g)].length;
			expect(styles.filter((s) => s.startsWith("'sha256-")).length, path).toBe(inlineStyles);
			// Every inline script in the page is one the policy hashes.
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;
			expect(scripts.filter((s) => s.startsWith("'sha256-")).length, path).toBe(inline);
			expect(html, path).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
		}
	});
});

describe('every page offline and under its CSP, in Chromium', () => {
	for (const path of pages) {
		it(`/${path}: no CSP violation, no host but its own, CSP headers, live, works with the network cut`, async () => {
			await checkPageOffline(browser, siteUrl, path);
		});
	}
});
