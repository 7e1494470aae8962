import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NO_FILTERS } from '../../src/lib/figures/types';
import type { NodeEngine } from '../../src/lib/db/node-engine';
import { formatPercent } from '../../src/lib/format';
import { oracleEngine } from '../oracle/engine';
import { queryOverview } from '../oracle/queries';
import {
	chartsSeriesData,
	cliSummary,
	drawEveryChart,
	foreignRequests,
	launchBrowser,
	openPage
} from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;
let engine: NodeEngine;

beforeAll(async () => {
	browser = await launchBrowser();
	const inputs = readdirSync('data/sample').map((name) => ({
		name,
		bytes: readFileSync(`data/sample/${name}`)
	}));
	({ engine } = await oracleEngine(inputs));
});
afterAll(async () => {
	await browser?.close();
	engine?.close();
});

/**
 * A part of the page far below the window, waiting (`data-waiting`) with what it showed before
 * the 盟市 filter was picked: scrolled to, it shows `expected`; back at the top with the filter
 * cleared it waits again, and printing shows `before` wherever it is.
 */
async function showsNewestNearOrPrinted(
	page: Page,
	part: Locator,
	shown: () => Promise<unknown>,
	expected: unknown,
	before: unknown
): Promise<void> {
	await part.scrollIntoViewIfNeeded();
	await expect.poll(() => part.getAttribute('data-waiting')).toBe('false');
	expect(await shown()).toEqual(expected);
	await page.evaluate(async () => {
		scrollTo(0, 0);
		// The part is reported far after the next frame's rendering.
		await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
		await new Promise((done) => setTimeout(done, 50));
	});
	await page.getByTestId('filter-region').selectOption('');
	await expect.poll(() => part.getAttribute('data-waiting')).toBe('true');
	await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
	await expect.poll(() => part.getAttribute('data-waiting')).toBe('false');
	expect(await shown()).toEqual(before);
}

/**
 * What `read` finds on a page opened with the 盟市 filter (鄂尔多斯市) in its URL — what a part
 * waiting far from the window must show once it comes near — then the page opened without it.
 */
async function openedWithFilterThenWithout<T>(path: string, read: (page: Page) => Promise<T>) {
	const direct = await openPage(browser, `${siteUrl}${path}?region=150600`);
	await live(direct.page);
	const expected = await read(direct.page);
	await direct.context.close();
	const opened = await openPage(browser, `${siteUrl}${path}`);
	await live(opened.page);
	return { expected, ...opened };
}

/**
 * A part of `path` drawn in blocks (`blocksIn`: a heatmap's `<tbody>`s, a bar chart's row
 * groups), each read as the `attribute` of its `marks`: after a 盟市 pick the first block, in the
 * window, shows the new figures at once; the last, far below, waits as it was (`waitingToo`
 * checks what else says so) until it is scrolled to, or printed.
 */
