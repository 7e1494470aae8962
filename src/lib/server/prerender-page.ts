/**
 * A dashboard page's prerendered data: its figures for the page's own filters, sliced from the
 * build's cube by the same function the page runs in the browser, and its charts as SVG images.
 */
import type { ChartSpec } from '../charts/page-charts';
import type { Cube } from '../cube/cube';
import { NO_FILTERS, type DashboardFilters } from '../figures/types';
import { buildData } from './build-data';
import { chartSvgs } from './chart-svgs';

export async function prerenderPage<T>(
	slice: (cube: Cube, f: DashboardFilters) => T | null,
	charts: (page: T, f: DashboardFilters) => Record<string, ChartSpec | null>,
	filters: DashboardFilters = NO_FILTERS
): Promise<{ initial: T | null; charts: Record<string, string> }> {
	const initial = slice((await buildData()).cube, filters);
	return { initial, charts: initial ? chartSvgs(charts(initial, filters)) : {} };
}
