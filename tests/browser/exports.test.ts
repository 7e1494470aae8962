/**
 * Exports carry their context, and Excel goes both ways (issue #22), in Chromium against the
 * built site: a table export with filters set names them in its file name and in the file; the
 * .xlsx export, opened with a workbook reader (read-excel-file, not our code), holds the CSV's
 * numbers; a chart's PNG has its caption drawn above and below the chart; and the sample saved
 * as .xlsx workbooks (by write-excel-file) and dropped on 数据 gives `npm run summary`'s figures.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Download, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Summary } from '../../src/lib/figures/summary';
import { formatPercent } from '../../src/lib/format';
import { importFiles } from '../../src/lib/import/pipeline';
import { sampleWorkbook } from '../sample-xlsx';
import { cliSummary, dropFiles, foreignRequests, launchBrowser, openPage } from './browser';

const siteUrl = inject('siteUrl');
const SAMPLE = ['申报明细.csv', '建设场景明细.csv', '规上工业企业基数.csv'];
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** The figures are sliced here for these filters. */
const liveFor = (page: Page, search: string) =>
	page.waitForSelector(
		`[data-testid=figures-source][data-figures=live][data-filters="${search}"]`,
		{ timeout: 60_000 }
	);

async function download(page: Page, click: () => Promise<void>): Promise<[Download, Buffer]> {
	const [file] = await Promise.all([page.waitForEvent('download'), click()]);
	return [file, readFileSync((await file.path()) ?? '')];
}

/** The CSV's records (BOM stripped), blank lines kept out. */
const csvRecords = (bytes: Buffer) =>
	Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true })
		.data;

