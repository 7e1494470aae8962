/**
 * Answers at a glance (issue #21), in Chromium on the built site: a 盟市 is read against its own
 * targets only, the scorecard says what `npm run summary` says, filters follow the user across
 * pages, the map outlines the chosen 盟市, a heatmap sorts by a 盟市, a heatmap cell opens exactly
 * the declarations it counts, and every table header sorts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NodeEngine } from '../../src/lib/db/node-engine';
import { VERDICT_TEXT } from '../../src/lib/domain/plan';
import { oracleEngine } from '../oracle/engine';
import { cliSummary, launchBrowser } from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;
let sample: NodeEngine;

beforeAll(async () => {
	browser = await launchBrowser();
	const inputs = readdirSync('data/sample').map((name) => ({
		name,
		bytes: readFileSync(`data/sample/${name}`)
	}));
	({ engine: sample } = await oracleEngine(inputs));
});
afterAll(async () => {
	await browser?.close();
	sample?.close();
});

async function open(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	const page = await context.newPage();
	await page.goto(`${siteUrl}${path}`);
	await page.waitForSelector('[data-testid=figures-source][data-figures=live]', {
		timeout: 60_000
	});
	return { page, close: () => context.close() };
}

describe('answers at a glance, in Chromium', () => {
	it('a 盟市 without its own targets is not read against the region’s; with them, against its own', async () => {
		const { page, close } = await open('region/150200/');
		const starts = page.getByTestId('card-starts');
		await expect(starts.textContent()).resolves.not.toContain('300');
		await expect(starts.textContent()).resolves.toContain('占全区');
		for (const card of ['card-coverage', 'card-advanced', 'card-excellent', 'card-leading']) {
			const text = (await page.getByTestId(card).textContent()) ?? '';
			expect(text, card).not.toMatch(/目标|落后于进度|按当前进度可达到/);
		}
		await expect(page.getByTestId('scorecard-none').textContent()).resolves.toContain(
			'包头市未设自定目标'
		);
		// With a 盟市目标 file (the plan fixture gives 包头市 a 基础级新建 target of 3 for 2026).
		await page.goto(`${siteUrl}data/`);
		await page.waitForSelector('[data-testid=data-source][data-phase=ready]', { timeout: 60_000 });
		const dir = 'tests/fixtures/plan';
		await page.getByTestId('file-input').setInputFiles(readdirSync(dir).map((n) => `${dir}/${n}`));
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
			{ timeout: 60_000 }
		);
		await page.goto(`${siteUrl}region/150200/`);
		await page.waitForSelector('[data-testid=figures-source][data-data=user]');
		await expect(starts.textContent()).resolves.toContain('盟市目标 每年3家以上');
		await expect(starts.textContent()).resolves.not.toContain('300');
		const row = page.locator('[data-testid=plan-scorecard] tr[data-key=basic_starts]');
		await expect(row.textContent()).resolves.toContain('3家');
		await close();
	});

	it('the scorecard on 总览 says what npm run summary says', async () => {
		const summary = cliSummary('data/sample');
		const { page, close } = await open('');
		const rows = await page.$$eval('[data-testid=plan-scorecard] tbody tr', (trs) =>
			trs.map((tr) => ({
				key: tr.getAttribute('data-key'),
				verdict: tr.getAttribute('data-verdict'),
				text: tr.textContent ?? ''
			}))
		);
		expect(rows.map((r) => r.key)).toEqual(summary.scorecard.map((r) => r.target.key));
		summary.scorecard.forEach((expected, i) => {
			const shown = rows[i]!;
			expect(shown.verdict).toBe(expected.verdict);
			expect(shown.text).toContain(VERDICT_TEXT[expected.verdict]);
			const value =
				expected.target.key === 'coverage'
					? `${((expected.value ?? 0) * 100).toFixed(1)}%`
					: `${expected.value}家`;
			expect(shown.text, expected.target.key).toContain(value);
		});
		expect(summary.scorecard.map((r) => r.target.key)).toEqual([
			'coverage',
			'basic_starts',
			'advanced',
			'excellent',
			'leading'
		]);
		// The cards above it are the same scorecard at a glance: each its verdict, its gap while
		// short of the target and its change on last year.
		const CARDS = ['coverage', 'starts', 'advanced', 'excellent', 'leading'];
		for (const [i, expected] of summary.scorecard.entries()) {
			const card = `card-${CARDS[i]}`;
			await expect(page.getByTestId(`${card}-verdict`).textContent()).resolves.toBe(
				VERDICT_TEXT[expected.verdict]
			);
			const progress = page.getByTestId(`${card}-progress`);
			const text = (await progress.count()) ? await progress.textContent() : '';
			expect(text?.includes('还差'), card).toBe((expected.gap ?? 0) > 0);
			expect(text?.includes('较上年'), card).toBe(expected.change !== null);
		}
		await close();
	});

	it('a filter set on 盟市 is still applied after clicking 场景 in the navigation', async () => {
		const { page, close } = await open('region/');
		await page.getByTestId('filter-region').selectOption('150600');
		await page.getByTestId('filter-tier').selectOption('2');
		await page.waitForURL((url) => url.searchParams.get('tier') === '2');
		await page
			.getByRole('navigation', { name: '主导航' })
			.getByRole('link', { name: '场景', exact: true })
			.click();
		await page.waitForURL((url) => url.pathname.endsWith('/scenario/'));
		await page.waitForSelector('[data-testid=figures-source][data-filters*="region=150600"]');
		await expect(page.getByTestId('filter-region').inputValue()).resolves.toBe('150600');
		await expect(page.getByTestId('filter-tier').inputValue()).resolves.toBe('2');
		// 计划落实 has no 层级: it keeps it, and says so, for the next page.
		await page
			.getByRole('navigation', { name: '主导航' })
			.getByRole('link', { name: '计划落实', exact: true })
			.click();
		await page.waitForURL((url) => url.pathname.endsWith('/plan/'));
		await expect(page.getByTestId('filters-kept').textContent()).resolves.toContain('层级');
		await page
			.getByRole('navigation', { name: '主导航' })
			.getByRole('link', { name: '行业', exact: true })
			.click();
		await page.waitForURL((url) => url.pathname.endsWith('/industry/'));
		await expect(page.getByTestId('filter-tier').inputValue()).resolves.toBe('2');
		await close();
	});

	it('the 盟市 chosen in the filter is outlined on the map, and a click elsewhere does not move it', async () => {
		const { page, close } = await open('region/');
		/** The map's ECharts instance (the chart whose series is a map), as page code sees it. */
		interface MapChart {
			getOption(): { series: { type: string }[] };
			getModel(): {
				getSeriesByIndex(i: number): {
					getSelectedDataIndices(): number[];
					getData(): { getName(i: number): string };
					coordinateSystem: { getRegion(name: string): { getCenter(): number[] } };
				};
			};
			convertToPixel(finder: { seriesIndex: number }, value: number[]): number[];
		}
		const map = page.locator('[data-testid=chart] .canvas[aria-label*=分布地图]');
		await expect
			.poll(() =>
				map.evaluate(
					(el) =>
						(el as unknown as { echartsInstance?: MapChart }).echartsInstance?.getOption().series[0]
							?.type
				)
			)
			.toBe('map');
		const selected = () =>
			map.evaluate((el) => {
				const series = (el as unknown as { echartsInstance: MapChart }).echartsInstance
					.getModel()
					.getSeriesByIndex(0);
				return series.getSelectedDataIndices().map((i) => series.getData().getName(i));
			});
		expect(await selected()).toEqual([]);
		await page.getByTestId('filter-region').selectOption('150600');
		await expect.poll(selected).toEqual(['鄂尔多斯市']);

		// A click on 包头市 opens its menu; closing it leaves the filter's 盟市 selected.
		const [x, y] = await map.evaluate((el, name) => {
			const chart = (el as unknown as { echartsInstance: MapChart }).echartsInstance;
			const region = chart.getModel().getSeriesByIndex(0).coordinateSystem.getRegion(name);
			const [px, py] = chart.convertToPixel({ seriesIndex: 0 }, region.getCenter());
			const box = el.getBoundingClientRect();
			return [box.left + px!, box.top + py!];
		}, '包头市');
		await page.mouse.click(x, y);
		await expect(page.getByRole('menu').count()).resolves.toBe(1);
		await page.keyboard.press('Escape');
		expect(await selected()).toEqual(['鄂尔多斯市']);

		await page.getByTestId('filter-region').selectOption('');
		await expect.poll(selected).toEqual([]);
		await close();
	});

	it('the 盟市 heatmap sorted by a 盟市 puts that 盟市’s lowest scenario first', async () => {
		const { page, close } = await open('scenario/?region=150200');
		const table = page.getByTestId('heatmap-region');
		await table.getByTestId('sort-highlighted').click();
		const column = await table.locator('thead th[aria-sort=ascending]').count();
		expect(column).toBe(1);
		// The selected 盟市's column is the sorted one, and the outline lies over it, header to foot.
		const header = table.locator('thead th[aria-sort=ascending]');
		await expect(header.getAttribute('title')).resolves.toBe('包头市');
		const sortedColumn = await table
			.locator('thead th')
			.evaluateAll((headers) =>
				headers.findIndex((th) => th.getAttribute('aria-sort') === 'ascending')
			);
		// How far the outline's edges are from the column's (header top to last row's foot), in px.
		const markOffset = async () => {
			const box = (await header.boundingBox())!;
			const mark = (await table.getByTestId('column-mark').boundingBox())!;
			const foot = (await table.locator('tbody tr').last().boundingBox())!;
			return Math.max(
				Math.abs(mark.x - box.x),
				Math.abs(mark.x + mark.width - (box.x + box.width)),
				Math.abs(mark.y - box.y),
				Math.abs(mark.y + mark.height - (foot.y + foot.height))
			);
		};
		await expect.poll(markOffset).toBeLessThan(1.5);
		const values = await table.locator('tbody tr[data-row]').evaluateAll(
			(rows, index) =>
				rows.map((tr) => {
					const value = (tr as HTMLTableRowElement).cells[index]?.getAttribute('data-value');
					return value === '' || value === null || value === undefined ? null : Number(value);
				}),
			sortedColumn
		);
		expect(values.length).toBe(40);
		const known = values.filter((v): v is number => v !== null);
		expect(known.length).toBeGreaterThan(10);
		expect(known[0]).toBe(Math.min(...known));
		expect([...known].sort((a, b) => a - b)).toEqual(known);
		// Values on demand: none written in the cells until 显示数值, then each cell's share.
		const written = () =>
			table
				.locator('tbody tr[data-row]')
				.evaluateAll(
					(rows, index) =>
						rows.map((tr) => (tr as HTMLTableRowElement).cells[index]?.textContent?.trim() ?? ''),
					sortedColumn
				);
		await expect(written()).resolves.toEqual(values.map(() => ''));
		await table.getByTestId('show-values').check();
		await expect(written()).resolves.toEqual(
			values.map((v) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`))
		);
		// Columns widened by the values: the outline follows.
		await expect.poll(markOffset).toBeLessThan(1.5);
		await close();
	});

	it('a click on a heatmap cell lists exactly the declarations the cell counts', async () => {
		const { page, close } = await open('scenario/');
		const table = page.getByTestId('heatmap-region');
		// 14 在线智能检测 × 包头: pointed at, the cell's tooltip says what it counts.
		const cell = table.locator('tr[data-row="14"] td').nth(1);
		await cell.hover();
		const tip = (await table.getByTestId('cell-tip').textContent()) ?? '';
		expect(tip).toContain('在线智能检测');
		expect(tip).toContain('包头市');
		const counted = Number(/：(\d+) \//.exec(tip)?.[1]);
		// Gone when the pointer leaves; back when the cell is reached with the keyboard.
		await page.mouse.move(0, 0);
		await expect.poll(() => table.getByTestId('cell-tip').count()).toBe(0);
		await cell.locator('button').focus();
		await expect.poll(() => table.getByTestId('cell-tip').textContent()).toBe(tip);
		await cell.locator('button').click();
		const panel = page.getByTestId('drill-panel');
		await page.waitForSelector('[data-testid=drill-panel][data-status=ready]');
		const shown = await panel
			.locator('tbody tr')
			.evaluateAll((rows) => rows.map((tr) => tr.querySelector('th')?.textContent?.trim() ?? ''));
		const [latest] = await sample.query<{ year: number }>(
			'SELECT max(year)::INTEGER AS year FROM data_years'
		);
		const year = latest?.year;
		const expected = await sample.query<{ id: string }>(`
			SELECT DISTINCT d.declaration_id AS id FROM declarations d JOIN scenarios s USING (declaration_id)
			WHERE d.year = ${year} AND d.region_code = '150200' AND s.scenario_no = 14 AND s.counted_tier >= 1
			ORDER BY id`);
		expect(shown).toEqual(expected.map((r) => r.id));
		expect(shown.length).toBe(counted);
		await expect(panel.getByTestId('drill-count').textContent()).resolves.toContain(
			`共 ${counted} 行`
		);
		await close();
	});

	it('every table header sorts, and says how (aria-sort)', async () => {
		const { page, close } = await open('region/');
		const table = page.getByTestId('data-table').first();
		const headers = table.locator('thead th[aria-sort]');
		const count = await headers.count();
		expect(count).toBeGreaterThan(5);
		for (let i = 0; i < count; i++) {
			const header = headers.nth(i);
			await header.locator('button').click();
			await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
			const column = await table
				.locator('tbody tr')
				.evaluateAll(
					(rows, index) =>
						rows.map((tr) => tr.querySelectorAll('th, td')[index]?.textContent?.trim() ?? ''),
					i
				);
			await header.locator('button').click();
			await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
			const reversed = await table
				.locator('tbody tr')
				.evaluateAll(
					(rows, index) =>
						rows.map((tr) => tr.querySelectorAll('th, td')[index]?.textContent?.trim() ?? ''),
					i
				);
			// Descending is ascending turned round, but for empty cells, which stay last.
			const filled = (values: string[]) => values.filter((v) => v !== '—' && v !== '');
			expect(filled(reversed), `header ${i}`).toEqual(filled(column).reverse());
			await header.locator('button').click();
			await expect(header.getAttribute('aria-sort')).resolves.toBe('none');
		}
		await close();
	});
});
