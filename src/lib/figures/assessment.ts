/**
 * The 附件3 self-assessment of a year's declarations under the filters, from the cube's
 * assessment table (declaration key × maturity × the nine level indicators): how many chose
 * each level, the mean level by 盟市 or by declared tier, and maturity against tier. Pure.
 */
import { indicators } from '../domain/catalogue';
import type { Cube } from '../cube/cube';
import { ints, nullOf, textAt } from '../cube/table';
import { keptPerKey, keyColumns, keyFilter, keyPasses, oncePerCube } from './columns';
import type { DashboardFilters, IndicatorLevelCount, IndicatorMean, MaturityCell } from './types';

const LEVEL_INDICATORS = indicators.filter((i) => i.kind === 'level');

const assessmentColumns = (cube: Cube) =>
	oncePerCube(cube, 'assessment', () => {
		const table = cube.tables.assessment;
		return {
			keys: keyColumns(cube, 'assessment'),
			maturity: ints(table, 'maturity'),
			/** One column per level indicator, in catalogue order (NULL: not given; 0: 不涉及). */
			levels: LEVEL_INDICATORS.map((i) => ints(table, i.key)),
			n: ints(table, 'n')
		};
	});

/** Text order, as DuckDB sorts VARCHAR. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Declarations per level (0 = 不涉及) of each level indicator, indicators by key. */
export function indicatorLevelsOf(
	cube: Cube,
	f: DashboardFilters,
	year: number
): IndicatorLevelCount[] {
	const a = assessmentColumns(cube);
	const filter = keyFilter(a.keys, { ...f, year });
	const rows: number[] = [];
	for (let i = 0; i < a.keys.length; i++) if (keyPasses(a.keys, filter, i)) rows.push(i);
	return LEVEL_INDICATORS.map((indicator, c) => {
		const column = a.levels[c]!;
		const none = nullOf(column);
		const counts = new Map<number, number>();
		for (const i of rows) {
			const level = column[i] ?? none;
			if (level !== none) counts.set(level, (counts.get(level) ?? 0) + (a.n[i] ?? 0));
		}
		return { indicator: indicator.key, counts };
	})
		.filter((l) => l.counts.size > 0)
		.sort((x, y) => byText(x.indicator, y.indicator))
		.flatMap(({ indicator, counts }) =>
			[...counts].sort(([x], [y]) => x - y).map(([level, count]) => ({ indicator, level, count }))
		);
}

/**
 * Mean level of each indicator (不涉及 left out) by 盟市 or by declared tier, groups in text order;
 * the filter on what it is by is left out, so under a change of that filter alone the means are
 * the same object.
 */
export function indicatorMeansOf(
	cube: Cube,
	f: DashboardFilters,
	year: number,
	by: 'region' | 'tier'
): IndicatorMean[] {
	const others = { ...f, year, [by]: null };
	return keptPerKey(cube, `indicatorMeans by ${by}`, others, () => meansOf(cube, others, by));
}

function meansOf(
	cube: Cube,
	others: DashboardFilters & { year: number },
	by: 'region' | 'tier'
): IndicatorMean[] {
	const a = assessmentColumns(cube);
	const filter = keyFilter(a.keys, others);
	const groups = new Map<string, { declarations: number; sums: number[]; counts: number[] }>();
	for (let i = 0; i < a.keys.length; i++) {
		if (!keyPasses(a.keys, filter, i)) continue;
		const key = by === 'region' ? (textAt(a.keys.region, i) as string) : String(a.keys.tier[i]);
		let group = groups.get(key);
		if (!group) {
			const zeros = () => LEVEL_INDICATORS.map(() => 0);
			groups.set(key, (group = { declarations: 0, sums: zeros(), counts: zeros() }));
		}
		const n = a.n[i] ?? 0;
		group.declarations += n;
		a.levels.forEach((column, c) => {
			const level = column[i] ?? 0;
			if (level === nullOf(column) || level === 0) return; // not given, or 不涉及
			group.sums[c]! += level * n;
			group.counts[c]! += n;
		});
	}
	return [...groups.keys()].sort(byText).flatMap((key) => {
		const group = groups.get(key)!;
		return LEVEL_INDICATORS.map((indicator, c) => ({
			indicator: indicator.key,
			group: key,
			mean: group.counts[c] ? group.sums[c]! / group.counts[c]! : null,
			declarations: group.declarations
		}));
	});
}

/**
 * Declarations by declared tier × GB/T 39116 maturity level (the tier filter left out: the same
 * object under a change of it alone).
 */
export function maturityByTierOf(cube: Cube, f: DashboardFilters, year: number): MaturityCell[] {
	const others = { ...f, year, tier: null };
	return keptPerKey(cube, 'maturityByTier', others, () => maturityOf(cube, others));
}

function maturityOf(cube: Cube, others: DashboardFilters & { year: number }): MaturityCell[] {
	const a = assessmentColumns(cube);
	const filter = keyFilter(a.keys, others);
	const none = nullOf(a.maturity);
	const counts = new Map<string, MaturityCell>();
	for (let i = 0; i < a.keys.length; i++) {
		const maturity = a.maturity[i] ?? none;
		if (maturity === none || !keyPasses(a.keys, filter, i)) continue;
		const tier = a.keys.tier[i] ?? 0;
		const key = `${tier} ${maturity}`;
		const known = counts.get(key);
		if (known) known.count += a.n[i] ?? 0;
		else counts.set(key, { tier, maturity, count: a.n[i] ?? 0 });
	}
	return [...counts.values()].sort((x, y) => x.tier - y.tier || x.maturity - y.maturity);
}