describe('exports with filters set', () => {
	const search = '?region=150600&tier=2';

	it('name the filters in the file name and in the CSV and .xlsx, with the same numbers', async () => {
		const { page, context, errors, requests } = await openPage(
			browser,
			`${siteUrl}region/${search}`
		);
		await liveFor(page, search);
		const heading = (await page.locator('#map-title').textContent())?.trim() ?? '';
		const year = /^(\d{4})年/.exec(heading)?.[1];
		expect(year).toMatch(/^20\d\d$/);
		const builtOn = await page.evaluate(
			() =>
				document
					.querySelector('[data-testid=figures-source]')
					?.textContent?.match(/\d{4}-\d\d-\d\d/)?.[0]
		);

		const [csvFile, csvBytes] = await download(page, () => page.getByTestId('export-csv').click());
		expect(csvFile.suggestedFilename()).toBe(`${year}年各盟市覆盖率_先进级及以上_鄂尔多斯市.csv`);
		const csv = csvRecords(csvBytes);
		expect(csv[0]).toEqual([`${year}年各盟市覆盖率（先进级及以上，鄂尔多斯市）`]);
		const header = csv[1]!;
		expect(header.slice(0, 4)).toEqual([
			'盟市',
			'覆盖率（%）',
			'覆盖企业（家）',
			'规上工业企业（家）'
		]);
		const notes = csv.slice(-3).map((r) => r[0]);
		expect(notes[0]).toBe('筛选条件：先进级及以上；鄂尔多斯市');
		expect(notes[1]).toBe(`数据日期：${builtOn}（数据读取日期）`);
		expect(notes[2]).toMatch(/^数据来源：示例数据（合成数据，仅供演示）/);
		const rows = csv.slice(2, -3);
		// The table's rows as the page shows them: the CSV holds the same figures.
		const shown = await page.$$eval('[data-testid=data-table] tbody tr', (trs) =>
			trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
		);
		expect(rows.map((r) => r[0])).toEqual(shown.map((r) => r[0]));
		rows.forEach((row, i) => {
			const rate = Number(row[1]) / 100;
			expect(formatPercent(rate)).toBe(shown[i]![1]);
			expect(row[2]).toBe(shown[i]![2]);
		});

		const [xlsxFile, xlsxBytes] = await download(page, () =>
			page.getByTestId('export-xlsx').click()
		);
		expect(xlsxFile.suggestedFilename()).toBe(`${year}年各盟市覆盖率_先进级及以上_鄂尔多斯市.xlsx`);
		const [sheet] = await readXlsxFile(xlsxBytes);
		// read-excel-file makes every row as wide as the widest: trailing empty cells go.
		const book = sheet!.data.map((row) => {
			const cells = [...row];
			while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
			return cells;
		});
		expect(book[0]).toEqual(csv[0]);
		expect(book[1]).toEqual(header);
		// Rows 3…: the CSV's values, numbers as numbers, the percentage as a fraction.
		const bookRows = book.slice(2, 2 + rows.length);
		expect(bookRows).toHaveLength(rows.length);
		bookRows.forEach((cells, i) => {
			const csvRow = rows[i]!;
			expect(cells[0]).toBe(csvRow[0]);
			expect(typeof cells[1]).toBe('number');
			expect((cells[1] as number) * 100).toBeCloseTo(Number(csvRow[1]), 10);
			for (let c = 2; c < header.length; c++) {
				if (csvRow[c] === '') expect(cells[c] ?? null).toBeNull();
				else if (/^-?\d+(\.\d+)?$/.test(csvRow[c]!)) expect(cells[c]).toBe(Number(csvRow[c]));
				else expect(cells[c]).toBe(csvRow[c]);
			}
		});
		expect(book.slice(-3).map((r) => r[0])).toEqual(notes);

		expect(errors).toEqual([]);
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		await context.close();
	});

	it('draw the chart title, filters, date and source into a chart PNG', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}region/${search}`);
		await liveFor(page, search);
		const heading = (await page.locator('#map-title').textContent())?.trim() ?? '';
		const year = /^(\d{4})年/.exec(heading)?.[1];
		await page.waitForSelector('[data-testid=chart][data-ready=true]');
		const chart = page.getByTestId('chart').first();
		const canvas = await chart.locator('.canvas').boundingBox();
		const [file, png] = await download(page, () =>
			chart.getByRole('button', { name: '导出 PNG：各盟市覆盖率地图' }).click()
		);
		expect(file.suggestedFilename()).toBe(`${year}年各盟市覆盖率地图_先进级及以上_鄂尔多斯市.png`);
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		// Kept to be looked at (docs/exports.md shows one).
		mkdirSync('test-results/exports', { recursive: true });
		writeFileSync('test-results/exports/chart.png', png);
		const width = png.readUInt32BE(16);
		const height = png.readUInt32BE(20);
		// The chart at twice its size, and bands above and below it for the words.
		expect(width).toBeGreaterThanOrEqual(Math.floor(canvas!.width * 2));
		expect(height).toBeGreaterThan(Math.ceil(canvas!.height * 2) + 100);
		// Ink in the band above the chart and in the band below it: the words were drawn.
		const ink = await page.evaluate(
			async ({ data, chartHeight }) => {
				const image = new Image();
				image.src = `data:image/png;base64,${data}`;
				await image.decode();
				const c = document.createElement('canvas');
				c.width = image.width;
				c.height = image.height;
				const g = c.getContext('2d')!;
				g.drawImage(image, 0, 0);
				const band = (y0: number, y1: number) => {
					const pixels = g.getImageData(0, y0, c.width, y1 - y0).data;
					let dark = 0;
					for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) dark++;
					return dark;
				};
				// The title's line is the top of the band above; the two notes fill the ~100 px under
				// the chart (png.ts: 2 lines of 36 px and a 32 px margin at twice the size).
				const head = c.height - chartHeight - 100;
				return { above: band(0, head), below: band(c.height - 100, c.height) };
			},
			{ data: png.toString('base64'), chartHeight: Math.ceil(canvas!.height * 2) }
		);
		expect(ink.above).toBeGreaterThan(100);
		expect(ink.below).toBeGreaterThan(100);
		expect(errors).toEqual([]);
		await context.close();
	});
	it('draw a chart Svelte draws (SVG) into a PNG: its bars, at twice its size', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}industry/${search}`);
		await liveFor(page, search);
		const chart = page.getByTestId('chart').first();
		const plot = await chart.locator('.plot').boundingBox();
		const [file, png] = await download(page, () =>
			chart.getByRole('button', { name: '导出 PNG：各行业覆盖率' }).click()
		);
		expect(file.suggestedFilename()).toMatch(/^\d{4}年各行业覆盖率_先进级及以上_鄂尔多斯市\.png$/);
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.floor(plot!.width * 2));
		expect(png.readUInt32BE(20)).toBeGreaterThan(Math.ceil(plot!.height * 2) + 100);
		// The bars came through: pixels of the rate blue (#2171b5).
		const blue = await page.evaluate(async (data) => {
			const image = new Image();
			image.src = `data:image/png;base64,${data}`;
			await image.decode();
			const c = document.createElement('canvas');
			[c.width, c.height] = [image.width, image.height];
			const g = c.getContext('2d')!;
			g.drawImage(image, 0, 0);
			const pixels = g.getImageData(0, 0, c.width, c.height).data;
			let n = 0;
			for (let i = 0; i < pixels.length; i += 4)
				if (pixels[i] === 0x21 && pixels[i + 1] === 0x71 && pixels[i + 2] === 0xb5) n++;
			return n;
		}, png.toString('base64'));
		expect(blue).toBeGreaterThan(1000);
		expect(errors).toEqual([]);
		await context.close();
	});
});

