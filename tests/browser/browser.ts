/**
 * Debian's Chromium driven by playwright-core, with the flags this machine needs, and a
 * record of every request so tests can assert that nothing leaves the site.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Summary } from '../../src/lib/figures/summary';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		// playwright gives every launch a fresh temporary profile (--user-data-dir).
		args: CHROMIUM_ARGS
	});
}

export interface TrackedPage {
	page: Page;
	context: BrowserContext;
	/** Every URL the page requested. */
	requests: string[];
	/** Console errors and uncaught exceptions. */
	errors: string[];
}

export async function openPage(browser: Browser, url: string): Promise<TrackedPage> {
	const context = await browser.newContext({
		viewport: { width: 1366, height: 768 },
		locale: 'zh-CN'
	});
	const page = await context.newPage();
	const requests: string[] = [];
	const errors: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	return { page, context, requests, errors };
}

/** Requests that went to any origin other than the site's own. */
export function foreignRequests(requests: string[], siteUrl: string): string[] {
	const origin = new URL(siteUrl).origin;
	return requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
}

/** Drop files on the 数据 page's drop zone the way a user drags them from the desktop. */
/**
 * Every chart drawn with its newest option: a chart far from the window keeps its drawn option
 * until it comes near (Chart.svelte); printing draws it, and so does this, before a test reads
 * every chart.
 */
export async function drawEveryChart(page: Page): Promise<void> {
	await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
	await page.waitForFunction(() =>
		[...document.querySelectorAll('[data-testid=chart]')].every(
			(chart) => chart.getAttribute('data-waiting') !== 'true'
		)
	);
}

/**
 * In the page, what each chart shows, top to bottom, as JSON: an ECharts chart's series data
 * (null before ECharts has drawn), a chart Svelte draws its marks' details (what their
 * tooltips say: each bar's or year's figures). Source text, so no build-tool helpers end up in
 * the page.
 */
export const CHARTS_SHOWN = `[...document.querySelectorAll('[data-testid=chart]')].map((chart) => {
	const canvas = chart.querySelector('.canvas');
	if (canvas) return JSON.stringify(canvas.echartsInstance?.getOption().series.map((s) => s.data) ?? null);
	return JSON.stringify([...chart.querySelectorAll('[data-detail]')].map((m) => m.getAttribute('data-detail')));
})`;

/** Each chart's data as JSON, top to bottom: what the charts show, comparable as text. */
export function chartsSeriesData(page: Page): Promise<string[]> {
	return page.evaluate(CHARTS_SHOWN) as Promise<string[]>;
}

/** 清除本地数据 on the 数据 page, confirmed in its dialog. */
export async function clearLocalData(page: Page, button = 'clear-data'): Promise<void> {
	await page.getByTestId(button).click();
	await page.getByTestId('clear-data-confirm').click();
}

export async function dropFiles(page: Page, paths: string[]): Promise<void> {
	const files = paths.map((path) => ({ name: basename(path), bytes: [...readFileSync(path)] }));
	const transfer = await page.evaluateHandle((list) => {
		const dt = new DataTransfer();
		for (const f of list)
			dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'text/csv' }));
		return dt;
	}, files);
	await page.dispatchEvent('[aria-label="拖放 CSV 或 Excel 文件导入"]', 'drop', {
		dataTransfer: transfer
	});
}

/** `npm run summary -- --data <dir> [--year Y]`, as the department runs it. */
export function cliSummary(dir: string, year?: number): Summary {
	const args = ['tsx', 'scripts/summary.ts', '--data', dir];
	if (year !== undefined) args.push('--year', String(year));
	return JSON.parse(
		execFileSync('npx', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
	) as Summary;
}

/** Change one byte inside the first stored file (IndexedDB), as damage on disk would. */
export function damageStoredFile(page: Page): Promise<void> {
	return page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const key = 'imau-smart-factory/dataset-v2';
				const open = indexedDB.open('keyval-store');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					db.transaction('keyval').objectStore('keyval').get(key).onsuccess = async (event) => {
						const value = (event.target as IDBRequest).result;
						const bytes = new Uint8Array(await (value.files[0].blob as Blob).arrayBuffer());
						const at = bytes.length - 2;
						bytes[at] = (bytes[at] ?? 0) ^ 1;
						value.files[0].blob = new Blob([bytes]);
						const put = db.transaction('keyval', 'readwrite').objectStore('keyval').put(value, key);
						put.onsuccess = () => resolve();
						put.onerror = () => reject(put.error);
					};
				};
			})
	);
}

/**
 * Rewrite one part of the stored cube's record in IndexedDB with `change` (damage, another
 * version): its core (read on every page load) or its detail (read by 场景 and the like).
 */
export function changeStoredCube(
	page: Page,
	change: 'damage' | 'old-version',
	part: 'core' | 'detail' = 'core'
): Promise<void> {
	return page.evaluate(
		({ how, key }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('keyval-store');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					db.transaction('keyval').objectStore('keyval').get(key).onsuccess = async (event) => {
						const value = (event.target as IDBRequest).result;
						if (!value) return reject(new Error('no stored cube'));
						if (how === 'damage') {
							const bytes = new Uint8Array(await (value.blob as Blob).arrayBuffer());
							const at = bytes.length - 3;
							bytes[at] = (bytes[at] ?? 0) ^ 1;
							value.blob = new Blob([bytes]);
						} else value.version = 0;
						const put = db.transaction('keyval', 'readwrite').objectStore('keyval').put(value, key);
						put.onsuccess = () => resolve();
						put.onerror = () => reject(put.error);
					};
				};
			}),
		{
			how: change,
			key: part === 'core' ? 'imau-smart-factory/cube' : 'imau-smart-factory/cube-detail'
		}
	);
}
