import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Summary } from '../../src/lib/figures/summary';
import { formatPercent } from '../../src/lib/format';
import { cliSummary, foreignRequests, launchBrowser, openPage } from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;
let summary: Summary;

beforeAll(async () => {
	browser = await launchBrowser();
	summary = cliSummary('data/sample');
}, 120_000);
afterAll(async () => {
	await browser?.close();
});

/** The text of each cell of a report table, row by row (first cell: the row's name). */
function tableText(page: Page, testid: string) {
	return page.$$eval(`[data-testid=${testid}] tbody tr`, (rows) =>
		rows.map((tr) => ({
			code: tr.getAttribute('data-code'),
			cells: Object.fromEntries(
				[...tr.querySelectorAll('td[data-figure]')].map((td) => [
					td.getAttribute('data-figure'),
					{ text: td.textContent?.trim() ?? '', kind: td.getAttribute('data-kind') }
				])
			)
		}))
	);
}

/** Page text as pdf.js reads it, NFKC-folded (the font maps some characters to radical forms). */
async function pdfPages(pdf: Uint8Array): Promise<string[]> {
	const doc = await getDocument({ data: pdf }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(
			content.items
				.map((item) => ('str' in item ? item.str : ''))
				.join('')
				.normalize('NFKC')
		);
	}
	return pages;
}

describe('annual report', () => {
	it('reads with JavaScript off: narrative, SVG charts, and the figures of npm run summary', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
		const page = await context.newPage();
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto(`${siteUrl}report/`);
		const latest = page.getByTestId('report-years').locator('a').first();
		await expect(latest.textContent()).resolves.toBe(`${summary.year}年全区年度报告`);
		await latest.click();
		await page.waitForSelector('[data-testid=annual-report]');

		const narrative = await page.getByTestId('report-narrative').textContent();
		expect(narrative).toContain(
			`截至${summary.year}年底，全区基础级及以上智能工厂覆盖规上工业企业${summary.coverage.overall.numerator}家，` +
				`覆盖率为${formatPercent(summary.coverage.overall.rate!)}`
		);
		expect(await page.locator('[data-chart] svg').count()).toBe(3);
		await expect(page.getByTestId('report-rule').textContent()).resolves.toContain('少于3家');
		await expect(page.getByTestId('report-source').textContent()).resolves.toContain('示例数据');

		const rows = await tableText(page, 'report-regions');
		expect(rows).toHaveLength(13);
		for (const truth of summary.coverage.byRegion) {
			const row = rows.find((r) => r.code === truth.code)!;
			const covered = row.cells.covered!;
			if (truth.numerator < 3) expect(covered.text).toBe('<3');
			else if (covered.kind === 'shown') {
				expect(covered.text).toBe(String(truth.numerator));
				expect(row.cells.rate!.text).toBe(formatPercent(truth.rate!));
			} else expect(covered.text).toBe('×');
		}
		const total = rows.at(-1)!.cells;
		expect(total.covered!.text).toBe(String(summary.coverage.overall.numerator));
		for (const key of ['basic', 'advanced', 'excellent', 'leading'] as const) {
			const n = summary.tiers[key];
			expect(total[key]!.text).toBe(n < 3 ? '<3' : total[key]!.kind === 'shown' ? String(n) : '×');
		}
		// Every count under 3 anywhere in the tables shows as "<3", never as a number.
		const numbers = await page.$$eval('[data-testid^=report-] td[data-kind=shown]', (tds) =>
			tds.map((td) => td.textContent?.trim() ?? '')
		);
		for (const text of numbers)
			if (/^\d+$/.test(text)) expect(Number(text)).toBeGreaterThanOrEqual(3);
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		await context.close();
	});

	it('prints to A4 PDF: one page per section, page numbers, no chart cut across a page', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}report/${summary.year}/`);
		const sections = await page.$$eval('.report-section h1, .report-section h2', (hs) =>
			hs.map((h) => h.textContent?.replace(/（.*$/, '').trim().normalize('NFKC') ?? '')
		);
		const figures = await page.$$eval('[data-chart]', (fs) =>
			fs.map((f) => ({
				heading: f.querySelector('h3')?.textContent?.split(' ')[0]?.normalize('NFKC') ?? '',
				caption: f.querySelector('figcaption')?.textContent?.slice(0, 6).normalize('NFKC') ?? ''
			}))
		);
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		const pages = await pdfPages(new Uint8Array(pdf));

		// 概要, 走势与排名, 盟市, 行业, 计划落实, 场景.
		expect(sections.length).toBe(6);
		expect(pages).toHaveLength(sections.length);
		sections.forEach((heading, i) => {
			expect(pages[i], `page ${i + 1}`).toMatch(
				new RegExp(`^第 ${i + 1} .[，,]共 ${pages.length} .`)
			);
			expect(pages[i], `page ${i + 1}`).toContain(heading.slice(0, 6));
		});
		expect(figures).toHaveLength(3);
		for (const figure of figures) {
			const on = pages.findIndex((p) => p.includes(figure.heading));
			expect(on, figure.heading).toBeGreaterThanOrEqual(0);
			expect(pages[on], `${figure.heading}'s caption on its page`).toContain(figure.caption);
		}
		// Nothing of the site's chrome is printed.
		expect(pages.join('')).not.toContain('智能工厂梯度培育监测看板');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('a 盟市 report shows the 盟市 row of the region-wide table', async () => {
		const code = summary.coverage.byRegion[0]!.code;
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${siteUrl}report/${summary.year}/`);
		const wide = (await tableText(page, 'report-regions')).find((r) => r.code === code)!;
		await page.goto(`${siteUrl}report/${summary.year}/${code}/`);
		const own = (await tableText(page, 'report-regions')).find((r) => r.code === code)!;
		expect(own).toEqual(wide);
		await expect(page.getByTestId('report-narrative').textContent()).resolves.toContain(
			summary.coverage.byRegion[0]!.name
		);
		await context.close();
	});

	it('the preview computes the same report in the browser from the loaded data', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}report/preview/`);
		await page.waitForSelector('[data-testid=annual-report]', { timeout: 60_000 });
		const live = await tableText(page, 'report-regions');
		await expect(page.getByTestId('report-source').textContent()).resolves.toContain('预览');
		const published = await openPage(browser, `${siteUrl}report/${summary.year}/`);
		expect(live).toEqual(await tableText(published.page, 'report-regions'));
		expect(await page.locator('[data-chart] svg').count()).toBe(3);
		expect(errors).toEqual([]);
		await published.context.close();
		await context.close();
	});
});