describe('the sample as .xlsx workbooks dropped on 数据', () => {
	let summary: Summary;
	const dir = 'test-results/xlsx-sample';

	beforeAll(async () => {
		summary = cliSummary('data/sample');
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		for (const name of SAMPLE) {
			writeFileSync(join(dir, name.replace(/\.csv$/, '.xlsx')), await sampleWorkbook(name));
		}
	}, 120_000);

	it(
		'imports to the figures of npm run summary on its CSV files',
		{ timeout: 180_000 },
		async () => {
			const { page, context, errors, requests } = await openPage(browser, `${siteUrl}data/`);
			await page.waitForSelector(
				'[data-testid=data-source][data-source=sample][data-phase=ready]',
				{
					timeout: 60_000
				}
			);
			await dropFiles(
				page,
				SAMPLE.map((name) => join(dir, name.replace(/\.csv$/, '.xlsx')))
			);
			await page.waitForSelector(
				'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
				{ timeout: 120_000 }
			);
			// Every file read whole as its CSV is: the same counts, read as a workbook.
			const csv = importFiles(
				SAMPLE.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`data/sample/${name}`)) }))
			);
			for (const report of csv.reports) {
				const box = page.locator(
					`[data-testid=file-report][data-file="${report.file.replace(/\.csv$/, '.xlsx')}"]`
				);
				await expect(box.textContent()).resolves.toContain('Excel 工作簿（.xlsx）');
				await expect(box.getByTestId('rows-read').textContent()).resolves.toBe(
					String(report.rowsRead)
				);
				await expect(box.getByTestId('rows-loaded').textContent()).resolves.toBe(
					String(report.rowsLoaded)
				);
				await expect(box.getByTestId('rows-rejected').textContent()).resolves.toBe(
					String(report.rowsRejected)
				);
			}
			// The figures: npm run summary's on the CSV files.
			await page.waitForSelector('[data-testid=data-summary]');
			await expect(page.getByTestId('data-summary').getAttribute('data-year')).resolves.toBe(
				String(summary.year)
			);
			await expect(page.getByTestId('summary-coverage').textContent()).resolves.toBe(
				formatPercent(summary.coverage.overall.rate ?? NaN)
			);
			await expect(page.getByTestId('summary-starts').textContent()).resolves.toBe(
				String(summary.basicStarts.declared)
			);
			await expect(page.getByTestId('summary-flagged').textContent()).resolves.toBe(
				String(summary.flagged)
			);
			const regions = await page.$$eval('[data-testid=summary-regions] tbody tr', (trs) =>
				trs.map((tr) => [
					tr.getAttribute('data-code'),
					...[...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())
				])
			);
			expect(regions).toEqual(
				summary.coverage.byRegion.map((r) => [
					r.code,
					String(r.numerator),
					String(r.denominator ?? '—'),
					r.rate === null ? '无基数' : formatPercent(r.rate)
				])
			);
			const tiers = await page.getByTestId('data-summary').textContent();
			const t = summary.tiers;
			expect(tiers?.replace(/\s+/g, '')).toContain(
				`基础级${t.basic}·先进级${t.advanced}·卓越级${t.excellent}·领航级${t.leading}`
			);
			expect(errors).toEqual([]);
			expect(foreignRequests(requests, siteUrl)).toEqual([]);
			await context.close();
		}
	);
});

