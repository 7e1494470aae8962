/**
 * The cube in the browser (docs/cube.md): after an import every page shows the user's own
 * figures from before the first paint, the viewing pages never load DuckDB-wasm, their filters
 * work without it, a damaged or older stored cube is said so and made again, a store marked
 * failed leaves the user a way out on every page, and with JavaScript off the charts are there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NodeEngine } from '../../src/lib/db/node-engine';
import { NO_FILTERS } from '../../src/lib/figures/types';
import { formatPercent } from '../../src/lib/format';
import { oracleEngine } from '../oracle/engine';
import { queryOverview } from '../oracle/queries';
import { CHARTS_SHOWN, changeStoredCube, chartsSeriesData, launchBrowser } from './browser';

const siteUrl = inject('siteUrl');
/** A data set whose figures differ from the build's (the sample's) everywhere. */
const IMPORTED = 'tests/fixtures/plan';
let browser: Browser;
let engine: NodeEngine;

beforeAll(async () => {
	browser = await launchBrowser();
	const inputs = readdirSync(IMPORTED)
		.filter((name) => name.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(`${IMPORTED}/${name}`) }));
	({ engine } = await oracleEngine(inputs));
});
afterAll(async () => {
	await browser?.close();
	engine?.close();
});

/** The imported data's headline coverage as a card shows it, region-wide or for one 盟市. */
async function expectedCoverage(region: string | null = null): Promise<string> {
	const overview = await queryOverview(engine, { ...NO_FILTERS, region });
	return overview?.coverage.rate == null ? '无基数' : formatPercent(overview.coverage.rate);
}

const VIEWING_PAGES = [
	'',
	'region/',
	'region/150100/',
	'industry/',
	'scenario/',
	'assessment/',
	'plan/',
	'report/2026/',
	'report/2026/150100/',
	'report/preview/'
];

/** A browser context whose pages record every request and every coverage card value painted. */
async function recordingContext() {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const requests: string[] = [];
	context.on('request', (request) => requests.push(request.url()));
	// From document start, before any of the site's scripts: every value the headline card shows
	// while it is rendered (checkVisibility: not display:none, not inside a hidden ancestor).
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { seenHeadlines: string[] }).seenHeadlines = seen;
		const record = () => {
			const card = document.querySelector('[data-testid=card-coverage-value]');
			if (card && card.checkVisibility() && card.textContent) {
				const text = card.textContent.trim();
				if (seen.at(-1) !== text) seen.push(text);
			}
		};
		new MutationObserver(record).observe(document, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true
		});
		const frame = () => {
			record();
			requestAnimationFrame(frame);
		};
		requestAnimationFrame(frame);
	});
	return { context, requests };
}

const seenHeadlines = (page: Page) =>
	page.evaluate(() => (window as unknown as { seenHeadlines: string[] }).seenHeadlines);

const wasmRequests = (requests: string[]) =>
	requests.filter((url) => /\.wasm($|\?)|duckdb-browser.*worker/.test(url));

/** Import the fixture on 数据 and wait until it and its cube are kept. */
async function importFixture(page: Page) {
	await page.goto(`${siteUrl}data/`);
	await page.waitForSelector('[data-testid=data-source][data-phase=ready]', { timeout: 60_000 });
	const files = readdirSync(IMPORTED).filter((name) => name.endsWith('.csv'));
	await page.getByTestId('file-input').setInputFiles(files.map((f) => `${IMPORTED}/${f}`));
	await page.waitForSelector(
		'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
		{ timeout: 60_000 }
	);
}

const userFigures = (page: Page) =>
	page.waitForSelector('[data-testid=figures-source][data-figures=live][data-data=user]', {
		timeout: 60_000
	});

