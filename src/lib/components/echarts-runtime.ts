/**
 * ECharts, tree-shaken to the charts and components the dashboard uses, with the canvas
 * renderer (a chart exports as PNG directly). Imported dynamically by Chart.svelte, so it is
 * not part of the first paint.
 */
import { BarChart, HeatmapChart, LineChart, MapChart } from 'echarts/charts';
import {
	AriaComponent,
	DatasetComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	TooltipComponent,
	VisualMapComponent
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
	BarChart,
	HeatmapChart,
	LineChart,
	MapChart,
	AriaComponent,
	DatasetComponent,
	GridComponent,
	LegendComponent,
	MarkLineComponent,
	TooltipComponent,
	VisualMapComponent,
	CanvasRenderer,
	LabelLayout,
	LegacyGridContainLabel
]);

const registered = new Set<string>();

/** Register the league-city shapes (shipped with the site) once. */
export async function ensureMap(name: string, url: string): Promise<void> {
	if (registered.has(name)) return;
	const response = await fetch(url);
	if (!response.ok) throw new Error(`地图数据加载失败（HTTP ${response.status}）`);
	echarts.registerMap(name, await response.json());
	registered.add(name);
}

export { echarts };