describe('blank templates on 数据', () => {
	it(
		'save per kind as .xlsx and CSV, and the saved templates import as they are',
		{ timeout: 180_000 },
		async () => {
			const { page, context, errors } = await openPage(browser, `${siteUrl}data/`);
			await page.waitForSelector(
				'[data-testid=data-source][data-source=sample][data-phase=ready]',
				{
					timeout: 60_000
				}
			);
			const kinds = await page.$$eval('[data-testid=templates] li', (lis) =>
				lis.map((li) => li.getAttribute('data-kind'))
			);
			expect(kinds).toEqual(['declarations', 'scenarios', 'baseline', 'targets']);
			const dir = 'test-results/templates';
			rmSync(dir, { recursive: true, force: true });
			mkdirSync(dir, { recursive: true });
			const saved: string[] = [];
			for (const kind of kinds) {
				const item = page.locator(`[data-testid=templates] li[data-kind=${kind}]`);
				const [xlsxFile, xlsx] = await download(page, () =>
					item.getByTestId('template-xlsx').click()
				);
				const [csvFile, csvBytes] = await download(page, () =>
					item.getByTestId('template-csv').click()
				);
				expect(xlsxFile.suggestedFilename()).toMatch(/^.+_模板\.xlsx$/);
				expect(csvFile.suggestedFilename()).toBe(
					xlsxFile.suggestedFilename().replace(/xlsx$/, 'csv')
				);
				// The workbook (read-excel-file): 填写 with the CSV's header and example, and the guide.
				const sheets = await readXlsxFile(xlsx);
				expect(sheets.map((s) => s.sheet)).toEqual(['填写', '填写说明']);
				const csv = csvRecords(csvBytes);
				expect(csv).toHaveLength(2);
				expect(sheets[0]!.data.map((row) => row.map((c) => (c === null ? '' : String(c))))).toEqual(
					csv
				);
				const guide = sheets[1]!.data;
				const headerRow = guide.findIndex((r) => r[0] === '列名');
				expect(guide.slice(headerRow + 1).map((r) => r[0])).toEqual(csv[0]);
				const path = join(dir, xlsxFile.suggestedFilename());
				writeFileSync(path, xlsx);
				saved.push(path);
			}
			// Filled in with nothing but their example rows, they import: one row each, none rejected.
			await dropFiles(page, saved);
			await page.waitForSelector(
				'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
				{ timeout: 60_000 }
			);
			for (const path of saved) {
				const box = page.locator(`[data-testid=file-report][data-file="${path.split('/').pop()}"]`);
				await expect(box.getByTestId('rows-loaded').textContent()).resolves.toBe('1');
				await expect(box.getByTestId('rows-rejected').textContent()).resolves.toBe('0');
				await expect(box.textContent()).resolves.toContain('只读取了第一个工作表“填写”');
			}
			expect(errors).toEqual([]);
			await context.close();
		}
	);
});
