import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Summary } from '../../src/lib/figures/summary';
import { formatPercent } from '../../src/lib/format';
import { ISSUER } from '../../src/lib/report/period';
import { cliSummary, foreignRequests, launchBrowser, openPage } from './browser';
import { foldText, pdfIncludes, pdfStartsWith, readPdf } from './pdf-layout';

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

/** "2026-12-02" → "2026年12月2日", written apart from period.ts so it checks it. */
function chineseDate(iso: string) {
	const [y, m, d] = iso.split('-').map(Number);
	return `${y}年${m}月${d}日`;
}

/** The report's document date as the page carries it (the data's as-of date). */
function reportDate(page: Page) {
	return page.getByTestId('report-issuer').getAttribute('data-date') as Promise<string>;
}

const squash = (text: string) => foldText(text).replace(/\s+/g, '');

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

		// The build read the data this year: the year is not over, so the counts are as of its date.
		const date = chineseDate(await reportDate(page));
		expect(date.startsWith(`${summary.year}年`)).toBe(true);
		const issuer = await page.getByTestId('report-issuer').textContent();
		expect(issuer).toContain(ISSUER);
		expect(issuer).toContain(date);
		const narrative = await page.getByTestId('report-narrative').textContent();
		expect(narrative).toContain(
			`截至${date}，全区基础级及以上智能工厂覆盖规上工业企业${summary.coverage.overall.numerator}家，` +
				`覆盖率为${formatPercent(summary.coverage.overall.rate!)}`
		);
		expect(narrative).not.toContain(`${summary.year}年底，`);
		expect(narrative).not.toMatch(/(^|[^\d.])0个/);
		// The key table's target column holds the plan's targets, not the pace's projection.
		const projection = await page
			.locator('[data-testid=report-headline] tr[data-figure=projection]')
			.textContent();
		expect(projection).toContain('按当前进度预计（2027年底）');
		await expect(
			page
				.locator('[data-testid=report-headline] tr[data-figure=coverage] td[data-column=target]')
				.textContent()
		).resolves.toBe('25.0%左右（2027年底）');
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

	for (const [scope, path] of [
		['全区', ''],
		['包头市', '150200/'],
		['阿拉善盟', '152900/']
	] as const)
		it(`${scope}: prints to A4 as a document — no page under a third full but the last, nothing cut`, async () => {
			const { page, context, errors } = await openPage(
				browser,
				`${siteUrl}report/${summary.year}/${path}`
			);
			const date = chineseDate(await reportDate(page));
			const headings = await page.$$eval('.report-section > h2, .report-section > h3', (hs) =>
				hs.map((h) => {
					// What the heading introduces: the next element that is not a heading — a
					// table's first row, a figure's own heading, a paragraph.
					let next = h.nextElementSibling;
					while (next && /^H[1-6]$/.test(next.tagName)) next = next.nextElementSibling;
					const first =
						next?.tagName === 'TABLE'
							? next.querySelector('tbody tr')
							: next?.tagName === 'FIGURE'
								? next.querySelector('h3')
								: next;
					return { text: h.textContent?.trim() ?? '', next: first?.textContent ?? '' };
				})
			);
			const figures = await page.$$eval('[data-chart]', (fs) =>
				fs.map((f) => ({
					heading: f.querySelector('h3')?.textContent?.split(' ')[0] ?? '',
					caption: f.querySelector('figcaption')?.textContent?.slice(0, 6) ?? ''
				}))
			);
			const rows = await page.$$eval('.report table tbody tr', (trs) =>
				trs.map((tr) => tr.textContent ?? '')
			);
			const pages = await readPdf(
				new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }))
			);
			const fullness = pages.map((p) => p.fullness.toFixed(2)).join(' ');

			// Sections flow: every page but the last holds at least a third of a page (pdf-layout.ts
			// measures how far down the body the lowest text or drawn path reaches).
			expect(pages.length).toBeGreaterThanOrEqual(2);
			pages.slice(0, -1).forEach((p, i) => {
				expect(
					p.fullness,
					`page ${i + 1} of ${pages.length} (fullness ${fullness})`
				).toBeGreaterThanOrEqual(1 / 3);
			});
			pages.forEach((p, i) => {
				expect(p.text, `page ${i + 1}`).toMatch(
					new RegExp(`^第 ${i + 1} 页[，,]共 ${pages.length} 页`)
				);
			});

			// A published document: issuing body and date on its first page.
			expect(pages[0]!.text).toContain(ISSUER);
			expect(pages[0]!.text).toContain(date);

			// No heading ends a page: what it introduces begins on the heading's page.
			for (const heading of headings) {
				const prefix = foldText(heading.text)
					.split(/[（\d]/)[0]!
					.slice(0, 6);
				expect(prefix.length, heading.text).toBeGreaterThanOrEqual(2);
				const on = pages.flatMap((p, n) =>
					p.lines.some((line) => pdfStartsWith(line.text, prefix)) ? [n] : []
				);
				expect(on, `${heading.text} printed once`).toHaveLength(1);
				const next = squash(heading.next).slice(0, 8);
				expect(next.length, `${heading.text} introduces something`).toBeGreaterThan(1);
				expect(
					pdfIncludes(squash(pages[on[0]!]!.text), next),
					`${heading.text} on page ${on[0]! + 1} with what follows it ("${next}")`
				).toBe(true);
			}

			// No chart cut: its heading and caption on one page, the heading on one page only.
			for (const figure of figures) {
				const on = pages.flatMap((p, n) =>
					pdfIncludes(p.text, foldText(figure.heading)) ? [n] : []
				);
				expect(on, figure.heading).toHaveLength(1);
				expect(
					pdfIncludes(pages[on[0]!]!.text, foldText(figure.caption)),
					`${figure.heading}'s caption on its page`
				).toBe(true);
			}

			// No table row cut: each row's text is whole on one page.
			const pageText = pages.map((p) => squash(p.text));
			expect(rows.length).toBeGreaterThan(10);
			for (const row of rows) {
				const text = squash(row);
				expect(
					pageText.some((t) => pdfIncludes(t, text)),
					`row "${text}" whole on a page`
				).toBe(true);
			}

			// Nothing of the site's chrome is printed.
			expect(pages.map((p) => p.text).join('')).not.toContain('智能工厂梯度培育监测看板');
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
