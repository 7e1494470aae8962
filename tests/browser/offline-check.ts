/**
 * One built page, opened in Chromium from a given server (scripts/serve.js, or nginx with the
 * repository's recipe): under its Content-Security-Policy nothing is blocked, no request goes to
 * any host but the site's own (the internet is cut off), every response of the site carries the
 * policy as a header — the workers' scripts and the wasm the whole of it — the page goes live,
 * and it keeps working once the network is gone entirely.
 */
import type { Browser, Page, Response } from 'playwright-core';
import { expect } from 'vitest';
import { recordViolations, waitUntilSettled } from './trust';

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

/** The site's responses that lack the policy header they should carry, as "url: problem". */
export async function headerProblems(responses: Response[]): Promise<string[]> {
	const problems: string[] = [];
	for (const response of responses) {
		const url = response.url();
		const policy = (await response.allHeaders())['content-security-policy'] ?? '';
		if (!policy.includes("frame-ancestors 'none'"))
			problems.push(`${url}: ${policy || '没有 CSP 头'}`);
		// Scripts (the workers among them) and the wasm: the whole policy, which workers obey.
		if (/\.(js|wasm)$/.test(new URL(url).pathname)) {
			for (const directive of [
				"default-src 'self'",
				"script-src 'self' 'wasm-unsafe-eval'",
				"connect-src 'self'",
				"worker-src 'self'"
			]) {
				if (!policy.includes(directive)) problems.push(`${url}: 缺少 ${directive}`);
			}
		}
	}
	return problems;
}

export async function checkPageOffline(browser: Browser, siteUrl: string, path: string) {
	const origin = new URL(siteUrl).origin;
	const context = await browser.newContext({ locale: 'zh-CN' });
	const foreign: string[] = [];
	const failed: string[] = [];
	const responses: Response[] = [];
	// The internet is unreachable: anything not from the site itself is recorded and refused.
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin)
			return route.continue();
		foreign.push(url);
		return route.abort('internetdisconnected');
	});
	const page = await context.newPage();
	context.on('response', (response) => {
		if (new URL(response.url()).origin === origin) responses.push(response);
	});
	const recorder = await recordViolations(context, page);
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('dialog', (dialog) => {
		errors.push(`dialog: ${dialog.message()}`);
		void dialog.dismiss();
	});
	// The browser's own favicon fetch is not the page's: it may come after the cut.
	page.on('requestfailed', (request) => {
		if (!request.url().endsWith('/favicon.png')) failed.push(request.url());
	});

	await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
	const reached = await waitUntilSettled(page);
	if (await page.getByTestId('figures-source').count()) expect(reached).toBe('live');
	expect(await headerProblems(responses)).toEqual([]);
	const names = responses.map((r) => new URL(r.url()).pathname);
	if (await page.getByTestId('figures-source').count()) {
		// A viewing page slices the cube: it never needs DuckDB (docs/cube.md).
		expect(names.filter((n) => n.endsWith('.wasm') || /duckdb.*worker/.test(n))).toEqual([]);
	} else if (reached === 'live' && /^(data|explore)\//.test(path)) {
		// DuckDB ran in its worker under the header policy: its scripts and wasm came with it.
		expect(names.some((n) => /duckdb-guard\.worker.*\.js$/.test(n))).toBe(true);
		expect(names.some((n) => n.endsWith('.wasm'))).toBe(true);
	}

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
	return reached;
}
