/**
 * Dashboard timings for `npm run bench`: navigation → first headline card (prerendered),
 * navigation → live DuckDB figures, and a filter change → every chart redrawn; plus the size
 * of the initial JavaScript (gzip), the wasm and its worker excluded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export interface DashboardRun {
	headlineMs: number;
	liveMs: number;
	/** Median of several filter changes. */
	filterMs: number;
}

/** gzip bytes of the JavaScript a first visit to `/` loads before anything else (build/index.html). */
export function initialJsGzipBytes(buildDir = 'build'): { files: number; bytes: number } {
	const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
	const urls = new Set(
		[...html.matchAll(/(?:href|src|import\()\s*=?\s*["']([^"']+\.js)["']/g)].map((m) => m[1] ?? '')
	);
	let bytes = 0;
	for (const url of urls) {
		const path = join(buildDir, url.replace(/^\.?\//, '').replace(/^(\.\.\/)+/, ''));
		bytes += gzipSync(readFileSync(path)).length;
	}
	return { files: urls.size, bytes };
}

/**
 * In the page: pick a 盟市 in the filter bar and wait until the new figures are computed and every
 * chart has its new option (ECharts then paints on the next animation frame). A MutationObserver,
 * not frame polling, so the figure is not rounded up to whole frames.
 * Passed as source text, so no build-tool helpers end up inside the page.
 */
const FILTER_CHANGE_IN_PAGE = `async (code) => {
	const source = document.querySelector('[data-testid=figures-source]');
	const select = document.querySelector('[data-testid=filter-region]');
	const done = new Promise((resolve) => {
		const observer = new MutationObserver(() => {
			const url = new URL(location.href).searchParams.get('region') ?? '';
			if (source.getAttribute('data-busy') === 'false' && url === code) {
				observer.disconnect();
				resolve();
			}
		});
		observer.observe(source, { attributes: true });
	});
	const started = performance.now();
	select.value = code;
	select.dispatchEvent(new Event('change', { bubbles: true }));
	await done;
	// Svelte's effects (the charts' setOption) run right after; a macrotask later they are done.
	await new Promise((resolve) => setTimeout(resolve, 0));
	return performance.now() - started;
}`;

async function filterChangeMs(page: Page, region: string): Promise<number> {
	return page.evaluate(`(${FILTER_CHANGE_IN_PAGE})(${JSON.stringify(region)})`);
}

/**
 * Open 总览 (optionally after loading the files in `dir` on the 数据 page, which the dashboard
 * then reads from local storage) and time it.
 */
export async function runDashboard(
	browser: Browser,
	siteUrl: string,
	dir?: string
): Promise<DashboardRun> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	try {
		const page = await context.newPage();
		if (dir) {
			await page.goto(`${siteUrl}data/`);
			await page.waitForSelector('[data-testid=data-source][data-phase=ready]', {
				timeout: 120_000
			});
			await page.getByTestId('file-input').setInputFiles(readdirSync(dir).map((n) => join(dir, n)));
			await page.waitForSelector(
				'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
				{
					timeout: 300_000
				}
			);
		}
		const t0 = performance.now();
		await page.goto(siteUrl, { waitUntil: 'commit' });
		await page.getByTestId('card-coverage-value').waitFor();
		const headlineMs = performance.now() - t0;
		await page.waitForSelector('[data-testid=figures-source][data-figures=live][data-busy=false]', {
			timeout: 120_000
		});
		const liveMs = performance.now() - t0;
		const times: number[] = [];
		for (const region of ['150100', '150600', '150200', '152900', '']) {
			times.push(await filterChangeMs(page, region));
		}
		times.sort((a, b) => a - b);
		return { headlineMs, liveMs, filterMs: times[Math.floor(times.length / 2)] ?? NaN };
	} finally {
		await context.close();
	}
}
