import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRegions } from '../oracle/queries';
import { oracleEngine } from '../oracle/engine';
import type { Cube } from '../../src/lib/cube/cube';
import { NO_FILTERS } from '../../src/lib/figures/types';
import type { NodeEngine } from '../../src/lib/db/node-engine';
import type { Summary } from '../../src/lib/figures/summary';
import { TIER_KEYS, targets } from '../../src/lib/domain/catalogue';
import { formatPercent, formatPointDifference } from '../../src/lib/format';
import { computeReport, publishedYears } from '../../src/lib/report/compute';
import type { Disclosed } from '../../src/lib/report/disclosure';
import type { PublishedYear } from '../../src/lib/report/model';
import type { AnnualReport } from '../../src/lib/report/view';

const SAMPLE = 'data/sample';
const rule = { minCount: 3 };
const source = { source: 'sample' as const, asOf: '2026-11-25T00:00:00Z', files: [] };
let engine: NodeEngine;
let cube: Cube;
let years: PublishedYear[];

const cliRuns = new Map<number, Summary>();

/** `npm run summary` for a year, as the department would run it (once per year). */
function cliSummary(year: number): Summary {
	const known = cliRuns.get(year);
	if (known) return known;
	const summary = JSON.parse(
		execFileSync('npx', ['tsx', 'scripts/summary.ts', '--data', SAMPLE, '--year', String(year)], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore']
		})
	) as Summary;
	cliRuns.set(year, summary);
	return summary;
}

beforeAll(async () => {
	const inputs = readdirSync(SAMPLE)
		.filter((name) => name.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(`${SAMPLE}/${name}`) }));
	({ engine, cube } = await oracleEngine(inputs));
	years = publishedYears(cube, rule);
}, 60_000);
afterAll(() => engine?.close());

/** A published count equals the true one when shown; is under k when primary; is hidden otherwise. */
function expectDisclosed(cell: Disclosed, truth: number, what: string) {
	if (cell.kind === 'shown') expect(cell.value, what).toBe(truth);
	else if (cell.kind === 'primary') expect(truth, what).toBeLessThan(rule.minCount);
	else expect(truth, what).toBeGreaterThanOrEqual(rule.minCount);
	if (truth < rule.minCount) expect(cell.kind, `${what} under k`).toBe('primary');
}

