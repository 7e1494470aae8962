/** The 探索 pivot as a bar chart: one bar group per row, one series per column. */
import type { EChartsOption } from 'echarts';
import type { PivotTable } from '../explore/pivot';
import { axisLabel, baseOption, grid, legend } from './common';

export function pivotBarOption(
	table: PivotTable,
	rowLabel: (key: string) => string,
	columnLabel: (key: string) => string,
	measureName: string
): EChartsOption {
	const columns: (string | null)[] = table.columnKeys.length ? table.columnKeys : [null];
	const names = columns.map((c) => (c === null ? measureName : columnLabel(c)));
	return {
		...baseOption(`数据透视：${measureName}，共 ${table.rowKeys.length} 行`),
		...(columns[0] === null ? {} : { legend: legend(names) }),
		grid: grid(),
		// ECharts' default tooltip escapes names; every name here comes from the catalogue.
		tooltip: { trigger: 'axis', confine: true },
		xAxis: {
			type: 'category',
			data: table.rowKeys.map(rowLabel),
			axisLabel: { ...axisLabel(), rotate: table.rowKeys.length > 8 ? 30 : 0 }
		},
		yAxis: { type: 'value', axisLabel: axisLabel() },
		series: columns.map((column) => ({
			type: 'bar',
			name: names[columns.indexOf(column)],
			stack: columns.length > 1 ? 'total' : undefined,
			data: table.rowKeys.map((row) => table.value(row, column))
		}))
	};
}
