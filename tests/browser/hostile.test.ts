/**
 * Hostile input imported in the browser: every payload shows as text wherever it reaches the
 * screen (validation report, dashboard charts and tooltips, pivot, SQL console), nothing is
 * injected or run, and every CSV the site exports neutralises formula cells.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
	declarationId,
	enterpriseId,
	HOSTILE_FILE_NAME,
	hostileFiles,
	PAYLOADS
} from '../fixtures/hostile/hostile-files';
import { drawEveryChart, launchBrowser } from './browser';
import { recordViolations, waitUntilSettled, type Recorder } from './trust';

const siteUrl = inject('siteUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let recorder: Recorder;
const dialogs: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
	// One context for the whole file: the import is stored and every page reads it.
	context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
	page = await context.newPage();
	recorder = await recordViolations(context, page);
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	page.on('request', (request) => requests.push(new URL(request.url()).pathname));
});
afterAll(async () => {
	await browser?.close();
});

/** Nothing the payloads carry took effect: no element, attribute, script, dialog or request. */
async function expectNothingInjected(where: string) {
	const found = await page.evaluate(() => {
		const handlers = [...document.querySelectorAll('*')].filter((el) =>
			[...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))
		);
		return {
			xss: (globalThis as { __xss?: unknown }).__xss ?? null,
			handlers: handlers.map((el) => el.outerHTML.slice(0, 120)),
			images: document.querySelectorAll('img[src="x"]').length,
			svgs: document.querySelectorAll('svg[onload]').length
		};
	});
	expect(found, where).toEqual({ xss: null, handlers: [], images: 0, svgs: 0 });
	expect(dialogs, where).toEqual([]);
	expect(
		requests.filter((p) => p.endsWith('/x')),
		where
	).toEqual([]);
	expect(await recorder.violations(), where).toEqual([]);
}

