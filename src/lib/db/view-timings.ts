/**
 * How long each view takes to compute in full, for `npm run bench` (Node and Chromium) and the
 * 性能 panel of the 数据 page.
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
	ms: number;
}

export async function timeViews(engine: SqlEngine): Promise<ViewTiming[]> {
	const timings: ViewTiming[] = [];
	for (const view of TIMED_VIEWS) {
		const start = performance.now();
		const [result] = await engine.query<{ n: number }>(
			`SELECT count(*)::INTEGER AS n FROM ${view}`
		);
		timings.push({ view, rows: result?.n ?? 0, ms: performance.now() - start });
	}
	return timings;
}
