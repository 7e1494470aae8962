/**
 * The plan's arithmetic, as the dashboard, the reports and the summary read it
 * (docs/decisions.md): a coverage rate of a slice, the straight path from the plan's start to a
 * target, the pace so far projected to the target's year, and the scorecard of the targets with
 * a verdict in words. Pure.
 */
import { targets } from './catalogue';

/** Covered enterprises of a slice over its baseline count (the contract's coverage rate). */
export interface CoverageFigure {
	numerator: number;
	denominator: number | null;
	rate: number | null;
}

/** A coverage figure; the rate is null where the slice has no (or a zero) baseline count. */
export function coverageOf(
	numerator: number,
	denominator: number | null | undefined
): CoverageFigure {
	const d = denominator ?? null;
	return { numerator, denominator: d, rate: d ? numerator / d : null };
}

/** The measures the plan (and a 盟市's own 盟市目标) sets targets for. */
export type TargetKey = 'coverage' | 'basic_starts' | 'advanced' | 'excellent' | 'leading';

export interface PlanTarget {
	key: TargetKey;
	/** A fraction for coverage (0.25), a count of enterprises otherwise. */
	value: number;
	/** The year it is due by (at its end); null: every year (基础级新建). */
	year: number | null;
	/** 以上 (at least) or 左右 (about: read as reached at the value itself, no tolerance guessed). */
	comparator: 'atLeast' | 'about';
}

/** The plan's own targets: region-wide, never a 盟市's (targets.json, from the plan's text). */
export const PLAN_TARGETS: readonly PlanTarget[] = [
	{
		key: 'coverage',
		value: targets.coverage.rate,
		year: targets.coverage.year,
		comparator: targets.coverage.comparator === 'about' ? 'about' : 'atLeast'
	},
	{
		key: 'basic_starts',
		value: targets.basicStartsPerYear.count,
		year: null,
		comparator: 'atLeast'
	},
	...targets.tierCounts.map((t): PlanTarget => ({
		key: t.tier as TargetKey,
		value: t.count,
		year: t.year,
		comparator: t.comparator === 'about' ? 'about' : 'atLeast'
	}))
];

/** The year the plan counts from: the end of the year before it starts (2024). */
export const PLAN_BASE_YEAR = targets.planStartYear - 1;

/** A measure's value by year (null: not known that year, e.g. a rate without a baseline). */
export type History = readonly { year: number; value: number | null }[];

/**
 * Where a measure starts: its value at the end of the year before the plan when the data has
 * it, else 0 (nothing built under the plan yet) — `fromData` says which.
 */
export function planStart(history: History): { year: number; value: number; fromData: boolean } {
	const known = history.find((p) => p.year === PLAN_BASE_YEAR)?.value;
	return known === null || known === undefined
		? { year: PLAN_BASE_YEAR, value: 0, fromData: false }
		: { year: PLAN_BASE_YEAR, value: known, fromData: true };
}

/** The straight path from the start to `target` by the end of `targetYear`, at `year` (null outside it). */
export function pathAt(history: History, target: number, targetYear: number, year: number) {
	const start = planStart(history);
	if (year < start.year || year > targetYear) return null;
	return start.value + ((target - start.value) * (year - start.year)) / (targetYear - start.year);
}

/** The value at the end of `targetYear` if the pace from the start to `year` goes on. */
export function projectedAt(history: History, targetYear: number, year: number): number | null {
	const start = planStart(history);
	const current = history.find((p) => p.year === year)?.value ?? null;
	if (current === null || year <= start.year) return null;
	return start.value + ((current - start.value) * (targetYear - start.year)) / (year - start.year);
}

/**
 * Where the straight path to the 2027 coverage target stands in `year`, and where the pace so far
 * leads by 2027.
 */
export function planPath(rates: readonly { year: number; rate: number | null }[], year: number) {
	const history = rates.map((p) => ({ year: p.year, value: p.rate }));
	const due = targets.coverage.year;
	return {
		pathRate: year > PLAN_BASE_YEAR ? pathAt(history, targets.coverage.rate, due, year) : null,
		projectedRate: projectedAt(history, due, year)
	};
}

/** A target's standing, said in words on every page (never by colour alone). */
export type Verdict = 'reached' | 'on-track' | 'behind' | 'no-data';

export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
	reached: '已达到',
	'on-track': '按当前进度可达到',
	behind: '落后于进度',
	'no-data': '无数据'
};

export interface ScorecardRow {
	target: PlanTarget;
	/** This year's value (a fraction for coverage). */
	value: number | null;
	/** Last year's, and the change on it. */
	previous: number | null;
	change: number | null;
	/** How far below the target (0 once reached). */
	gap: number | null;
	/** The value at the end of the target's year at the pace so far (null for a yearly target). */
	projected: number | null;
	verdict: Verdict;
}

/** One target read against a measure's history in `year`. */
export function scorecardRow(target: PlanTarget, history: History, year: number): ScorecardRow {
	const value = history.find((p) => p.year === year)?.value ?? null;
	const previous = history.find((p) => p.year === year - 1)?.value ?? null;
	const projected = target.year === null ? null : projectedAt(history, target.year, year);
	const verdict: Verdict =
		value === null
			? 'no-data'
			: value >= target.value
				? 'reached'
				: projected !== null && projected >= target.value
					? 'on-track'
					: 'behind';
	return {
		target,
		value,
		previous,
		change: value !== null && previous !== null ? value - previous : null,
		gap: value === null ? null : Math.max(0, target.value - value),
		projected,
		verdict
	};
}
