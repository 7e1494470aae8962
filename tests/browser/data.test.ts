import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { computeSummary, type Summary } from '../../src/lib/db/summary';
import { formatCount, formatPercent } from '../../src/lib/format';
import { importFiles } from '../../src/lib/import/pipeline';
import { damageStoredFile, dropFiles, foreignRequests, launchBrowser, openPage } from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;
let nodeSummary: Summary | null;
let nodeRowsLoaded: number;

beforeAll(async () => {
	browser = await launchBrowser();
	const inputs = readdirSync('data/sample').map((name) => ({
		name,
		bytes: readFileSync(`data/sample/${name}`)
	}));
	const result = importFiles(inputs);
	nodeRowsLoaded = result.reports.reduce((n, r) => n + r.rowsLoaded, 0);
	const engine = await NodeEngine.create();
	await loadTables(engine, readSqlSources(), result.tables);
	nodeSummary = await computeSummary(engine);
	engine.close();
});
afterAll(async () => {
	await browser?.close();
});

/** The dataset is live: imported, loaded into DuckDB and (for the user's files) stored. */
const ready = (page: Page, source: 'sample' | 'user') =>
	page.waitForSelector(
		`[data-testid=data-source][data-source=${source}][data-phase=ready]${source === 'user' ? '[data-stored=saved]' : ''}`,
		{ timeout: 60_000 }
	);

