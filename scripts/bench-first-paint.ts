/**
 * First paint and the cube for `npm run bench` (issue #19), each build side by side with
 * another (`--against <build dir>`: both served at once, runs alternating, so the host's noise
 * falls on both): per cold load of 总览, the bytes transferred, first contentful paint (and
 * whether the first chart was in it), when the first chart showed, the page renderer's peak memory; with a million scenario
 * rows imported, reload → the user's own headline on screen, and the stored cube's size.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Site {
	name: string;
	url: string;
}

export interface ColdLoad {
	bytes: number;
	fcpMs: number;
	/**
	 * The first chart had its picture (a loaded SVG image, inline SVG or canvas) and began within
	 * the window when the first contentful paint came.
	 */
	chartAtFcp: boolean;
	/**
	 * When the first chart first showed its picture (a loaded SVG image, or ECharts' drawing):
	 * the first screen is whole from then (never before the first paint).
	 */
	firstChartMs: number;
	peakRendererMb: number;
}

/** In every page, from document start: whether the first chart is drawn, on screen, at the first paint. */
const FCP_PROBE = `(() => {
	const chartShows = (chart) => {
		const image = chart.querySelector('img');
		return (!!image && image.complete && image.naturalWidth > 0) || chart.dataset.ready === 'true';
	};
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			if (entry.name !== 'first-contentful-paint') continue;
			const chart = document.querySelector('[data-testid=chart]');
			window.__chartAtFcp =
				!!chart && chartShows(chart) && chart.getBoundingClientRect().top < innerHeight;
		}
	}).observe({ type: 'paint', buffered: true });
	const watch = () => {
		const chart = document.querySelector('[data-testid=chart]');
		if (chart && chartShows(chart)) window.__firstChartAt = performance.now();
		else requestAnimationFrame(watch);
	};
	requestAnimationFrame(watch);
})()`;

/**
 * Bytes received (encoded, as on the wire: headers and body) while `load` runs, by the page and
 * its dedicated workers (duckdb-wasm's worker fetches the wasm itself).
 */
async function countBytes(page: Page, load: () => Promise<void>): Promise<number> {
	const sizes: Promise<number>[] = [];
	const finished = (request: import('playwright-core').Request) =>
		// Not the service worker's own fetches (kept data: it marks each page's HTML): the page's
		// request for that HTML counts it once, and `sizes()` of a service worker's request never
		// settled in a persistent profile (the bench hung there).
		request.serviceWorker() === null &&
		sizes.push(
			request
				.sizes()
				.then((s) => s.responseBodySize + s.responseHeadersSize)
				.catch(() => 0)
		);
	page.context().on('requestfinished', finished);
	try {
		await load();
	} finally {
		page.context().off('requestfinished', finished);
	}
	return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

/** Until nothing has been requested for `quietMs` (the old build fetches its wasm late). */
async function settle(page: Page, quietMs = 1500): Promise<void> {
	let last = Date.now();
	const mark = () => (last = Date.now());
	page.on('request', mark);
	page.on('requestfinished', mark);
	while (Date.now() - last < quietMs) await page.waitForTimeout(200);
	page.off('request', mark);
	page.off('requestfinished', mark);
}

/** The page's figures are on screen and final (live, the user's when `user`). */
const LIVE = '[data-testid=figures-source][data-figures=live][data-busy=false]';

/**
 * One cold load of 总览 in `context` (HTTP cache cleared; IndexedDB kept: a user's imported
 * data stays), in a new tab or in `tab`: bytes, FCP, the chart at FCP, the peak renderer memory
 * from `rss` sampled.
 */
export async function coldLoad(
	context: BrowserContext,
	site: Site,
	rss: () => number,
	tab?: Page
): Promise<ColdLoad> {
	const page = tab ?? (await context.newPage());
	try {
		await page.addInitScript(FCP_PROBE);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.clearBrowserCache');
		await cdp.detach();
		let peak = 0;
		const sampler = setInterval(() => (peak = Math.max(peak, rss())), 100);
		const bytes = await countBytes(page, async () => {
			await page.goto(site.url);
			await page.waitForSelector(LIVE, { timeout: 120_000 });
			await settle(page);
		});
		clearInterval(sampler);
		peak = Math.max(peak, rss());
		const { fcp, chart, chartAt } = await page.evaluate(() => {
			const probed = window as unknown as { __chartAtFcp?: boolean; __firstChartAt?: number };
			return {
				fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
				chart: probed.__chartAtFcp ?? false,
				chartAt: probed.__firstChartAt ?? NaN
			};
		});
		return {
			bytes,
			fcpMs: fcp,
			chartAtFcp: chart,
			firstChartMs: Math.max(fcp, chartAt),
			peakRendererMb: peak
		};
	} finally {
		await page.close();
	}
}

/** Import the files of `dir` on the site's 数据 page and wait until they are kept. */
export async function importInto(context: BrowserContext, site: Site, dir: string): Promise<void> {
	const page = await context.newPage();
	try {
		await page.goto(`${site.url}data/`);
		await page.waitForSelector('[data-testid=data-source][data-phase=ready]', {
			timeout: 300_000
		});
		await page.getByTestId('file-input').setInputFiles(readdirSync(dir).map((n) => join(dir, n)));
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
			{ timeout: 600_000 }
		);
	} finally {
		await page.close();
	}
}

