import { describe, expect, it } from 'vitest';
import { categoricalColors, deltaE, hexToLab, TOL_MUTED } from '../../src/lib/charts/palette';
import { pivotBarOption } from '../../src/lib/charts/pivot';
import { PERCENT_AXIS } from '../../src/lib/charts/common';
import { regions, TIER_KEYS } from '../../src/lib/domain/catalogue';
import { toPivotTable, type PivotCell, type PivotSpec } from '../../src/lib/explore/pivot';
import { shareCells, stackable } from '../../src/lib/explore/shares';
import { TIER_COLORS } from '../../src/lib/theme';

interface Series {
	stack?: string;
	itemStyle: { color: string };
	data: (number | null | { value: number | null; itemStyle: { color: string } })[];
}

function option(spec: Omit<PivotSpec, 'year'>, rowKeys: string[], columnKeys: string[]) {
	const cells: PivotCell[] = rowKeys.flatMap((row, i) =>
		(columnKeys.length ? columnKeys : [null]).map((column, j) => ({
			row,
			column,
			value: 10 * i + j + 1
		}))
	);
	const table = toPivotTable(cells, { ...spec, year: null });
	const o = pivotBarOption(table, spec, String, String, 'm');
	return o as unknown as { series: Series[]; yAxis: { axisLabel: { formatter?: string } } };
}

describe('shares in the pivot are never summed', () => {
	it('合计 = Σ numerators / Σ denominators, a zero numerator counting its denominator', () => {
		const cells = shareCells([
			{ row: 'a', column: 'x', numerator: 2, denominator: 2 },
			{ row: 'a', column: 'y', numerator: 0, denominator: 6 },
			{ row: 'b', column: 'x', numerator: 1, denominator: 2 },
			{ row: 'b', column: 'y', numerator: 3, denominator: 6 }
		]);
		const t = toPivotTable(cells, {
			rows: 'scenario',
			columns: 'status',
			measure: 'scenarioShare',
			year: null
		});
		expect(t.value('a', 'x')).toBe(100);
		expect(t.value('a', 'y')).toBeNull(); // nobody built it: empty, as an empty count
		expect(t.value('a', null)).toBe(25); // 2 / 8, not 100 + 0
		expect(t.value('b', null)).toBe(50); // 4 / 8
		expect(t.value(null, 'x')).toBe(75); // 3 / 4, not 150
		expect(t.value(null, 'y')).toBe(25); // 3 / 12
		expect(t.value(null, null)).toBe(37.5); // 6 / 16
	});

	it('a total without denominator is empty', () => {
		const t = toPivotTable(shareCells([{ row: 'a', column: null, numerator: 0, denominator: 0 }]), {
			rows: 'scenario',
			columns: null,
			measure: 'scenarioShare',
			year: null
		});
		expect(t.value(null, null)).toBeNull();
	});

	it('stacks only amounts split by a dimension that partitions them', () => {
		expect(stackable({ measure: 'enterprises', columns: 'tier' })).toBe(true);
		expect(stackable({ measure: 'declarations', columns: 'status' })).toBe(true);
		expect(stackable({ measure: 'declarations', columns: 'segment' })).toBe(false);
		expect(stackable({ measure: 'enterprises', columns: 'year' })).toBe(false);
		for (const measure of ['coverage', 'scenarioShare', 'indicatorMean'] as const)
			expect(stackable({ measure, columns: 'region' }), measure).toBe(false);
	});

	it('a share chart has grouped bars on a % axis; a count by tier is stacked', () => {
		const shares = option(
			{ rows: 'scenario', columns: 'status', measure: 'scenarioShare' },
			['1', '2'],
			['approved', 'pending']
		);
		expect(shares.series.map((s) => s.stack)).toEqual([undefined, undefined]);
		expect(shares.yAxis.axisLabel.formatter).toBe(PERCENT_AXIS);
		const coverage = option(
			{ rows: 'region', columns: 'year', measure: 'coverage' },
			['150100'],
			['2025', '2026']
		);
		expect(coverage.series.every((s) => s.stack === undefined)).toBe(true);
		const counts = option(
			{ rows: 'region', columns: 'tier', measure: 'enterprises' },
			['150100'],
			['1', '2']
		);
		expect(counts.series.map((s) => s.stack)).toEqual(['total', 'total']);
		expect(counts.yAxis.axisLabel.formatter).toBeUndefined();
	});
});

describe('colours of the pivot chart', () => {
	it('tiers as series take the tier colours', () => {
		const o = option(
			{ rows: 'region', columns: 'tier', measure: 'enterprises' },
			['150100'],
			['1', '2', '3', '4']
		);
		expect(o.series.map((s) => s.itemStyle.color)).toEqual(TIER_KEYS.map((k) => TIER_COLORS[k]));
	});

	it('tiers as the bars of one series take the tier colours', () => {
		const o = option(
			{ rows: 'tier', columns: null, measure: 'enterprises' },
			['1', '2', '3', '4'],
			[]
		);
		const colours = o.series[0]!.data.map((d) =>
			typeof d === 'object' && d ? d.itemStyle.color : null
		);
		expect(colours).toEqual(TIER_KEYS.map((k) => TIER_COLORS[k]));
	});

	it('12 盟市 as series: 12 different colours, none a tier colour', () => {
		const codes = regions.map((r) => r.code);
		expect(codes).toHaveLength(12);
		const o = option({ rows: 'tier', columns: 'region', measure: 'enterprises' }, ['1'], codes);
		const colours = o.series.map((s) => s.itemStyle.color.toLowerCase());
		expect(new Set(colours).size).toBe(12);
		const tiers = Object.values(TIER_COLORS).map((c) => c.toLowerCase());
		expect(colours.filter((c) => tiers.includes(c))).toEqual([]);
	});
});

describe('categorical palette', () => {
	it('starts with Tol’s colour-blind-safe muted nine', () => {
		expect(categoricalColors(9)).toEqual([...TOL_MUTED]);
	});

	it('never repeats, and every two colours differ visibly (ΔE76 ≥ 20), up to 41 categories', () => {
		const colours = categoricalColors(41);
		expect(new Set(colours).size).toBe(41);
		const labs = colours.map(hexToLab);
		for (let i = 0; i < labs.length; i++) {
			for (let j = i + 1; j < labs.length; j++)
				expect(deltaE(labs[i]!, labs[j]!), `${colours[i]} ${colours[j]}`).toBeGreaterThanOrEqual(
					20
				);
			// Not the page's white: a bar must show.
			expect(deltaE(labs[i]!, hexToLab('#ffffff')), colours[i]).toBeGreaterThanOrEqual(20);
		}
	});

	it('a category keeps its colour as more are added', () => {
		expect(categoricalColors(12)).toEqual(categoricalColors(31).slice(0, 12));
	});
});
