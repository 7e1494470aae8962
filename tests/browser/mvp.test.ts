/**
 * Old browser cores (Chromium < 95, common on intranets) get duckdb-wasm's mvp bundle. `?duckdb=mvp`
 * forces it here: the pages that load DuckDB (数据, 探索) go live on it and show exactly the
 * figures of the eh bundle.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartsSeriesData, drawEveryChart, launchBrowser } from './browser';
import { waitUntilSettled } from './trust';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** What the user reads: cards, tables, and every chart's series data. */
async function figures(page: Page) {
	await page.waitForFunction(() =>
		[...document.querySelectorAll('[data-testid=chart]')].every(
			(c) => c.getAttribute('data-ready') === 'true'
		)
	);
	await drawEveryChart(page);
	const shown = await page.evaluate(() => ({
		cards: [...document.querySelectorAll('[data-testid$=-value]')].map((e) => e.textContent),
		tables: [
			...document.querySelectorAll(
				'[data-testid=data-table] tbody tr, [data-testid=data-summary] tbody tr, [data-testid=pivot-table] tbody tr'
			)
		].map((tr) => tr.textContent)
	}));
	return { ...shown, charts: await chartsSeriesData(page) };
}

/** Open `url` live; return its figures and the wasm files it fetched. */
async function liveFigures(url: string) {
	const context = await browser.newContext({ locale: 'zh-CN' });
	const page = await context.newPage();
	const wasm: string[] = [];
	page.on('request', (request) => {
		const name = new URL(request.url()).pathname.split('/').pop() ?? '';
		if (request.method() === 'GET' && name.endsWith('.wasm')) wasm.push(name.split('.')[0] ?? '');
	});
	await page.goto(url);
	await expect(waitUntilSettled(page)).resolves.toBe('live');
	const shown = await figures(page);
	await context.close();
	return { shown, wasm };
}

describe('the mvp bundle (old browser cores)', () => {
	for (const path of ['data/', 'explore/']) {
		it(`/${path}?duckdb=mvp goes live on the mvp wasm with the same figures as eh`, async () => {
			const mvp = await liveFigures(`${siteUrl}${path}?duckdb=mvp`);
			const eh = await liveFigures(`${siteUrl}${path}`);
			expect(mvp.wasm).toEqual(['duckdb-mvp']);
			expect(eh.wasm).toEqual(['duckdb-eh']);
			expect(mvp.shown.tables.length).toBeGreaterThan(0);
			for (const row of mvp.shown.tables) expect(row).toMatch(/\d/);
			expect(mvp.shown).toEqual(eh.shown);
		});
	}
});
