/**
 * The plan's scorecard for a slice, from the cube: each target with its value, the gap, the pace
 * to the target's year and a verdict in words, and the change on last year. The targets are the
 * plan's for the whole region, a 盟市's own (盟市目标 file) for a 盟市 — never the region's — and
 * none for a slice by 行业 (the plan sets none). The measures are the plan's: coverage at 基础级
 * and above, 基础级 starts declared, enterprises by current tier — whatever the tier and status
 * filters. Pure.
 */
import {
	PLAN_TARGETS,
	planStart,
	scorecardRow,
	type History,
	type PlanTarget,
	type TargetKey
} from '../domain/plan';
import type { CubeCore } from '../cube/cube';
import { rowsOf } from '../cube/table';
import { trendOf, yearShown } from './coverage';
import { NO_FILTERS, type DashboardFilters, type Scorecard, type TrendPoint } from './types';

export const TARGET_KEYS: readonly TargetKey[] = [
	'coverage',
	'basic_starts',
	'advanced',
	'excellent',
	'leading'
];

/** A measure's value in one point of a trend. */
function measureOf(point: TrendPoint, key: TargetKey): number | null {
	if (key === 'coverage') return point.coverage.rate;
	if (key === 'basic_starts') return point.basicStarts.declared;
	return point.tiers[key];
}

/** Each measure's history from a trend (its coverage, starts and tier counts). */
export function historiesOf(trend: readonly TrendPoint[]): Histories {
	const history = (key: TargetKey) =>
		trend.map((p) => ({ year: p.year, value: measureOf(p, key) }));
	return {
		coverage: history('coverage'),
		basic_starts: history('basic_starts'),
		advanced: history('advanced'),
		excellent: history('excellent'),
		leading: history('leading')
	};
}

/** Each measure's history in the slice. */
const histories = (cube: CubeCore, region: string | null, industry: string | null) =>
	historiesOf(trendOf(cube, { ...NO_FILTERS, region, industry }));

/**
 * A 盟市's own targets from the 盟市目标 file: at least the value by the end of its year; 基础级新建
 * is a number a year, read against the year shown.
 */
export function ownTargets(
	rows: readonly { region: string; metric: string; year: number; target: number }[],
	region: string
): PlanTarget[] {
	const order = (key: string) => TARGET_KEYS.indexOf(key as TargetKey);
	return rows
		.filter((t) => t.region === region)
		.sort((a, b) => order(a.metric) - order(b.metric) || a.year - b.year)
		.map((t) => ({
			key: t.metric as TargetKey,
			value: t.target,
			year: t.metric === 'basic_starts' ? null : t.year,
			comparator: 'atLeast' as const
		}));
}

/** The 盟市目标 file's rows, as the cube keeps them. */
const targetRows = (cube: CubeCore) =>
	rowsOf(cube.tables.region_targets).map((t) => ({
		region: t.region as string,
		metric: t.metric as string,
		year: t.target_year as number,
		target: t.target as number
	}));

const valueIn = (history: History, year: number) =>
	history.find((p) => p.year === year)?.value ?? null;

/** Histories of the five measures, by measure. */
export type Histories = Record<TargetKey, History>;

/** The scorecard from the slice's and the region's histories, given whose targets apply. */
export function scorecardFrom(
	year: number,
	own: Histories,
	region: Histories,
	targets: readonly PlanTarget[],
	scope: Scorecard['scope']
): Scorecard {
	return {
		scope,
		year,
		rows: targets.map((target) => scorecardRow(target, own[target.key], year)),
		values: Object.fromEntries(
			TARGET_KEYS.map((k) => [k, valueIn(own[k], year)])
		) as Scorecard['values'],
		regionWide: Object.fromEntries(
			TARGET_KEYS.map((k) => [k, valueIn(region[k], year)])
		) as Scorecard['regionWide'],
		coverageStart: planStart(own.coverage)
	};
}

/** Whose targets a slice is read against: the plan's, a 盟市's own, or none (a 行业 slice). */
export function targetsFor(
	f: { region: string | null; industry: string | null },
	rows: readonly { region: string; metric: string; year: number; target: number }[]
): { targets: readonly PlanTarget[]; scope: Scorecard['scope'] } {
	if (f.industry !== null) return { targets: [], scope: 'none' };
	if (f.region === null) return { targets: PLAN_TARGETS, scope: 'plan' };
	const own = ownTargets(rows, f.region);
	return { targets: own, scope: own.length ? 'own' : 'none' };
}

/** The scorecard of the slice the filters give (their 盟市 and 行业; the year shown). */
export function scorecardOf(cube: CubeCore, f: DashboardFilters): Scorecard | null {
	const year = yearShown(cube, f);
	if (year === undefined) return null;
	const own = histories(cube, f.region, f.industry);
	const region = f.region === null && f.industry === null ? own : histories(cube, null, null);
	const { targets, scope } = targetsFor(f, targetRows(cube));
	return scorecardFrom(year, own, region, targets, scope);
}