describe('the cube in Chromium', () => {
	it('after an import, a reload shows only the imported figures, from before the first paint', async () => {
		const { context, requests } = await recordingContext();
		const page = await context.newPage();
		await importFixture(page);
		for (const [path, region] of [
			['', null],
			['region/150100/', '150100']
		] as const) {
			const expected = await expectedCoverage(region);
			requests.length = 0;
			await page.goto(`${siteUrl}${path}`);
			await userFigures(page);
			await expect(page.getByTestId('card-coverage-value').textContent()).resolves.toBe(expected);
			// Every value the card was ever painted with is the imported data's: the build's
			// (the sample's 12.3%) never shows, not even for a frame.
			await expect(seenHeadlines(page)).resolves.toEqual([expected]);
			expect(wasmRequests(requests), path).toEqual([]);
		}
		await context.close();
	});

	it('no viewing page requests the wasm or its worker, with or without local data', async () => {
		const { context, requests } = await recordingContext();
		const page = await context.newPage();
		for (const stage of ['the build', 'imported'] as const) {
			if (stage === 'imported') await importFixture(page);
			for (const path of VIEWING_PAGES) {
				requests.length = 0;
				await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
				expect(wasmRequests(requests), `${stage}: /${path}`).toEqual([]);
			}
		}
		await context.close();
	});

	it('filters change the figures and the charts with no wasm loaded', async () => {
		const { context, requests } = await recordingContext();
		const page = await context.newPage();
		for (const path of ['', 'industry/', 'scenario/', 'assessment/', 'region/150100/']) {
			requests.length = 0;
			await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
			await page.waitForSelector('[data-testid=figures-source][data-figures=live]');
			await page.waitForFunction(`${CHARTS_SHOWN}.every((shown) => shown !== 'null')`);
			const first = await chartsSeriesData(page);
			const [key, value] = path === 'region/150100/' ? ['tier', '2'] : ['region', '150200'];
			await page.selectOption(`[data-testid=filter-${key}]`, value);
			await page.waitForSelector(`[data-testid=figures-source][data-filters*="${key}=${value}"]`);
			await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
			await expect.poll(() => chartsSeriesData(page)).not.toEqual(first);
			expect(wasmRequests(requests), path).toEqual([]);
		}
		await context.close();
	});

	for (const change of ['damage', 'old-version'] as const) {
		it(`a stored cube with ${change === 'damage' ? 'a changed byte' : 'an older version'} is said so, made again, then shown`, async () => {
			const { context, requests } = await recordingContext();
			const page = await context.newPage();
			await importFixture(page);
			await changeStoredCube(page, change);
			requests.length = 0;
			await page.goto(siteUrl);
			const note = page.getByTestId('cube-rebuilding');
			await note.waitFor({ timeout: 30_000 });
			await expect(note.textContent()).resolves.toContain(
				change === 'damage' ? '已损坏' : '旧版本'
			);
			await userFigures(page);
			await expect(page.getByTestId('card-coverage-value').textContent()).resolves.toBe(
				await expectedCoverage()
			);
			await expect(seenHeadlines(page)).resolves.toEqual([await expectedCoverage()]);
			// Made again with DuckDB, and kept: the next load reads it without.
			expect(wasmRequests(requests).length).toBeGreaterThan(0);
			requests.length = 0;
			await page.reload();
			await userFigures(page);
			expect(wasmRequests(requests)).toEqual([]);
			await context.close();
		});
	}

	it('a damaged stored detail leaves 总览 as it is; 场景 says so, makes it again, then shows it', async () => {
		const { context, requests } = await recordingContext();
		const page = await context.newPage();
		await importFixture(page);
		await page.goto(`${siteUrl}scenario/`);
		await userFigures(page);
		// Each cell's accessible name holds its value (written in the cell only on demand).
		const heatmapCells = () =>
			page
				.getByTestId('heatmap-tier')
				.locator('button.cell')
				.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-label')));
		const expected = await heatmapCells();
		expect(expected.length).toBeGreaterThan(100);
		await changeStoredCube(page, 'damage', 'detail');
		// 总览 reads the core alone: the user's figures, nothing to make again.
		requests.length = 0;
		await page.goto(siteUrl);
		await userFigures(page);
		await expect(seenHeadlines(page)).resolves.toEqual([await expectedCoverage()]);
		expect(wasmRequests(requests)).toEqual([]);
		await expect(page.getByTestId('cube-rebuilding').count()).resolves.toBe(0);
		// 场景 reads the detail: said damaged, made again from the files, the same figures shown.
		await page.getByRole('link', { name: '场景', exact: true }).first().click();
		const note = page.getByTestId('cube-rebuilding');
		await note.waitFor({ timeout: 30_000 });
		await expect(note.textContent()).resolves.toContain('已损坏');
		await note.waitFor({ state: 'detached', timeout: 60_000 });
		await userFigures(page);
		await expect(heatmapCells()).resolves.toEqual(expected);
		expect(wasmRequests(requests).length).toBeGreaterThan(0);
		await context.close();
	});

	it('a store whose load failed leaves every page a way out: clear, or import again', async () => {
		const { context } = await recordingContext();
		const page = await context.newPage();
		await importFixture(page);
		// As an earlier load that failed leaves the store (dataset.svelte.ts, markStoredFailed).
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const key = 'imau-smart-factory/dataset-v2';
					const open = indexedDB.open('keyval-store');
					open.onsuccess = () => {
						const db = open.result;
						db.transaction('keyval').objectStore('keyval').get(key).onsuccess = (event) => {
							const value = (event.target as IDBRequest).result;
							value.failed = 'DuckDB 读取失败（测试）';
							const put = db
								.transaction('keyval', 'readwrite')
								.objectStore('keyval')
								.put(value, key);
							put.onsuccess = () => resolve();
							put.onerror = () => reject(put.error);
						};
					};
				})
		);
		for (const path of ['', 'region/', 'industry/', 'scenario/', 'assessment/', 'plan/']) {
			await page.goto(`${siteUrl}${path}`);
			const failed = page.getByTestId('local-data-failed');
			await failed.waitFor();
			await expect(failed.textContent()).resolves.toContain('DuckDB 读取失败（测试）');
			await expect(failed.getByTestId('reimport').getAttribute('href')).resolves.toMatch(/data\/$/);
			await expect(seenHeadlines(page), path).resolves.toEqual([]);
		}
		// Clearing asks first; cancelled, the failed data stays.
		await page.getByTestId('clear-local-data').click();
		const dialog = page.getByTestId('clear-data-dialog');
		await dialog.getByRole('button', { name: '取消' }).click();
		await expect(page.getByTestId('local-data-failed').isVisible()).resolves.toBe(true);
		await page.getByTestId('clear-local-data').click();
		await dialog.getByTestId('clear-data-confirm').click();
		await page.waitForSelector('[data-testid=figures-source][data-figures=live][data-data=sample]');
		await context.close();
	});

	it('with JavaScript off, 总览 shows its cards and its charts as SVG', async () => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			viewport: { width: 1366, height: 768 }
		});
		const page = await context.newPage();
		await page.goto(siteUrl);
		await expect(page.getByTestId('card-coverage-value').textContent()).resolves.toBe('12.3%');
		// The trend is SVG Svelte drew on the server; the ranking ECharts' SVG, as an image.
		const trend = page.locator('[data-testid=chart] .plot > svg');
		await expect(trend.count()).resolves.toBe(1);
		await expect(trend.isVisible()).resolves.toBe(true);
		expect((await trend.boundingBox())?.height).toBeGreaterThan(200);
		const trendText = (await trend.textContent()) ?? '';
		expect(trendText).toContain('2026年');
		expect(trendText).toContain('12.3%');
		expect(trendText).toContain('目标25%');
		const images = page.locator('[data-testid=chart] img');
		await expect(images.count()).resolves.toBe(1);
		expect((await images.boundingBox())?.height).toBeGreaterThan(200);
		// The image has loaded (the CSP lets it), with the ranking's bars and labels.
		const drawn = await images.evaluate(
			(image) =>
				(image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0
		);
		expect(drawn).toBe(true);
		const ranking = decodeURIComponent((await images.getAttribute('src')) ?? '');
		expect(ranking).toContain('呼和浩特');
		await context.close();
	});
});