describe('annual report on the sample', () => {
	it(
		'its figures equal npm run summary, year by year, hidden ones only where the rule says',
		{ timeout: 120_000 },
		() => {
			expect(years.map((y) => y.year)).toEqual([2025, 2026]);
			for (const published of years) {
				const summary = cliSummary(published.year);
				const { total } = published;
				expectDisclosed(total.covered, summary.coverage.overall.numerator, 'covered 全区');
				expect(total.denominator).toBe(summary.coverage.overall.denominator);
				if (total.rate.kind === 'shown')
					expect(total.rate.rate).toBeCloseTo(summary.coverage.overall.rate!, 12);
				for (const key of TIER_KEYS)
					expectDisclosed(total.tiers[key], summary.tiers[key], `全区 ${key}`);
				expectDisclosed(total.startsDeclared, summary.basicStarts.declared, 'starts');
				expectDisclosed(total.startsAwarded, summary.basicStarts.awarded, 'awarded');
				expectDisclosed(total.declarations, summary.declarations, 'declarations');
				expect(published.regions.map((r) => r.code)).toEqual(
					summary.coverage.byRegion.map((r) => r.code)
				);
				summary.coverage.byRegion.forEach((truth, i) => {
					const row = published.regions[i]!;
					expectDisclosed(row.covered, truth.numerator, `${truth.name} covered`);
					expect(row.denominator).toBe(truth.denominator);
					expect(row.rate.kind === 'shown' ? row.rate.rate : null).toBe(
						row.covered.kind === 'shown' ? truth.rate : null
					);
				});
				const prior = published.priorTitles.at(-1)!;
				expectDisclosed(prior.withTitle, summary.priorTitles.total.withTitle, 'prior titles');
				expectDisclosed(
					prior.declaredAdvanced,
					summary.priorTitles.total.declaredAdvanced,
					'declared'
				);
				expectDisclosed(prior.recognised, summary.priorTitles.total.recognised, 'recognised');
				summary.priorTitles.byRegion.forEach((truth, i) =>
					expectDisclosed(
						published.priorTitles[i]!.withTitle,
						truth.withTitle,
						`${truth.name} prior`
					)
				);
				const pipeline = summary.nationalPipeline.filter((p) => p.year === published.year);
				expect(published.pipeline.map((p) => p.tier)).toEqual(pipeline.map((p) => p.tier));
				pipeline.forEach((truth, i) => {
					const row = published.pipeline[i]!;
					expectDisclosed(row.recommended, truth.recommended, `recommended ${truth.tier}`);
					expectDisclosed(row.recognised, truth.recognised, `recognised ${truth.tier}`);
					expectDisclosed(row.notRecognised, truth.notRecognised, `not recognised ${truth.tier}`);
				});
				for (const truth of summary.coverage.byIndustry) {
					const row = published.industries.find((r) => r.code === truth.code);
					expect(row, truth.name).toBeDefined();
					expectDisclosed(row!.covered, truth.numerator, `${truth.name} covered`);
				}
			}
		}
	);

	it('hides every 盟市 tier count under k, and none can be worked out from the 全区 total', async () => {
		for (const published of years) {
			const truth = await queryRegions(
				engine,
				{ ...NO_FILTERS, year: published.year },
				published.year
			);
			for (const key of TIER_KEYS) {
				const cells = published.regions.map((r) => r.tiers[key]);
				truth.forEach((row, i) => expectDisclosed(cells[i]!, row.tiers[key], `${row.name} ${key}`));
				const hidden = cells.filter((c) => c.kind !== 'shown').length;
				// One hidden count alone under a shown total would be the total minus the others.
				if (published.total.tiers[key].kind === 'shown') expect(hidden === 1, key).toBe(false);
			}
		}
	});

	it('a 盟市 report shows exactly what the region-wide table shows for it, this year and last', async () => {
		const latest = years.at(-1)!;
		for (const row of latest.regions) {
			const report = computeReport(cube, years, latest.year, row.code, rule, source)!;
			expect(report.headline.row).toEqual(row);
			const before = years.find((y) => y.year === latest.year - 1)!;
			expect(report.headline.previous).toEqual(before.regions.find((r) => r.code === row.code));
			expect(report.industries).toEqual([]);
		}
	});

	it('the heatmap shows no cell counting fewer than k declarations', async () => {
		const report = computeReport(cube, years, 2026, '152900', rule, source)!;
		for (const cell of report.scenarios) expect(cell.count).toBeGreaterThanOrEqual(rule.minCount);
	});

	it('every number in the narrative is one the report shows', async () => {
		for (const published of years) {
			for (const region of [null, ...published.regions.map((r) => r.code)]) {
				const report = computeReport(cube, years, published.year, region, rule, source)!;
				const shown = figuresShown(report);
				const numbers = report.narrative.join('').match(/\d+(?:\.\d+)?%?/g) ?? [];
				expect(numbers.length).toBeGreaterThan(5);
				for (const n of numbers)
					expect(shown, `${region ?? '全区'} ${published.year}: ${n}`).toContain(n);
			}
		}
	});

	it('no narrative counts zero as a number or closes a year not over', () => {
		for (const published of years) {
			for (const region of [null, ...published.regions.map((r) => r.code)]) {
				const report = computeReport(cube, years, published.year, region, rule, source)!;
				const text = report.narrative.join('');
				const what = `${region ?? '全区'} ${published.year}`;
				expect(text, what).not.toMatch(/(^|[^\d.])0(个|家)/);
				expect(text, what).not.toContain('截至2026年底');
				expect(text, what).toContain(report.period.stock);
			}
		}
	});

	it(
		'the narrative says where coverage stands against the plan',
		{ timeout: 120_000 },
		async () => {
			const report = computeReport(cube, years, 2026, null, rule, source)!;
			const summary = cliSummary(2026);
			const previous = cliSummary(2025);
			const rate = summary.coverage.overall.rate!;
			const text = report.narrative[0]!;
			// The data is dated 25 November 2026: 2026 is not over, so no "2026年底" for the counts.
			expect(text).toContain(
				`截至2026年11月25日，全区基础级及以上智能工厂覆盖规上工业企业${summary.coverage.overall.numerator}家`
			);
			expect(text).toContain(`覆盖率为${formatPercent(rate)}`);
			expect(text).toContain(
				`较上年提高${formatPointDifference(rate - previous.coverage.overall.rate!)}`
			);
			expect(text).toContain(
				`距行动计划2027年底25.0%的目标尚差${formatPointDifference(targets.coverage.rate - rate)}`
			);
			const before = computeReport(cube, years, 2025, null, rule, source)!;
			expect(before.narrative[0]).toMatch(/^截至2025年底，全区/);
			expect(before.period.closed).toBe(true);
		}
	);
});

/** Every number the report's tables and headline show, as text, with the plan's targets and years. */
function figuresShown(report: AnnualReport): string[] {
	const out = new Set<string>();
	const add = (v: number | string | null | undefined) => {
		if (v !== null && v !== undefined) out.add(String(v));
	};
	const count = (d: Disclosed | undefined) => add(d?.kind === 'shown' ? d.value : null);
	const rate = (r: number | null) => {
		if (r === null) return;
		add(formatPercent(r));
		add(formatPercent(r).replace('%', ''));
	};
	const points = (p: number | null) =>
		add(p === null ? null : formatPointDifference(Math.abs(p)).replace('个百分点', ''));
	const h = report.headline;
	for (const row of [h.row, h.previous, ...report.regionRows, report.total]) {
		if (!row) continue;
		count(row.covered);
		rate(row.rate.kind === 'shown' ? row.rate.rate : null);
		for (const key of TIER_KEYS) count(row.tiers[key]);
		count(row.startsDeclared);
		count(row.startsAwarded);
		count(row.declarations);
	}
	rate(h.pathRate);
	rate(h.projectedRate);
	const current = h.row.rate.kind === 'shown' ? h.row.rate.rate : null;
	if (current !== null && h.pathRate !== null) points(current - h.pathRate);
	points(h.change);
	points(h.gap);
	const rates = report.regionRows.filter((r) => r.rate.kind === 'shown');
	add(rates.length);
	add(rates.filter((r) => r.rate.kind === 'shown' && r.rate.rate >= targets.coverage.rate).length);
	add(report.year);
	add(report.year - 1);
	add(targets.coverage.year);
	rate(targets.coverage.rate);
	add(targets.basicStartsPerYear.count);
	for (const t of targets.tierCounts) add(t.count);
	add(report.rule.minCount);
	// The data's date: "截至2026年11月25日".
	add(report.period.asOf.year);
	add(report.period.asOf.month);
	add(report.period.asOf.day);
	return [...out];
}
