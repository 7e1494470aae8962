/**
 * Every built page, in Chromium: under its Content-Security-Policy nothing is blocked, no
 * request goes to any host but the site's own (the internet is cut off for the whole run), the
 * page goes live, and it keeps working once the network is gone entirely.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { builtPages, recordViolations, waitUntilSettled } from './trust';

const siteUrl = inject('siteUrl');
const origin = new URL(siteUrl).origin;
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
			expect(policy.get('style-src'), path).toEqual(["'self'"]);
			// Every inline script in the page is one the policy hashes.
			const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].length;
			expect(scripts.filter((s) => s.startsWith("'sha256-")).length, path).toBe(inline);
			expect(html, path).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
		}
	});
});

/** After the network is gone: the page's own controls still answer, computed in the browser. */
async function useOffline(page: Page, path: string) {
	if (await page.getByTestId('filter-year').count()) {
		const years = await page.$$eval('[data-testid=filter-year] option', (options) =>
			options.map((o) => (o as HTMLOptionElement).value).filter(Boolean)
		);
		const year = years[0] ?? '';
		expect(year, 'a year to filter by').not.toBe('');
		await page.getByTestId('filter-year').selectOption(year);
		await page.waitForURL((url) => url.searchParams.get('year') === year);
		await expect(waitUntilSettled(page)).resolves.toBe('live');
		await expect(page.getByTestId('active-filters').textContent()).resolves.toContain(`${year}年`);
	} else if (path === 'explore/sql/') {
		await page.getByTestId('sql-input').fill('SELECT count(*) AS n FROM declarations');
		await page.getByTestId('sql-run').click();
		await page.getByTestId('sql-summary').waitFor();
	} else if (path === 'explore/') {
		await page.getByTestId('pivot-rows').selectOption('industry');
		await page.waitForURL((url) => url.searchParams.get('rows') === 'industry');
		await page.waitForFunction(() =>
			document.querySelector('[data-testid=data-table] thead th')?.textContent?.startsWith('行业')
		);
	} else if (path === 'data/') {
		await page.getByTestId('file-input').setInputFiles('tests/fixtures/import/decl-gbk.csv');
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
			{
				timeout: 60_000
			}
		);
	} else if (path === 'report/preview/') {
		await page.getByTestId('preview-region').selectOption('150200');
		await page.waitForFunction(() =>
			document.querySelector('#report-title')?.textContent?.includes('包头市')
		);
	} else if (path === 'policy/') {
		await page.getByTestId('scenario-search').fill('质量');
		await expect(page.getByTestId('scenario-count').textContent()).resolves.not.toMatch(/显示 40 /);
	}
}

describe('every page offline and under its CSP, in Chromium', () => {
	for (const path of pages) {
		it(`/${path}: no CSP violation, no host but its own, live, works with the network cut`, async () => {
			const context = await browser.newContext({ locale: 'zh-CN' });
			const foreign: string[] = [];
			const failed: string[] = [];
			// The internet is unreachable: anything not from the site itself is recorded and refused.
			await context.route('**/*', (route) => {
				const url = route.request().url();
				if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
					return route.continue();
				foreign.push(url);
				return route.abort('internetdisconnected');
			});
			const page = await context.newPage();
			const recorder = await recordViolations(context, page);
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			page.on('dialog', (dialog) => {
				errors.push(`dialog: ${dialog.message()}`);
				void dialog.dismiss();
			});
			// The browser's own favicon fetch is not the page's: it may come after the cut.
			page.on('requestfailed', (request) => {
				if (!request.url().endsWith('/favicon.svg')) failed.push(request.url());
			});

			await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
			const reached = await waitUntilSettled(page);
			if (await page.getByTestId('figures-source').count()) expect(reached).toBe('live');

			// Routing turns Chromium's HTTP cache off; a cut network is the cache's job again.
			await context.unrouteAll();
			page.on('request', (request) => {
				if (new URL(request.url()).origin !== origin && !/^(data|blob):/.test(request.url()))
					foreign.push(request.url());
			});
			await context.setOffline(true);
			await useOffline(page, path);
			await expect(page.locator('[role=alert]').allTextContents()).resolves.toEqual([]);

			expect(await recorder.violations()).toEqual([]);
			expect(recorder.console).toEqual([]);
			expect(foreign).toEqual([]);
			expect(failed).toEqual([]);
			expect(errors).toEqual([]);
			await context.close();
		});
	}
});
