/**
 * Dashboard timings for `npm run bench`: navigation → first headline card (prerendered),
 * navigation → live DuckDB figures, and a filter change → the charts redrawn, on 总览 and on
 * each other dashboard page: those near the window (what a change redraws at once), and every
 * chart (the far ones drawn at once too, as printing does); plus the size of the initial
 * JavaScript (gzip), the wasm and its worker excluded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

export interface DashboardRun {
	headlineMs: number;
	liveMs: number;
	/** 总览: median of several filter changes. */
	filterMs: number;
	/** Every dashboard page (总览 again among them, after the others' visits). */
	pages: PageFilterRun[];
}

export interface PageFilterRun {
	/** The page's name in the site's navigation. */
	name: string;
	path: string;
	/** The filter changed (the 盟市, or the tier on a page fixed to one 盟市). */
	filter: 'region' | 'tier';
	/** Median of five changes, right after the page went live: the charts near the window. */
	filterMs: number;
	/** Median of five more changes, each with every chart drawn (far ones too, as for printing). */
	allChartsMs: number;
}

/** The pages timed after 总览, each with the filter a user there would change. */
const PAGES: Omit<PageFilterRun, 'filterMs' | 'allChartsMs'>[] = [
	{ name: '总览', path: '', filter: 'region' },
	{ name: '盟市', path: 'region/', filter: 'region' },
	{ name: '呼和浩特市', path: 'region/150100/', filter: 'tier' },
	{ name: '行业', path: 'industry/', filter: 'region' },
	{ name: '场景', path: 'scenario/', filter: 'region' },
	{ name: '能力评估', path: 'assessment/', filter: 'region' },
	{ name: '计划落实', path: 'plan/', filter: 'region' }
];

/** Five values of each filter, the last back to none. */
const FILTER_VALUES = {
	region: ['150100', '150600', '150200', '152900', ''],
	tier: ['1', '2', '3', '4', '']
};

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
 * In the page: pick a value of a filter (`key`: region, tier …) in the filter bar and wait until
 * the figures shown are for it and every chart near the window has its new option (drawn by
 * ECharts, which paints its canvas then or, for a chart whose height changed, in the frame; the
 * browser shows it in the next frame, after which the URL is written). A MutationObserver, not
 * frame polling, so the figure is not rounded up to whole frames. Passed as source text, so no
 * build-tool helpers end up inside the page.
 */
const FILTER_CHANGE_IN_PAGE = `async ([key, code, everyChart]) => {
	const source = document.querySelector('[data-testid=figures-source]');
	const select = document.querySelector('[data-testid=filter-' + key + ']');
	const done = new Promise((resolve) => {
		const observer = new MutationObserver(() => {
			// The filters the figures shown are for (the URL follows a frame later; builds before
			// data-filters wrote it first).
			const attribute = source.getAttribute('data-filters');
			const shown =
				attribute === null ? new URL(location.href).searchParams : new URLSearchParams(attribute);
			if (source.getAttribute('data-busy') === 'false' && (shown.get(key) ?? '') === code) {
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
	// Charts far from the window wait (Chart.svelte); printing draws them, so does this.
	if (everyChart) dispatchEvent(new Event('beforeprint'));
	const elapsed = performance.now() - started;
	// The URL follows right after the frame (use-dashboard.svelte.ts): let it, untimed, before
	// the next change.
	for (let i = 0; (new URL(location.href).searchParams.get(key) ?? '') !== code; i++) {
		if (i === 300) throw new Error('the URL did not follow the filter change');
		await new Promise((resolve) => requestAnimationFrame(resolve));
	}
	return elapsed;
}`;

/**
 * The median of five changes of `filter` in the open page; with `everyChart`, each change also
 * draws the charts far from the window.
 */
async function medianFilterChangeMs(
	page: Page,
	filter: 'region' | 'tier',
	everyChart = false
): Promise<number> {
	const times: number[] = [];
	for (const value of FILTER_VALUES[filter]) {
		times.push(
			await page.evaluate(
				`(${FILTER_CHANGE_IN_PAGE})(${JSON.stringify([filter, value, everyChart])})`
			)
		);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)] ?? NaN;
}

const LIVE = '[data-testid=figures-source][data-figures=live][data-busy=false]';

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
		await page.waitForSelector(LIVE, { timeout: 120_000 });
		const liveMs = performance.now() - t0;
		const filterMs = await medianFilterChangeMs(page, 'region');
		// Each page in turn, opened from the site's navigation as a user would (no reload).
		const pages: PageFilterRun[] = [];
		for (const entry of PAGES) {
			const link = page.locator(`a[href$="/${entry.path}"]`).first();
			if (await link.count()) await link.click();
			else await page.goto(`${siteUrl}${entry.path}`);
			await page.waitForURL((url) => url.pathname.endsWith(`/${entry.path}`));
			await page.waitForSelector(LIVE, { timeout: 300_000 });
			const filterMs = await medianFilterChangeMs(page, entry.filter);
			const allChartsMs = await medianFilterChangeMs(page, entry.filter, true);
			pages.push({ ...entry, filterMs, allChartsMs });
		}
		return { headlineMs, liveMs, filterMs, pages };
	} finally {
		await context.close();
	}
}
