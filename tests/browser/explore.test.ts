import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importFiles } from '../../src/lib/import/pipeline';
import { foreignRequests, launchBrowser, openPage } from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;
let declarations: number;

beforeAll(async () => {
	browser = await launchBrowser();
	const inputs = readdirSync('data/sample').map((name) => ({
		name,
		bytes: readFileSync(`data/sample/${name}`)
	}));
	declarations = importFiles(inputs).tables.declarations.length;
});
afterAll(async () => {
	await browser?.close();
});

/** The first cell of the result table (the first column is a row header). */
const firstCell = (page: Page) =>
	page.locator('[data-testid=data-table] tbody tr').first().locator('th, td').first().textContent();

async function runSql(page: Page, sql: string) {
	await page.getByTestId('sql-input').fill(sql);
	await page.getByTestId('sql-run').click();
	await page.waitForSelector('[data-testid=sql-summary], [data-testid=sql-error]');
}

describe('SQL console (探索)', () => {
	it('answers a count query, refuses DROP and COPY, cancels a long query, shows DuckDB errors', async () => {
		const { page, context, requests } = await openPage(browser, `${siteUrl}explore/sql/`);
		await page.waitForSelector('.schema details', { timeout: 60_000 });
		await expect(page.locator('.schema summary').allTextContents()).resolves.toContain(
			'declarations'
		);

		await runSql(page, 'SELECT count(*) AS n FROM declarations');
		await expect(page.getByTestId('sql-summary').textContent()).resolves.toContain('1 行');
		await expect(firstCell(page)).resolves.toBe(String(declarations));

		await runSql(page, 'DROP TABLE declarations');
		await expect(page.getByTestId('sql-error').textContent()).resolves.toContain('不能使用 DROP');
		await runSql(page, "COPY declarations TO 'out.csv'");
		await expect(page.getByTestId('sql-error').textContent()).resolves.toContain('不能使用 COPY');

		// Nothing was dropped: the same count again.
		await runSql(page, 'SELECT count(*) FROM declarations');
		await expect(firstCell(page)).resolves.toBe(String(declarations));

		// A long query can be stopped.
		await page.getByTestId('sql-input').fill('SELECT count(*) FROM range(20000000000) a');
		await page.getByTestId('sql-run').click();
		await page.getByTestId('sql-cancel').click();
		await page.waitForSelector('[data-testid=sql-error]', { timeout: 30_000 });
		await expect(page.getByTestId('sql-error').textContent()).resolves.toContain('查询已取消');
		await expect(page.getByTestId('sql-run').isEnabled()).resolves.toBe(true);

		await runSql(page, 'SELECT * FROM no_such_table');
		await expect(page.getByTestId('sql-error').textContent()).resolves.toMatch(/no_such_table/);
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		await context.close();
	});
});

describe('数据透视 (探索)', () => {
	/** Table body as text cells, first column included (it is a row header). */
	const cells = (page: Page) =>
		page.$$eval('[data-testid=data-table] tbody tr', (rows) =>
			rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
		);

	it('盟市 × 层级 equals the 盟市 table of the dashboard, and the URL keeps the pivot', async () => {
		const { page, context } = await openPage(
			browser,
			`${siteUrl}explore/?rows=region&cols=tier&measure=enterprises`
		);
		await page.waitForSelector('[data-testid=pivot-table] tbody tr', { timeout: 60_000 });
		const pivot = await cells(page);
		await expect(page.getByTestId('pivot-rows').inputValue()).resolves.toBe('region');
		await expect(page.getByTestId('pivot-columns').inputValue()).resolves.toBe('tier');

		await page.goto(`${siteUrl}region/`);
		await page.waitForSelector('[data-testid=figures-source][data-figures=live]', {
			timeout: 60_000
		});
		const dashboard = await cells(page);
		// 盟市 table: 盟市, 覆盖率, 覆盖企业, 规上工业企业, 基础级, 先进级, 卓越级, 领航级, …
		const byTier = new Map(dashboard.map((r) => [r[0], r.slice(4, 8)]));
		const pivotRows = pivot.filter((r) => r[0] !== '合计');
		expect(pivotRows.length).toBeGreaterThan(0);
		for (const row of pivotRows) {
			const tiers = row.slice(1, 5).map((v) => (v === '—' ? '0' : v));
			expect(tiers, row[0]).toEqual(byTier.get(row[0]));
		}
		await context.close();
	});
});