async function blocksFollowNearOrPrinted(
	path: string,
	blocksIn: (page: Page) => Locator,
	[marks, attribute]: [string, string],
	waitingToo: (last: Locator, page: Page) => Promise<void>
): Promise<void> {
	const blocksOf = (page: Page) =>
		blocksIn(page).evaluateAll(
			(blocks, [selector, name]) =>
				blocks.map((block) =>
					[...block.querySelectorAll(selector!)].map((mark) => mark.getAttribute(name!))
				),
			[marks, attribute]
		);
	const { expected, page, context, errors } = await openedWithFilterThenWithout(path, blocksOf);
	const before = await blocksOf(page);
	expect(before.length).toBeGreaterThan(3);
	const last = blocksIn(page).last();
	// Below the window and its near margin (a quarter of the window).
	expect(await last.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(768 * 1.25);
	expect(before.at(-1)).not.toEqual(expected.at(-1));
	expect(before[0]).not.toEqual(expected[0]);

	await page.getByTestId('filter-region').selectOption('150600');
	await page.waitForSelector('[data-testid=figures-source][data-filters*="region=150600"]');
	await expect.poll(async () => (await blocksOf(page))[0]).toEqual(expected[0]);
	await expect.poll(() => last.getAttribute('data-waiting')).toBe('true');
	await waitingToo(last, page);
	expect((await blocksOf(page)).at(-1)).toEqual(before.at(-1));

	await showsNewestNearOrPrinted(
		page,
		last,
		async () => (await blocksOf(page)).at(-1),
		expected.at(-1),
		before.at(-1)
	);
	expect(errors).toEqual([]);
	await context.close();
}

/** The page has recomputed its figures in the browser's DuckDB. */
const live = (page: Page) =>
	page.waitForSelector('[data-testid=figures-source][data-figures=live]', { timeout: 60_000 });

/** Every chart on the page has drawn an option with data in its first series. */
/** Each chart's number of marks with data (ECharts' data points, or the bars or years drawn). */
async function chartsWithData(page: Page): Promise<number[]> {
	await page.waitForFunction(() =>
		[...document.querySelectorAll('[data-testid=chart]')].every(
			(c) => c.getAttribute('data-ready') === 'true'
		)
	);
	await drawEveryChart(page);
	return (await chartsSeriesData(page)).map(
		(shown) =>
			(JSON.parse(shown) as unknown[] | null)?.reduce<number>(
				(n, data) => n + (Array.isArray(data) ? data.length : 1),
				0
			) ?? 0
	);
}

const cardValue = (page: Page, id: string) => page.getByTestId(`${id}-value`).textContent();

describe('dashboard pages in Chromium', () => {
	// The scenario and 附件3 heatmaps are tables (answers.test.ts), not charts.
	const pages: [string, number][] = [
		['', 2],
		['region/', 3],
		['region/150600/', 2],
		['industry/', 2],
		['scenario/', 1],
		['assessment/', 2]
	];
	for (const [path, charts] of pages) {
		it(`/${path} draws its ${charts} charts from the sample, on the site alone`, async () => {
			const { page, context, requests, errors } = await openPage(browser, `${siteUrl}${path}`);
			await live(page);
			const points = await chartsWithData(page);
			expect(points).toHaveLength(charts);
			for (const n of points) expect(n).toBeGreaterThan(0);
			await expect(page.getByTestId('figures-source').textContent()).resolves.toContain('示例数据');
			expect(errors).toEqual([]);
			expect(foreignRequests(requests, siteUrl)).toEqual([]);
			await context.close();
		});
	}

	it('总览 cards show the same numbers as npm run summary, before and after DuckDB', async () => {
		const summary = cliSummary('data/sample');
		const expectCards = async (page: Page) => {
			await expect(cardValue(page, 'card-coverage')).resolves.toBe(
				formatPercent(summary.coverage.overall.rate ?? NaN)
			);
			await expect(cardValue(page, 'card-starts')).resolves.toBe(
				`${summary.basicStarts.declared} 家`
			);
			await expect(cardValue(page, 'card-advanced')).resolves.toBe(`${summary.tiers.advanced} 家`);
			await expect(cardValue(page, 'card-excellent')).resolves.toBe(
				`${summary.tiers.excellent} 家`
			);
			await expect(cardValue(page, 'card-leading')).resolves.toBe(`${summary.tiers.leading} 家`);
			await expect(page.getByTestId('card-flagged').textContent()).resolves.toBe(
				String(summary.flagged)
			);
		};
		// Prerendered: readable with JavaScript off, so before any wasm.
		const staticContext = await browser.newContext({ javaScriptEnabled: false });
		const staticPage = await staticContext.newPage();
		await staticPage.goto(siteUrl);
		await expectCards(staticPage);
		await staticContext.close();

		const { page, context } = await openPage(browser, siteUrl);
		await live(page);
		await expectCards(page);
		await context.close();
	});

	it('a league-city page shows its own figures before any JavaScript', async () => {
		const ordos = await queryOverview(engine, { ...NO_FILTERS, region: '150600' });
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${siteUrl}region/150600/`);
		await expect(cardValue(page, 'card-coverage')).resolves.toBe(
			formatPercent(ordos?.coverage.rate ?? NaN)
		);
		await expect(page.getByTestId('waiting').count()).resolves.toBe(0);
		await context.close();
	});

	it('opens a URL with filters applied', async () => {
		const expected = await queryOverview(engine, { ...NO_FILTERS, region: '150100', year: 2025 });
		const { page, context } = await openPage(browser, `${siteUrl}?region=150100&year=2025`);
		await live(page);
		const chips = page.getByTestId('active-filters');
		await expect(chips.textContent()).resolves.toContain('呼和浩特市');
		await expect(chips.textContent()).resolves.toContain('2025年');
		await expect(page.getByTestId('filter-region').inputValue()).resolves.toBe('150100');
		await expect(cardValue(page, 'card-coverage')).resolves.toBe(
			formatPercent(expected?.coverage.rate ?? NaN)
		);
		await expect(cardValue(page, 'card-starts')).resolves.toBe(
			`${expected?.basicStarts.declared} 家`
		);
		await page.getByTestId('clear-filters').click();
		await page.waitForURL((url) => url.search === '');
		await context.close();
	});

	it('with a 层级 filter, the coverage card names the tier and is not read against 25%', async () => {
		const expected = await queryOverview(engine, { ...NO_FILTERS, tier: 2 });
		const { page, context } = await openPage(browser, `${siteUrl}?tier=2`);
		await live(page);
		const card = page.getByTestId('card-coverage');
		await expect(cardValue(page, 'card-coverage')).resolves.toBe(
			formatPercent(expected?.coverage.rate ?? NaN)
		);
		await expect(card.textContent()).resolves.toContain('覆盖率（先进级及以上）');
		await expect(card.textContent()).resolves.toContain('行动计划目标按基础级及以上计');
		await expect(page.getByTestId('card-coverage-pace').count()).resolves.toBe(0);
		// Back to no 层级: the plan's target and pace again.
		await page.getByTestId('clear-filters').click();
		await page.getByTestId('card-coverage-pace').waitFor();
		await expect(card.textContent()).resolves.toContain('覆盖率（基础级及以上）');
		await context.close();
	});

	it('clicking a league-city on the map filters the other charts; back undoes it', async () => {
		const ordos = await queryOverview(engine, { ...NO_FILTERS, region: '150600' });
		const all = await queryOverview(engine, NO_FILTERS);
		const { page, context } = await openPage(browser, `${siteUrl}region/`);
		await live(page);
		await chartsWithData(page);
		const map = page.locator('[data-testid=chart] .canvas').first();
		const point = await map.evaluate((element) => {
			type Geo = { getRegion(name: string): { getCenter(): number[] } };
			const chart = (
				element as unknown as {
					echartsInstance: {
						getModel(): { getSeriesByIndex(i: number): { coordinateSystem: Geo } };
						convertToPixel(finder: object, value: number[]): number[];
					};
				}
			).echartsInstance;
			const center = chart
				.getModel()
				.getSeriesByIndex(0)
				.coordinateSystem.getRegion('鄂尔多斯市')
				.getCenter();
			return chart.convertToPixel({ seriesIndex: 0 }, center);
		});
		const box = await map.boundingBox();
		await page.mouse.click((box?.x ?? 0) + (point[0] ?? 0), (box?.y ?? 0) + (point[1] ?? 0));
		// A click offers to filter by the 盟市 or to see the rows behind its figure.
		const menu = page.getByTestId('chart-menu');
		await expect(menu.getByRole('menuitem').first().textContent()).resolves.toContain('鄂尔多斯市');
		await menu.getByRole('menuitem').first().click();
		await page.waitForURL((url) => url.searchParams.get('region') === '150600');
		await page.waitForFunction(() => document.body.textContent?.includes('鄂尔多斯市概况'));
		// The cards follow once the page's DuckDB has recomputed them for the new filter.
		await expect
			.poll(() => cardValue(page, 'card-coverage'), { timeout: 20_000 })
			.toBe(formatPercent(ordos?.coverage.rate ?? NaN));
		expect(ordos?.coverage.rate).not.toBe(all?.coverage.rate);
		await expect(page.getByTestId('active-filters').textContent()).resolves.toContain('鄂尔多斯市');

		await page.goBack();
		await page.waitForURL((url) => !url.searchParams.has('region'));
		await expect
			.poll(() => cardValue(page, 'card-coverage'), { timeout: 20_000 })
			.toBe(formatPercent(all?.coverage.rate ?? NaN));
		await context.close();
	});

	it('行业’s 25% line crosses no figure: the notes it passes through are painted over it, on a halo', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}industry/`);
		await live(page);
		const crossed = await page.evaluate(() => {
			const svg = document.querySelector('[data-testid=chart] svg')!;
			const line = svg.querySelector('line[stroke-dasharray]')!;
			const x = line.getBoundingClientRect().left;
			const paper = svg.querySelector('rect')!.getAttribute('fill');
			return [...svg.querySelectorAll('text')]
				.filter((text) => {
					const box = text.getBoundingClientRect();
					return box.left < x && box.right > x && text.textContent!.includes('家');
				})
				.map((text) => ({
					note: text.textContent,
					// Later in the document: painted over the line.
					over: !!(line.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING),
					halo:
						getComputedStyle(text).paintOrder.startsWith('stroke') &&
						text.getAttribute('stroke') === paper
				}));
		});
		// The sample has notes across the line (a 大类 near 25%); each is drawn over it, haloed.
		expect(crossed.length).toBeGreaterThan(0);
		for (const note of crossed)
			expect(note, note.note ?? '').toMatchObject({ over: true, halo: true });
		await context.close();
	});

	it('charts fill their box: after the window narrows, and after a filter changes a chart’s height', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}industry/`);
		await live(page);
		await chartsWithData(page);
		/** Each chart's drawn size against its box's, [drawn w, h, box w, h] (ECharts' or an SVG's). */
		const sizes = () =>
			page.$$eval('[data-testid=chart]', (charts) =>
				charts.map((chart) => {
					const canvas = chart.querySelector('.canvas');
					if (canvas) {
						const drawn = (
							canvas as unknown as {
								echartsInstance: { getWidth(): number; getHeight(): number };
							}
						).echartsInstance;
						const size = [drawn.getWidth(), drawn.getHeight()];
						return [...size, canvas.clientWidth, canvas.clientHeight].join(' ');
					}
					const box = chart.querySelector('.plot')!;
					const svg = box.querySelector('svg')!;
					const size = [svg.getAttribute('width'), svg.getAttribute('height')];
					return [...size, box.clientWidth, box.clientHeight].join(' ');
				})
			);
		const fitted = (all: string[]) =>
			all.every((s) => {
				const [w, h, ew, eh] = s.split(' ').map(Number);
				return Math.abs(w! - ew!) <= 1 && Math.abs(h! - eh!) <= 1;
			});
		expect(fitted(await sizes()), (await sizes()).join('; ')).toBe(true);
		const before = await sizes();

		await page.setViewportSize({ width: 1000, height: 768 });
		await expect.poll(async () => fitted(await sizes())).toBe(true);
		expect((await sizes())[0]).not.toBe(before[0]);

		// 行业's coverage chart has one row per rated 大类: one 盟市 has fewer, so a new height.
		await page.getByTestId('filter-region').selectOption('150900');
		await page.waitForSelector('[data-testid=figures-source][data-filters*="region=150900"]');
		await drawEveryChart(page);
		await expect.poll(async () => fitted(await sizes())).toBe(true);
		await context.close();
	});

	it('an ECharts chart far below the window is redrawn for new filters when it is scrolled to', async () => {
		// What the page draws when opened with the filter in its URL. (Bars and lines are drawn by
		// Svelte at once; the maturity heatmap at the foot of 能力评估 is ECharts'.)
		const direct = await openPage(browser, `${siteUrl}assessment/?region=150600`);
		await live(direct.page);
		await chartsWithData(direct.page);
		const expected = await chartsSeriesData(direct.page);
		const expectedLabel = await direct.page
			.getByTestId('chart')
			.last()
			.locator('.canvas')
			.getAttribute('aria-label');
		await direct.context.close();

		const { page, context, errors } = await openPage(browser, `${siteUrl}assessment/`);
		await live(page);
		await chartsWithData(page);
		const before = await chartsSeriesData(page);
		const charts = page.getByTestId('chart');
		const last = charts.last();
		// At 1366×768 the last chart of 能力评估 starts well over half a window below the fold.
		expect(await last.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(768 * 1.5);

		// The filter changes what the last chart shows, and how it is described.
		expect(before.at(-1)).not.toBe(expected.at(-1));
		const labelBefore = await charts.last().locator('.canvas').getAttribute('aria-label');
		expect(labelBefore).not.toBe(expectedLabel);
		await page.getByTestId('filter-region').selectOption('150600');
		await page.waitForURL((url) => url.searchParams.get('region') === '150600');
		// The charts near the window are redrawn at once; the far one waits, as it was.
		await expect.poll(() => last.getAttribute('data-waiting')).toBe('true');
		const waiting = await chartsSeriesData(page);
		expect(waiting.slice(0, -1)).toEqual(expected.slice(0, -1));
		expect(waiting.at(-1)).toBe(before.at(-1));
		// Its text alternative is already the new one: a screen reader need not scroll to it.
		expect(await last.locator('.canvas').getAttribute('aria-label')).toBe(expectedLabel);

		await showsNewestNearOrPrinted(page, last, () => chartsSeriesData(page), expected, before);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a table far below the window shows new filters’ rows once it is scrolled to, or printed', async () => {
		const rowsOf = (page: Page) =>
			page.getByTestId('data-table').locator('tbody tr').allInnerTexts();
		const { expected, page, context, errors } = await openedWithFilterThenWithout(
			'industry/',
			rowsOf
		);
		const table = page.getByTestId('data-table');
		// At 1366×768 行业's table starts more than a window below the fold.
		expect(await table.evaluate((e) => e.getBoundingClientRect().top)).toBeGreaterThan(768 * 1.5);
		const before = await rowsOf(page);
		expect(before).not.toEqual(expected);

		await page.getByTestId('filter-region').selectOption('150600');
		await page.waitForSelector('[data-testid=figures-source][data-filters*="region=150600"]');
		// The table waits, as it was, and says it is about to change.
		await expect.poll(() => table.getAttribute('data-waiting')).toBe('true');
		expect(await table.getAttribute('aria-busy')).toBe('true');
		expect(await rowsOf(page)).toEqual(before);

		await showsNewestNearOrPrinted(page, table, () => rowsOf(page), expected, before);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a heatmap’s rows far below the window follow a filter once scrolled to; those near at once', async () => {
		// 场景's 40 × 层级 table: a block per 环节, the last (运营管理) far below the fold.
		const heatmap = (page: Page) => page.getByTestId('heatmap-tier');
		await blocksFollowNearOrPrinted(
			'scenario/',
			(page) => heatmap(page).locator('tbody'),
			// Each cell's accessible name (the value in it).
			['button.cell', 'aria-label'],
			async (last) => expect(await last.getAttribute('aria-busy')).toBe('true')
		);
	});

	it('a bar chart’s rows far below the window follow a filter once scrolled to; those near at once', async () => {
		// 行业's coverage bars: the 41 大类 in blocks, the last far below the fold.
		const coverage = (page: Page) => page.getByTestId('chart').first();
		await blocksFollowNearOrPrinted(
			'industry/',
			(page) => coverage(page).locator('g.words'),
			// Each row's figures, as its tooltip says them.
			['[data-detail]', 'data-detail'],
			// The chart says it is not all drawn yet.
			async (_, page) => expect(await coverage(page).getAttribute('data-waiting')).toBe('true')
		);
	});

	it('the URL follows the last of quick picks, and a link clicked at once wins', async () => {
		const ordos = await queryOverview(engine, { ...NO_FILTERS, region: '150600' });
		const all = await queryOverview(engine, NO_FILTERS);
		const { page, context, errors } = await openPage(browser, siteUrl);
		await live(page);
		// Two picks within one frame (keys held down in the select): only the last reaches the URL.
		await page.evaluate(() => {
			const select = document.querySelector<HTMLSelectElement>('[data-testid=filter-region]');
			if (!select) throw new Error('no 盟市 filter');
			for (const code of ['150100', '150600']) {
				select.value = code;
				select.dispatchEvent(new Event('change', { bubbles: true }));
			}
		});
		await page.waitForURL((url) => url.searchParams.get('region') === '150600');
		await expect
			.poll(() => cardValue(page, 'card-coverage'))
			.toBe(formatPercent(ordos?.coverage.rate ?? NaN));
		await page.waitForTimeout(300);
		expect(new URL(page.url()).searchParams.get('region')).toBe('150600');
		// Back goes to before both picks: the first never became a history entry.
		await page.goBack();
		await page.waitForURL((url) => !url.searchParams.has('region'));
		await expect
			.poll(() => cardValue(page, 'card-coverage'))
			.toBe(formatPercent(all?.coverage.rate ?? NaN));

		// A pick and, before its URL is written, the back button: back wins, and stays.
		await page.getByTestId('filter-region').selectOption('150100');
		await page.waitForURL((url) => url.searchParams.get('region') === '150100');
		await page.evaluate(() => {
			const select = document.querySelector<HTMLSelectElement>('[data-testid=filter-region]');
			if (!select) throw new Error('no 盟市 filter');
			select.value = '150200';
			select.dispatchEvent(new Event('change', { bubbles: true }));
			history.back();
		});
		await page.waitForURL((url) => !url.searchParams.has('region'));
		await page.waitForTimeout(300);
		expect(new URL(page.url()).searchParams.has('region')).toBe(false);
		await expect
			.poll(() => cardValue(page, 'card-coverage'))
			.toBe(formatPercent(all?.coverage.rate ?? NaN));

		// A pick and, before its URL is written, a click on 行业: the page goes to 行业 and stays.
		await page.evaluate(() => {
			const select = document.querySelector<HTMLSelectElement>('[data-testid=filter-region]');
			if (!select) throw new Error('no 盟市 filter');
			select.value = '150200';
			select.dispatchEvent(new Event('change', { bubbles: true }));
			document.querySelector<HTMLAnchorElement>('nav a[href$="/industry/"]')?.click();
		});
		await page.waitForURL((url) => url.pathname.endsWith('/industry/'));
		await page.waitForTimeout(300);
		const url = new URL(page.url());
		expect(url.pathname.endsWith('/industry/')).toBe(true);
		expect(url.searchParams.has('region')).toBe(false);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a filter picked in the bar survives a reload, and going to another page and back', async () => {
		const ordos = await queryOverview(engine, { ...NO_FILTERS, region: '150600' });
		const all = await queryOverview(engine, NO_FILTERS);
		expect(ordos?.coverage.rate).not.toBe(all?.coverage.rate);
		const ordosCoverage = formatPercent(ordos?.coverage.rate ?? NaN);
		const { page, context } = await openPage(browser, siteUrl);
		await live(page);
		await page.getByTestId('filter-region').selectOption('150600');
		await page.waitForURL((url) => url.searchParams.get('region') === '150600');
		await expect.poll(() => cardValue(page, 'card-coverage')).toBe(ordosCoverage);

		await page.reload();
		await live(page);
		await expect.poll(() => cardValue(page, 'card-coverage')).toBe(ordosCoverage);
		await expect(page.getByTestId('filter-region').inputValue()).resolves.toBe('150600');

		await page
			.getByRole('navigation', { name: '主导航' })
			.getByRole('link', { name: '行业' })
			.click();
		await page.waitForURL((url) => url.pathname.endsWith('/industry/'));
		await page.goBack();
		await page.waitForURL((url) => url.searchParams.get('region') === '150600');
		await expect.poll(() => cardValue(page, 'card-coverage')).toBe(ordosCoverage);
		await expect(page.getByTestId('filter-region').inputValue()).resolves.toBe('150600');

		// Back once more: the entry before the filter was picked, with no filter.
		await page.goBack();
		await page.waitForURL((url) => !url.searchParams.has('region'));
		await expect
			.poll(() => cardValue(page, 'card-coverage'))
			.toBe(formatPercent(all?.coverage.rate ?? NaN));
		await context.close();
	});

	it('picks sliced ahead while the page is idle show what the page opened with them shows', async () => {
		// The page's words and numbers, every part drawn as for printing.
		const figures = async (page: Page) => {
			await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
			await expect.poll(() => page.locator('[data-waiting=true]').count()).toBe(0);
			return page.locator('.figures').innerText();
		};
		const PICKS: [string, [string, string][]][] = [
			[
				'',
				[
					['region', '150600'],
					['tier', '2']
				]
			],
			[
				'scenario/',
				[
					['region', '150600'],
					['year', '2025']
				]
			],
			[
				'region/150200/',
				[
					['tier', '3'],
					['tier', '']
				]
			]
		];
		for (const [path, picks] of PICKS) {
			const { page, context, errors } = await openPage(browser, `${siteUrl}${path}`);
			await live(page);
			const search = new URLSearchParams();
			for (const [key, value] of picks) {
				// Idle for long enough to slice the picks one away (the 盟市, tiers and years).
				await page.waitForTimeout(1000);
				await page.getByTestId(`filter-${key}`).selectOption(value);
				if (value) search.set(key, value);
				else search.delete(key);
				const wanted = [...search].sort().join();
				await page.waitForURL((url) => [...url.searchParams].sort().join() === wanted);
				const shown = await figures(page);
				const direct = await openPage(browser, `${siteUrl}${path}?${search}`);
				await live(direct.page);
				expect(shown, `${path}?${search}`).toBe(await figures(direct.page));
				expect(shown).not.toBe('');
				await direct.context.close();
			}
			expect(errors).toEqual([]);
			await context.close();
		}
	});

	it('exports a table as a CSV Excel opens: BOM, title, the header row with units, notes', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}region/`);
		await live(page);
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-csv').click()
		]);
		const text = readFileSync((await download.path()) ?? '', 'utf8');
		expect(download.suggestedFilename()).toMatch(/^\d{4}年各盟市覆盖率\.csv$/);
		expect(text.startsWith('\uFEFF')).toBe(true);
		const lines = text.slice(1).split('\r\n');
		expect(lines[0]).toMatch(/^\d{4}年各盟市覆盖率$/);
		expect(lines[1]).toBe(
			'盟市,覆盖率（%）,覆盖企业（家）,规上工业企业（家）,基础级（家）,先进级（家）,卓越级（家）,领航级（家）,基础级新建（家）,申报（份）,未通过（份）,层级存疑（份）'
		);
		expect(lines[2]?.startsWith('呼和浩特市,')).toBe(true);
		expect(lines).toContain('筛选条件：无（全区、全部行业、全部层级）');
		await context.close();
	});
});