/** Every cell of a downloaded CSV (BOM stripped). */
async function downloadedCells(click: () => Promise<void>): Promise<string[]> {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	const text = readFileSync((await download.path()) ?? '', 'utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	return Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.flat();
}

/**
 * No cell a spreadsheet would run as a formula (= + - @ first, or after white space or a line
 * break; a leading tab, CR or LF); the payloads are there, neutralised.
 */
function expectNeutralised(cells: string[], where: string) {
	expect(
		cells.filter((c) => /^(?:[=+\-@\t\r\n]|\s+[=+\-@])/.test(c)),
		where
	).toEqual([]);
}

describe('hostile input, imported in the browser', () => {
	it('the validation report shows file names and rejected values as text', async () => {
		await page.goto(`${siteUrl}data/`);
		await waitUntilSettled(page);
		await page.getByTestId('file-input').setInputFiles(
			hostileFiles().map((f) => ({
				name: f.name,
				mimeType: 'text/csv',
				buffer: Buffer.from(f.text)
			}))
		);
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
			{
				timeout: 60_000
			}
		);
		const titles = await page.locator('[data-testid=file-report] h3').allTextContents();
		expect(titles).toContain(HOSTILE_FILE_NAME);
		expect(titles).toContain(`${PAYLOADS[0]}建设场景明细.csv`);
		const declarations = page.locator('[data-testid=file-report]', {
			has: page.locator('h3', { hasText: HOSTILE_FILE_NAME })
		});
		await expect(declarations.getByTestId('rows-loaded').textContent()).resolves.toBe(
			String(PAYLOADS.length)
		);
		await expect(declarations.getByTestId('rows-rejected').textContent()).resolves.toBe(
			String(PAYLOADS.length)
		);
		// Each rejected 盟市 is reported with its value, shown as the text it is.
		const values = await page.locator('td.value').allTextContents();
		for (const payload of PAYLOADS) expect(values).toContain(payload);
		await expectNothingInjected('数据');

		expectNeutralised(
			await downloadedCells(() =>
				page.getByRole('button', { name: '下载全部问题（CSV）' }).click()
			),
			'校验问题清单'
		);
		const rejectedCells = await downloadedCells(() =>
			declarations.getByRole('button', { name: /下载被拒绝的.*（CSV）/ }).click()
		);
		expectNeutralised(rejectedCells, '被拒绝的行');
		for (const payload of PAYLOADS.filter((p) => /^[=+\-@]/.test(p)))
			expect(rejectedCells).toContain(`'${payload}`);

		// The same rows as a workbook: no formula anywhere, every formula-looking text an inline
		// string with Excel's quote prefix (style 3 or 4, xlsx-write.ts).
		const [workbook] = await Promise.all([
			page.waitForEvent('download'),
			declarations.getByRole('button', { name: /下载被拒绝的.*（Excel）/ }).click()
		]);
		const sheet = strFromU8(
			unzipSync(new Uint8Array(readFileSync((await workbook.path()) ?? '')))[
				'xl/worksheets/sheet1.xml'
			]!
		);
		expect(sheet).not.toContain('<f>');
		const texts = [
			...sheet.matchAll(
				/<c r="[A-Z]+\d+"( s="\d")? t="inlineStr"><is><t xml:space="preserve">([^<]*)</g
			)
		];
		const formulaLike = texts.filter(([, , text]) =>
			/^(?:[=+\-@\t\r\n]|\s+[=+\-@])/.test(
				text!
					.replace(/&quot;/g, '"')
					.replace(/&amp;/g, '&')
					.replace(/&lt;/g, '<')
					.replace(/&gt;/g, '>')
			)
		);
		expect(formulaLike.length).toBeGreaterThan(0);
		for (const [, style] of formulaLike) expect([' s="3"', ' s="4"']).toContain(style);
	});

	it('dashboard pages go live on it; chart tooltips and map labels inject nothing', async () => {
		for (const path of ['', 'region/', 'industry/', 'scenario/', 'assessment/']) {
			await page.goto(`${siteUrl}${path}`);
			await expect(waitUntilSettled(page)).resolves.toBe('live');
			await expect(page.getByTestId('figures-source').getAttribute('data-data')).resolves.toBe(
				'user'
			);
			await page.waitForFunction(() =>
				[...document.querySelectorAll('[data-testid=chart]')].every(
					(c) => c.getAttribute('data-ready') === 'true' || c.querySelector('.empty')
				)
			);
			await drawEveryChart(page);
			// Show the tooltip of the first few items of every chart, as a hovering user would.
			await page.$$eval('[data-testid=chart] .canvas', (elements) => {
				for (const element of elements) {
					const chart = (
						element as unknown as {
							echartsInstance?: { dispatchAction(action: object): void };
						}
					).echartsInstance;
					for (let i = 0; i < 5; i++)
						chart?.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
				}
			});
			// And over the first bars or years of the charts Svelte draws.
			await page.$$eval('[data-testid=chart] [data-detail]', (marks) => {
				for (const mark of marks.slice(0, 5)) {
					const box = mark.getBoundingClientRect();
					mark.dispatchEvent(
						new PointerEvent('pointermove', {
							bubbles: true,
							clientX: box.x + 1,
							clientY: box.y + 1
						})
					);
				}
			});
			await expectNothingInjected(path || '总览');
		}
	});

	it('the pivot shows the imported declarations without running anything', async () => {
		await page.goto(`${siteUrl}explore/?rows=region&cols=tier&measure=declarations`);
		await page.waitForSelector('[data-testid=pivot-table] tbody tr', { timeout: 60_000 });
		const rows = await page.$$eval('[data-testid=data-table] tbody tr', (trs) =>
			trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()))
		);
		const hohhot = rows.find((r) => r[0] === '呼和浩特市');
		expect(hohhot?.at(-1)).toBe(String(PAYLOADS.length));
		await expectNothingInjected('探索');
	});

	it('the SQL console shows every payload as text and exports it neutralised', async () => {
		await page.goto(`${siteUrl}explore/sql/`);
		await waitUntilSettled(page);
		await page
			.getByTestId('sql-input')
			.fill('SELECT declaration_id, enterprise_id, county, extra FROM declarations');
		await page.getByTestId('sql-run').click();
		await page.getByTestId('sql-summary').waitFor();
		const rows = await page.$$eval('[data-testid=data-table] tbody tr', (trs) =>
			trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''))
		);
		const expected = PAYLOADS.map((p, i) => [declarationId(i), enterpriseId(i), p]);
		expect(rows.map((r) => r.slice(0, 3)).sort()).toEqual(expected.sort());
		// The unlisted column keeps its header and each row's value, as JSON text.
		const extra = new Map(rows.map((r) => [r[0], JSON.parse(r[3] ?? '{}')]));
		PAYLOADS.forEach((p, i) => expect(extra.get(declarationId(i))).toEqual({ [PAYLOADS[2]]: p }));
		await expectNothingInjected('SQL');

		const cells = await downloadedCells(() => page.getByTestId('export-csv').click());
		expectNeutralised(cells, '查询结果');
		expect(cells).toContain(`'${declarationId(3)}`);

		// Formulas behind a line break, a tab or a space, as a query can make them.
		await page
			.getByTestId('sql-input')
			.fill(
				"SELECT chr(13) || chr(10) || '=1+1' AS crlf, chr(10) || '@SUM(1)' AS lf, ' =2' AS space, chr(9) || '-3' AS tab"
			);
		await page.getByTestId('sql-run').click();
		await page.getByTestId('sql-summary').waitFor();
		const formulas = await downloadedCells(() => page.getByTestId('export-csv').click());
		expectNeutralised(formulas, '查询结果（换行、制表符、空格）');
		expect(formulas).toEqual(expect.arrayContaining(["'\r\n=1+1", "'\n@SUM(1)", "' =2", "'\t-3"]));
	});
});
