/**
 * Hostile query strings on every built page: names of built-in object properties
 * (`?measure=constructor`, `__proto__`), numbers out of range (`1e309`), markup, repeated keys,
 * very long values and keys, NUL, invalid percent-encoding. Every page ignores what it does not
 * understand (or says so): it renders, throws nothing, injects nothing. The pages that compute
 * from the URL in the browser are also waited for until live, so their queries ran on it.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { builtPages, waitUntilSettled } from './trust';

const siteUrl = inject('siteUrl');
const pages = builtPages();

const XSS = 'window.__xss=1';
/** Three query strings that between them carry every hostile value, each under every key. */
const HOSTILE_QUERIES = [
	[
		'measure=constructor',
		'rows=constructor',
		'cols=__proto__',
		'indicator=toString',
		'year=1e309',
		`region=<script>${XSS}</script>`,
		'industry=hasOwnProperty',
		'tier=NaN',
		'status=valueOf',
		'duckdb=constructor'
	].join('&'),
	[
		'measure=__proto__',
		'rows=__proto__',
		'cols=toString',
		'year=-1',
		'year=2026',
		'region=150100',
		'region=150200',
		'tier=99999999999999999999',
		'tier=1',
		`industry=%3Cimg%20src%3Dx%20onerror%3D%22${encodeURIComponent(XSS)}%22%3E`,
		'__proto__[polluted]=1',
		'constructor[prototype][polluted]=1'
	].join('&'),
	[
		'year=%00',
		'region=%E0%A4%A',
		'measure=%',
		'rows=%zz',
		'cols=%C0%AF',
		'status=%00%00',
		'tier=1e309',
		`industry=${'A'.repeat(3000)}`,
		`${'k'.repeat(500)}=v`,
		'duckdb=mvp%00',
		'year=2026.5'
	].join('&')
];

/** Pages that read the URL while computing in the browser: waited for until live too. */
const LIVE_PAGES = new Set([
	'',
	'region/',
	'region/150100/',
	'industry/',
	'scenario/',
	'explore/',
	'explore/sql/',
	'report/preview/'
]);

let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
	// One context, so the wasm and scripts come from the cache after the first page.
	context = await browser.newContext({ locale: 'zh-CN' });
	page = await context.newPage();
	page.on('pageerror', (error) => errors.push(`${page.url().slice(0, 120)}: ${error.message}`));
	page.on('dialog', (dialog) => {
		errors.push(`dialog: ${dialog.message()}`);
		void dialog.dismiss();
	});
});
afterAll(async () => {
	await browser?.close();
});

describe('hostile query strings on every page', () => {
	it('the set reaches every kind of value the pages read', () => {
		expect(pages.length).toBeGreaterThan(40);
		expect(HOSTILE_QUERIES.join('&')).toContain('measure=constructor');
	});

	for (const path of pages) {
		it(`/${path} renders and throws nothing with each hostile query string`, async () => {
			for (const query of HOSTILE_QUERIES) {
				const where = `/${path}?${query.slice(0, 80)}`;
				await page.goto(`${siteUrl}${path}?${query}`, { waitUntil: 'networkidle' });
				expect(errors, where).toEqual([]);
				if (LIVE_PAGES.has(path)) {
					await expect(waitUntilSettled(page), where).resolves.toMatch(/live|static/);
				}
				const shown = await page.evaluate(() => ({
					heading: document.querySelector('main h1, h1')?.textContent?.trim() ?? '',
					text: document.body.innerText.length,
					xss: (globalThis as { __xss?: unknown }).__xss ?? null,
					polluted: ({} as { polluted?: unknown }).polluted ?? null,
					injected: document.querySelectorAll('img[src="x"]').length
				}));
				expect(shown.heading, where).not.toBe('');
				expect(shown.text, where).toBeGreaterThan(100);
				expect(
					{ xss: shown.xss, polluted: shown.polluted, injected: shown.injected },
					where
				).toEqual({ xss: null, polluted: null, injected: 0 });
				expect(errors, where).toEqual([]);
			}
		});
	}
});