/** In every page, from document start: when the card first showed the user's own figure. */
const OWN_HEADLINE_PROBE = `(() => {
	const check = () => {
		if (window.__ownHeadlineAt !== undefined) return;
		const source = document.querySelector('[data-testid=figures-source][data-figures=live][data-data=user]');
		const card = document.querySelector('[data-testid=card-coverage-value]');
		if (source && card && card.checkVisibility()) window.__ownHeadlineAt = performance.now();
	};
	new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;

/**
 * Reload → the user's own headline on screen: from the navigation's start until the coverage
 * card is painted with the user's data (recorded in the page by a MutationObserver).
 */
export async function reloadToOwnHeadline(context: BrowserContext, site: Site): Promise<number> {
	const page = await context.newPage();
	try {
		await page.addInitScript(OWN_HEADLINE_PROBE);
		await page.goto(site.url);
		await page.waitForSelector(`${LIVE}[data-data=user]`, { timeout: 300_000 });
		await page.reload({ waitUntil: 'commit' });
		await page.waitForFunction(
			() => (window as unknown as { __ownHeadlineAt?: number }).__ownHeadlineAt !== undefined,
			undefined,
			{ timeout: 300_000 }
		);
		return await page.evaluate(
			() => (window as unknown as { __ownHeadlineAt: number }).__ownHeadlineAt
		);
	} finally {
		await page.close();
	}
}

/**
 * The stored cube's size in bytes: its core (what a page load reads) and all of it (the core
 * and the detail kept beside it; a build before the split keeps one part only).
 */
export function storedCubeBytes(
	context: BrowserContext,
	site: Site
): Promise<{ core: number; total: number } | null> {
	return context.newPage().then(async (page) => {
		try {
			await page.goto(`${site.url}policy/`);
			return await page.evaluate(
				() =>
					new Promise<{ core: number; total: number } | null>((resolve) => {
						const open = indexedDB.open('keyval-store');
						open.onerror = () => resolve(null);
						open.onsuccess = () => {
							const store = open.result.transaction('keyval').objectStore('keyval');
							const core = store.get('imau-smart-factory/cube');
							const detail = store.get('imau-smart-factory/cube-detail');
							// No named function in here: tsx would wrap it in a helper the page lacks.
							detail.onsuccess = () => {
								const [coreSize, detailSize] = [core, detail].map(
									(request) => (request.result?.blob as Blob | undefined)?.size ?? 0
								);
								resolve(core.result ? { core: coreSize!, total: coreSize! + detailSize! } : null);
							};
							detail.onerror = () => resolve(null);
						};
					})
			);
		} finally {
			await page.close();
		}
	});
}

export const median = (values: number[]): number => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
