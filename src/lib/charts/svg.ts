/**
 * Charts as SVG text (ECharts server-side rendering): the dashboard pages' and the annual
 * reports' charts are drawn at build time in Node, and the report preview's in the browser, so
 * they show before any script (and without one) and print sharply.
 */
import { BarChart, HeatmapChart, LineChart, MapChart } from 'echarts/charts';
import {
	AriaComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	VisualMapComponent
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

echarts.use([
	BarChart,
	HeatmapChart,
	LineChart,
	MapChart,
	AriaComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	VisualMapComponent,
	SVGRenderer,
	LabelLayout,
	LegacyGridContainLabel
]);

/**
 * One chart drawn to an SVG string of the given size (px). ECharts adds a `<style>` of hover
 * effects; a printed, static chart has no hover, and the site's CSP allows no inline style
 * element, so it is left out.
 */
export function renderChartSvg(option: EChartsOption, width: number, height: number): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption(option);
		return chart.renderToSVGString().replace(/<style[\s\S]*?<\/style>/g, '');
	} finally {
		chart.dispose();
	}
}

/**
 * An SVG as a `data:` URL for an `<img>`: a page paints a prerendered chart as one image,
 * decoded off the main thread, where inline SVG made the browser lay out every label before
 * the first paint (docs/cube.md). Only what a URL would otherwise misread is escaped: `%`, `#`
 * (a fragment) and the line breaks and tabs a URL parser drops; the text stays as it is.
 */
export function svgDataUrl(svg: string): string {
	const escaped = svg.replace(
		/[%#\n\r\t]/g,
		(c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')
	);
	return `data:image/svg+xml;charset=utf-8,${escaped}`;
}

/** Register a map's shapes (GeoJSON) for the SVG renderer, once. */
export function registerSvgMap(name: string, geoJson: unknown): void {
	if (!echarts.getMap(name))
		echarts.registerMap(name, geoJson as Parameters<typeof echarts.registerMap>[1]);
}
