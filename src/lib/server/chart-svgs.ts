/**
 * A page's ECharts charts drawn to SVG at build time (`renderChartSvg`), from the same specs the
 * page draws with ECharts (charts/page-charts.ts), as `data:` URLs: the prerendered page shows
 * them as images at first paint. (Bars and lines are Svelte's, rendered with the page.)
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { optionOf, type ChartSpec } from '../charts/page-charts';
import { registerSvgMap, renderChartSvg, svgDataUrl } from '../charts/svg';

let mapRegistered = false;

/** SVG data URL by chart name (a chart the page does not draw, null, has none). */
export function chartSvgs(specs: Record<string, ChartSpec | null>): Record<string, string> {
	const drawnByECharts = Object.entries(specs).filter(
		(entry): entry is [string, ChartSpec<'echarts'>] => entry[1]?.kind === 'echarts'
	);
	if (!mapRegistered) {
		registerSvgMap(
			'neimenggu',
			JSON.parse(readFileSync(resolve('static/maps/neimenggu.geo.json'), 'utf8'))
		);
		mapRegistered = true;
	}
	return Object.fromEntries(
		drawnByECharts.map(([name, spec]) => [
			name,
			// A static SVG has no tooltip (and the SVG renderer is built without one).
			svgDataUrl(renderChartSvg({ ...optionOf(spec), tooltip: undefined }, spec.width, spec.height))
		])
	);
}