describe('数据 page in Chromium', () => {
	it('loads the sample by default, labelled 示例数据, with the same figures as Node', async () => {
		const { page, context, requests, errors } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		await page.waitForSelector('[data-testid=data-summary]');
		await expect(page.getByTestId('data-source').textContent()).resolves.toContain('示例数据');
		await expect(page.getByTestId('import-totals').textContent()).resolves.toContain(
			`导入 ${formatCount(nodeRowsLoaded)} 行`
		);
		const s = nodeSummary;
		expect(s).not.toBeNull();
		await expect(page.getByTestId('data-summary').getAttribute('data-year')).resolves.toBe(
			String(s?.year)
		);
		await expect(page.getByTestId('summary-coverage').textContent()).resolves.toBe(
			formatPercent(s?.coverage.overall.rate ?? NaN)
		);
		await expect(page.getByTestId('summary-flagged').textContent()).resolves.toBe(
			String(s?.flagged)
		);
		const rows = await page.$$eval('[data-testid=summary-regions] tbody tr', (trs) =>
			trs.map((tr) => [
				tr.getAttribute('data-code'),
				...[...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())
			])
		);
		expect(rows).toEqual(
			s?.coverage.byRegion.map((r) => [
				r.code,
				String(r.numerator),
				String(r.denominator ?? '—'),
				r.rate === null ? '无基数' : formatPercent(r.rate)
			])
		);
		expect(errors).toEqual([]);
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		await context.close();
	});

	it('takes a dropped GBK file, reports it, and still has it after a reload', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		await dropFiles(page, ['tests/fixtures/import/decl-gbk.csv']);
		await ready(page, 'user');
		const report = page.locator('[data-testid=file-report][data-file="decl-gbk.csv"]');
		await expect(report.textContent()).resolves.toContain('GB18030/GBK');
		await expect(report.getByTestId('rows-read').textContent()).resolves.toBe('2');
		await expect(report.getByTestId('rows-loaded').textContent()).resolves.toBe('2');
		await expect(report.getByTestId('rows-rejected').textContent()).resolves.toBe('0');
		await expect(page.locator('body').textContent()).resolves.toContain('未导入建设场景明细');
		await expect(page.getByTestId('data-summary').getAttribute('data-year')).resolves.toBe('2025');

		await page.reload();
		await ready(page, 'user');
		const again = page.locator('[data-testid=file-report][data-file="decl-gbk.csv"]');
		await expect(again.getByTestId('rows-loaded').textContent()).resolves.toBe('2');
		await expect(again.textContent()).resolves.toContain('GB18030/GBK');

		await page.getByTestId('clear-data').click();
		await ready(page, 'sample');
		await page.reload();
		await ready(page, 'sample');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('refuses a file with an identifying column until the user drops it, and never stores it', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		const fixture = 'tests/fixtures/import/decl-company-name.csv';
		await dropFiles(page, [fixture]);
		// Refused: nothing to keep, so it is ready without being stored.
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=none]'
		);
		const report = page.locator('[data-testid=file-report][data-file="decl-company-name.csv"]');
		await expect(report.textContent()).resolves.toContain('已拒绝');
		await expect(report.getByRole('alert').textContent()).resolves.toContain('企业名称');
		await report.getByRole('button', { name: '删除这些列并继续导入' }).click();
		// The click starts a new import at once (phase leaves 'ready'); wait for its report, then for it to finish.
		await report.getByText('已删除身份信息列').waitFor();
		await ready(page, 'user');
		const stored = await page.evaluate(
			() =>
				new Promise<string>((resolve, reject) => {
					const open = indexedDB.open('keyval-store');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const get = open.result
							.transaction('keyval')
							.objectStore('keyval')
							.get('imau-smart-factory/dataset-v2');
						get.onsuccess = async () => {
							const files = get.result.files as { name: string; blob: Blob }[];
							const texts = await Promise.all(
								files.map(async (f) => `${f.name}\n${await f.blob.text()}`)
							);
							resolve(texts.join('\n'));
						};
					};
				})
		);
		const text = readFileSync(fixture, 'utf8');
		const header = text.split(/\r?\n/)[0]?.split(',') ?? [];
		const nameColumn = header.findIndex((h) => h.includes('企业名称'));
		const names = text
			.split(/\r?\n/)
			.slice(1)
			.filter(Boolean)
			.map((line) => line.split(',')[nameColumn]);
		expect(names.length).toBeGreaterThan(0);
		expect(stored).toContain('decl-company-name.csv');
		for (const name of names) expect(stored).not.toContain(name);
		await context.close();
	});

	it('still opens data kept by the earlier text store (version 1)', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		const text = readFileSync('tests/fixtures/import/decl-utf8-bom.csv', 'utf8').replace(
			/^\uFEFF/,
			''
		);
		// What the earlier build wrote: version 1, the text itself, SHA-256 of the JSON.
		await page.evaluate(
			(text) =>
				new Promise<void>((resolve, reject) => {
					const files = [{ name: 'kept-by-v1.csv', text, encoding: 'UTF-8' }];
					const json = new TextEncoder().encode(JSON.stringify([files, []]));
					void crypto.subtle.digest('SHA-256', json).then((digest) => {
						const checksum = [...new Uint8Array(digest)]
							.map((b) => b.toString(16).padStart(2, '0'))
							.join('');
						const open = indexedDB.open('keyval-store');
						open.onerror = () => reject(open.error);
						open.onsuccess = () => {
							const value = {
								version: 1,
								savedAt: '',
								files,
								dropIdentifyingColumns: [],
								checksum
							};
							open.result
								.transaction('keyval', 'readwrite')
								.objectStore('keyval')
								.put(value, 'imau-smart-factory/dataset-v1').onsuccess = () => resolve();
						};
					});
				}),
			text
		);
		await page.reload();
		await ready(page, 'user');
		await expect(
			page.locator('[data-testid=file-report][data-file="kept-by-v1.csv"]').count()
		).resolves.toBe(1);
		await context.close();
	});

	it('reports a damaged local store instead of showing numbers, and clears it', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		await dropFiles(page, ['tests/fixtures/import/decl-gbk.csv']);
		await ready(page, 'user');
		await damageStoredFile(page);
		await page.reload();
		await page.waitForSelector('[data-testid=data-error]');
		await expect(page.getByTestId('data-error').textContent()).resolves.toContain(
			'本地保存的数据已损坏'
		);
		expect(await page.getByTestId('data-summary').count()).toBe(0);
		await page.getByTestId('data-error').getByRole('button', { name: '清除本地数据' }).click();
		await ready(page, 'sample');
		await page.waitForSelector('[data-testid=data-summary]');
		await context.close();
	});
});
