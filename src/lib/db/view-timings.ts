/**
 * How long each building block and each table of the cube takes to compute in full, for `npm
 * run bench` (Node and Chromium) and the 性能 panel of the 数据 page: the first run (cold) and
 * the median of several.
 */
import type { SqlEngine, SqlSources } from './engine';
import { cubeQueries } from './make-cube';

/** The building blocks of views.sql every cube table reads. */
const BUILDING_BLOCKS = ['enterprise_year', 'declaration_overview'] as const;

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

export async function timeViews(
	engine: SqlEngine,
	sql: SqlSources,
	runs = VIEW_TIMING_RUNS
): Promise<ViewTiming[]> {
	const queries: [string, string][] = [
		...BUILDING_BLOCKS.map((name): [string, string] => [name, `SELECT * FROM ${name}`]),
		...Object.entries(cubeQueries(sql.cube)).map(([name, query]): [string, string] => [
			`cube: ${name}`,
			query
		])
	];
	const timings: ViewTiming[] = [];
	for (const [view, query] of queries) {
		const times: number[] = [];
		let rows = 0;
		for (let run = 0; run < runs; run++) {
			const start = performance.now();
			const [result] = await engine.query<{ n: number }>(
				`SELECT count(*)::INTEGER AS n FROM (${query})`
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
