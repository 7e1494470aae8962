import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Summary } from '../../src/lib/figures/summary';
import { formatPercent } from '../../src/lib/format';
import { cliSummary, dropFiles, foreignRequests, launchBrowser, openPage } from './browser';

const siteUrl = inject('siteUrl');
const FIXTURE = 'tests/fixtures/plan';
let browser: Browser;
let summary: Summary;

beforeAll(async () => {
	browser = await launchBrowser();
	summary = cliSummary(FIXTURE);
}, 120_000);
afterAll(async () => {
	await browser?.close();
});

async function dropFixture(page: Page) {
	await page.waitForSelector('[data-testid=data-source][data-source=sample][data-phase=ready]', {
		timeout: 60_000
	});
	const paths = readdirSync(FIXTURE)
		.filter((name) => name.endsWith('.csv'))
		.map((name) => `${FIXTURE}/${name}`);
	await dropFiles(page, paths);
	await page.waitForSelector(
		'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
		{
			timeout: 60_000
		}
	);
}

/** The cells of the table under the section with the given heading id, row by row. */
function rowsUnder(page: Page, headingId: string) {
	return page.$$eval(
		`section[aria-labelledby=${headingId}] [data-testid=data-table] tbody tr`,
		(trs) =>
			trs.map((tr) => [...tr.querySelectorAll('td, th')].map((c) => c.textContent?.trim() ?? ''))
	);
}

describe('计划落实 page on a fixture with prior titles, 盟市 targets and recommendations', () => {
	it('shows the numbers of npm run summary', { timeout: 180_000 }, async () => {
		const { page, context, requests, errors } = await openPage(browser, `${siteUrl}data/`);
		await dropFixture(page);
		await page.goto(`${siteUrl}plan/`);
		await page.waitForSelector('[data-figures=live]', { timeout: 60_000 });

		const prior = await rowsUnder(page, 'prior-title');
		const total = prior.find((r) => r[0] === '全区')!;
		const t = summary.priorTitles.total;
		expect(total.slice(1, 3)).toEqual([String(t.withTitle), String(t.declaredAdvanced)]);
		expect(total[4]).toBe(String(t.recognised));
		for (const region of summary.priorTitles.byRegion) {
			const row = prior.find((r) => r[0] === region.name)!;
			expect(row[1]).toBe(String(region.withTitle));
			expect(row[2]).toBe(String(region.declaredAdvanced));
		}
		await expect(page.getByTestId('prior-lagging').textContent()).resolves.toBe('包头市');

		const targets = await rowsUnder(page, 'targets-title');
		expect(targets).toHaveLength(summary.regionTargets.length);
		summary.regionTargets.forEach((target, i) => {
			const actual =
				target.metric === 'coverage' ? formatPercent(target.actual!) : `${target.actual}家`;
			expect(targets[i]![0]).toBe(target.name);
			expect(targets[i]![4]).toBe(actual);
		});

		const pipeline = await rowsUnder(page, 'pipeline-title');
		expect(pipeline.map((r) => r.slice(2, 5).map(Number))).toEqual(
			summary.nationalPipeline.map((p) => [p.recommended, p.recognised, p.notRecognised])
		);

		// The 盟市's own page reads it against its own targets (its scorecard), never the region's;
		// a 盟市 without targets in the file gets none.
		await page.goto(`${siteUrl}region/150200/`);
		await page.waitForSelector('[data-figures=live]', { timeout: 60_000 });
		const starts = summary.regionTargets.find(
			(t) => t.code === '150200' && t.metric === 'basic_starts'
		)!;
		const scorecard = page.getByTestId('plan-scorecard');
		await expect(scorecard.locator('h2').textContent()).resolves.toContain('包头市自定目标进度');
		const startsRow = await scorecard
			.locator('tr[data-key=basic_starts] th, tr[data-key=basic_starts] td')
			.allTextContents();
		expect(startsRow.slice(0, 3).map((c) => c.trim())).toEqual([
			'基础级新建（申报企业）',
			`${starts.actual}家`,
			`每年${starts.target}家以上`
		]);
		await expect(scorecard.textContent()).resolves.not.toContain('每年300家');
		await page.goto(`${siteUrl}region/150300/`);
		await page.waitForSelector('[data-figures=live]', { timeout: 60_000 });
		await expect(page.getByTestId('scorecard-none').textContent()).resolves.toContain(
			'未设自定目标'
		);
		await page.goto(`${siteUrl}report/preview/`);
		await page.waitForSelector('[data-testid=report-targets]', { timeout: 60_000 });
		const targetRows = await page.$$eval(
			'[data-testid=report-targets] tbody tr',
			(trs) => trs.length
		);
		expect(targetRows).toBe(summary.regionTargets.length);
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});
});
