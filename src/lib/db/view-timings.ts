/**
 * How long each view takes to compute in full, for `npm run bench` (Node and Chromium) and the
 * 性能 panel of the 数据 page: the first run (cold) and the median of several.
 */
import type { SqlEngine } from './engine';

export const TIMED_VIEWS = [
	'enterprise_year',
	'coverage_total',
	'coverage_region',
	'coverage_industry',
	'coverage_region_industry',
	'tier_counts',
	'basic_starts',
	'declaration_overview',
	'scenario_shares'
] as const;

export interface ViewTiming {
	view: string;
	rows: number;
	/** The first run, cold (right after a load this includes whatever the load left to settle). */
	firstMs: number;
	/** The median of all runs, the first included. */
	medianMs: number;
}

/** How many times each view is computed: once cold, then warm. */
export const VIEW_TIMING_RUNS = 5;

export async function timeViews(engine: SqlEngine, runs = VIEW_TIMING_RUNS): Promise<ViewTiming[]> {
	const timings: ViewTiming[] = [];
	for (const view of TIMED_VIEWS) {
		const times: number[] = [];
		let rows = 0;
		for (let run = 0; run < runs; run++) {
			const start = performance.now();
			const [result] = await engine.query<{ n: number }>(
				`SELECT count(*)::INTEGER AS n FROM ${view}`
			);
			times.push(performance.now() - start);
			rows = result?.n ?? 0;
		}
		const sorted = [...times].sort((a, b) => a - b);
		timings.push({
			view,
			rows,
			firstMs: times[0] ?? NaN,
			medianMs: sorted[Math.floor(sorted.length / 2)] ?? NaN
		});
	}
	return timings;
}
