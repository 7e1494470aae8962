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
	it('answers a count query, refuses DROP and COPY, and shows DuckDB errors', async () => {
		const { page, context, requests } = await openPage(browser, `${siteUrl}explore/`);
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

		await runSql(page, 'SELECT * FROM no_such_table');
		await expect(page.getByTestId('sql-error').textContent()).resolves.toMatch(/no_such_table/);
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		await context.close();
	});
});
