import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { regions, TIER_KEYS } from '../../src/lib/domain/catalogue';
import { importFiles } from '../../src/lib/import/pipeline';
import { STATUS_NAMES, type Status } from '../../src/lib/import/values';
import { TIER_COLORS } from '../../src/lib/theme';
import { drawEveryChart, foreignRequests, launchBrowser, openPage } from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;
let declarations: number;
/** The sample in DuckDB under Node: the oracle the pivot's shares are held to. */
let oracle: NodeEngine;

beforeAll(async () => {
	browser = await launchBrowser();
	const inputs = readdirSync('data/sample').map((name) => ({
		name,
		bytes: readFileSync(`data/sample/${name}`)
	}));
	const tables = importFiles(inputs).tables;
	declarations = tables.declarations.length;
	oracle = await NodeEngine.create();
	await loadTables(oracle, readSqlSources(), tables);
});
afterAll(async () => {
	await browser?.close();
	oracle?.close();
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

describe('shares and colours in the pivot (探索)', () => {
	/** The table's header labels (without the sort arrow) and body cells. */
	const tableOf = (page: Page) =>
		page.$eval('[data-testid=pivot-table] table', (table) => ({
			headers: [...table.querySelectorAll('thead th')].map(
				(th) => th.textContent?.replace(/[⇅▲▼]/g, '').trim() ?? ''
			),
			rows: [...table.querySelectorAll('tbody tr')].map((row) =>
				[...row.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')
			)
		}));

	/** The pivot chart's option as ECharts holds it. */
	const chartOption = async (page: Page) => {
		// A chart made again (the pivot passed through a refused choice) starts asynchronously.
		await page.waitForFunction(() => {
			const canvas = document.querySelector('[data-testid=chart] .canvas');
			return canvas !== null && 'echartsInstance' in canvas;
		});
		await drawEveryChart(page);
		return page.$eval('[data-testid=chart] .canvas', (element) => {
			const option = (
				element as unknown as {
					echartsInstance: {
						getOption(): {
							series: { stack?: string; itemStyle?: { color?: string } }[];
							yAxis: { axisLabel?: { formatter?: string } }[];
						};
					};
				}
			).echartsInstance.getOption();
			return {
				stacks: option.series.map((s) => s.stack ?? null),
				colours: option.series.map((s) => s.itemStyle?.color ?? null),
				axisFormatter: option.yAxis[0]?.axisLabel?.formatter ?? null
			};
		});
	};

	it('场景 × 审核状态: every 合计 is the share computed from totals, and the chart is not stacked', async () => {
		const [latest] = await oracle.query<{ year: number }>(
			'SELECT max(year)::INTEGER AS year FROM declarations'
		);
		const year = latest!.year;
		// Independently of pivot.ts: builds = distinct (declaration, counted scenario) pairs of the year.
		const base = `WITH d AS (SELECT declaration_id, status FROM declarations WHERE year = ${year}),
			b AS (SELECT DISTINCT s.declaration_id, s.scenario_no, d.status
				FROM scenarios s JOIN d USING (declaration_id) WHERE s.counted_tier >= 1),
			k AS (SELECT count(DISTINCT scenario_no)::DOUBLE AS k FROM b)`;
		const byStatus = await oracle.query<{ status: string; share: number }>(
			`${base} SELECT d.status, 100 * (SELECT count(*) FROM b WHERE b.status = d.status)
				/ ((SELECT k FROM k) * count(*)) AS share FROM d GROUP BY d.status`
		);
		const byScenario = await oracle.query<{ no: number; share: number }>(
			`${base} SELECT scenario_no::INTEGER AS no, 100 * count(*) / (SELECT count(*) FROM d) AS share
				FROM b GROUP BY scenario_no`
		);
		const [corner] = await oracle.query<{ share: number }>(
			`${base} SELECT 100 * (SELECT count(*) FROM b) / ((SELECT k FROM k) * (SELECT count(*) FROM d)) AS share`
		);
		const percent = (v: number) => `${v.toFixed(1)}%`;

		const { page, context } = await openPage(
			browser,
			`${siteUrl}explore/?rows=scenario&cols=status&measure=scenarioShare&year=${year}`
		);
		await page.waitForSelector('[data-testid=pivot-table] tbody tr', { timeout: 60_000 });
		const { headers, rows } = await tableOf(page);
		const total = rows.find((r) => r[0] === '合计');
		expect(total, 'a 合计 row').toBeDefined();
		// The 合计 row, per status column, and its corner.
		const expectedRow = new Map(
			byStatus.map((r) => [STATUS_NAMES[r.status as Status], percent(r.share)])
		);
		const shown = new Map(headers.slice(1, -1).map((h, i) => [h, total![i + 1]]));
		expect(shown).toEqual(expectedRow);
		expect(total!.at(-1)).toBe(percent(corner!.share));
		// Not a sum of shares: the corner is not 100% (every declaration built some scenario).
		expect(total!.at(-1)).not.toBe('100.0%');
		// The 合计 column, per scenario row ("9 产线柔性配置" → 9).
		const expectedColumn = new Map(byScenario.map((r) => [r.no, percent(r.share)]));
		const shownColumn = new Map(
			rows.filter((r) => r[0] !== '合计').map((r) => [Number.parseInt(r[0]!, 10), r.at(-1)])
		);
		expect(shownColumn).toEqual(expectedColumn);

		const chart = await chartOption(page);
		expect(chart.stacks.length).toBeGreaterThan(1);
		expect(chart.stacks.every((s) => s === null)).toBe(true);
		expect(chart.axisFormatter).toContain('%');
		await context.close();
	});

	it('a count by tier is stacked in the tier colours; 12 盟市 as series never share a colour', async () => {
		const { page, context } = await openPage(
			browser,
			`${siteUrl}explore/?rows=region&cols=tier&measure=enterprises`
		);
		await page.waitForSelector('[data-testid=pivot-table] tbody tr', { timeout: 60_000 });
		const { headers } = await tableOf(page);
		const byTier = await chartOption(page);
		const tierNames = ['基础级', '先进级', '卓越级', '领航级'];
		const expected = headers
			.slice(1, -1)
			.map((h) => TIER_COLORS[TIER_KEYS[tierNames.indexOf(h)]!].toLowerCase());
		expect(expected.length).toBeGreaterThan(1);
		expect(byTier.colours.map((c) => c?.toLowerCase())).toEqual(expected);
		expect(byTier.stacks.every((s) => s === 'total')).toBe(true);

		await page.getByTestId('pivot-rows').selectOption('tier');
		await page.getByTestId('pivot-columns').selectOption('region');
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid=pivot-table] thead th').length > 10
		);
		const { headers: regionHeaders } = await tableOf(page);
		expect(regionHeaders.slice(1, -1).sort()).toEqual(regions.map((r) => r.name).sort());
		const byRegion = await chartOption(page);
		expect(byRegion.colours).toHaveLength(12);
		expect(new Set(byRegion.colours.map((c) => c?.toLowerCase())).size).toBe(12);
		await context.close();
	});
});
