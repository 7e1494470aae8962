/**
 * The 探索 pivot as a bar chart: one bar group per row, one series per column. Amounts split by
 * a dimension that partitions them are stacked; shares and means never are (grouped bars, the
 * axis in % for a share). Tiers take their own colours (TIER_COLORS) whether they are the
 * series or, with no columns, the bars; other series take distinct colours (palette.ts).
 */
import type { EChartsOption } from 'echarts';
import { TIER_KEYS } from '../domain/catalogue';
import type { PivotSpec, PivotTable } from '../explore/pivot';
import { SHARE_MEASURES, stackable } from '../explore/shares';
import { TIER_COLORS } from '../theme';
import { axisLabel, baseOption, grid, legend, PERCENT_AXIS, RATE_BLUE } from './common';
import { categoricalColors } from './palette';

/** A tier rank ("1"–"4") → its colour. */
function tierColor(rank: string): string | undefined {
	const key = TIER_KEYS[Number(rank) - 1];
	return key ? TIER_COLORS[key] : undefined;
}

export function pivotBarOption(
	table: PivotTable,
	spec: Pick<PivotSpec, 'rows' | 'columns' | 'measure'>,
	rowLabel: (key: string) => string,
	columnLabel: (key: string) => string,
	measureName: string
): EChartsOption {
	const columns: (string | null)[] = table.columnKeys.length ? table.columnKeys : [null];
	const names = columns.map((c) => (c === null ? measureName : columnLabel(c)));
	const share = SHARE_MEASURES.has(spec.measure);
	const stack = columns.length > 1 && stackable(spec) ? 'total' : undefined;
	const palette = categoricalColors(columns.length);
	const seriesColor = (column: string | null, i: number) =>
		column === null
			? RATE_BLUE
			: ((spec.columns === 'tier' ? tierColor(column) : undefined) ?? palette[i]);
	const format = (value: unknown) =>
		typeof value !== 'number'
			? '—'
			: share
				? `${value.toFixed(1)}%`
				: spec.measure === 'indicatorMean'
					? value.toFixed(2)
					: String(Math.round(value));
	return {
		...baseOption(
			`数据透视：${measureName}，共 ${table.rowKeys.length} 行${stack ? '，堆叠' : columns.length > 1 ? '，并列' : ''}`
		),
		...(columns[0] === null ? {} : { legend: legend(names) }),
		grid: grid(),
		// ECharts' default tooltip escapes names; every name here comes from the catalogue.
		tooltip: { trigger: 'axis', confine: true, valueFormatter: format },
		xAxis: {
			type: 'category',
			data: table.rowKeys.map(rowLabel),
			axisLabel: { ...axisLabel(), rotate: table.rowKeys.length > 8 ? 30 : 0 }
		},
		yAxis: {
			type: 'value',
			...(share ? { name: '%', min: 0 } : {}),
			axisLabel: axisLabel(share ? PERCENT_AXIS : undefined)
		},
		series: columns.map((column, i) => ({
			type: 'bar',
			name: names[i],
			stack,
			itemStyle: { color: seriesColor(column, i) },
			data: table.rowKeys.map((row) => {
				const value = table.value(row, column);
				// One series of tiers: each bar in its tier's colour.
				const color = column === null && spec.rows === 'tier' ? tierColor(row) : undefined;
				return color ? { value, itemStyle: { color } } : value;
			})
		}))
	};
}
