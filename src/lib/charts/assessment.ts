/**
 * 附件3 self-assessment (nine level indicators) and GB/T 39116 maturity by declared tier.
 */
import type { EChartsOption } from 'echarts';
import type { IndicatorLevelCount, IndicatorMean, MaturityCell } from '../figures/types';
import { indicators, maturityLevels, tiers } from '../domain/catalogue';
import { escapeHtml } from './escape';
import { valueAxis, type BarsModel } from './drawn';
import {
	axisLabel,
	baseOption,
	BLUES,
	countText,
	firstParams,
	grid,
	LABEL_FONT_SIZE,
	NO_DATA_GREY,
	percentText,
	tooltip
} from './common';

/** The nine level indicators of 附件3 (not the amount 数字化投入规模), in 附件3 order. */
export const LEVEL_INDICATORS = indicators.filter((i) => i.kind === 'level');

const LEVELS = [0, 1, 2, 3, 4, 5, 6];
const levelName = (level: number) => (level === 0 ? '不涉及' : `${level}级`);
/** 不涉及 grey, 1级 … 6级 light → dark blue. */
const levelColor = (level: number) => (level === 0 ? NO_DATA_GREY : (BLUES[level] ?? '#084594'));
const UNSTATED = '未填报';

/** Per indicator, a 100%-stacked bar of declarations by level: 不涉及, 1级 … 6级. */
export function indicatorDistributionBars(counts: readonly IndicatorLevelCount[]): BarsModel {
	const count = (indicator: string, level: number) =>
		counts
			.filter((c) => c.indicator === indicator && c.level === level)
			.reduce((s, c) => s + c.count, 0);
	const table = LEVEL_INDICATORS.map((ind) => {
		const byLevel = LEVELS.map((level) => count(ind.key, level));
		return { ind, byLevel, total: byLevel.reduce((s, c) => s + c, 0) };
	});
	const share = (row: (typeof table)[number], level: number) =>
		row.total > 0 ? Math.round(((row.byLevel[level] ?? 0) / row.total) * 10000) / 100 : 0;
	return {
		description: `附件3九项水平类指标的申报等级分布百分比堆叠条形图（不涉及、1级至6级），共${table[0]?.total ?? 0}份申报。`,
		rows: table.map((row) => ({
			name: row.ind.name,
			label: row.ind.name,
			segments: LEVELS.map((level) => ({
				name: levelName(level),
				value: share(row, level),
				color: levelColor(level),
				...(share(row, level) >= 8 ? { label: percentText(share(row, level)) } : {})
			})),
			note: null,
			detail: [
				row.ind.name,
				...LEVELS.filter((level) => (row.byLevel[level] ?? 0) > 0).map(
					(level) =>
						`${levelName(level)}：${countText(row.byLevel[level] ?? 0, '份')}（${percentText(share(row, level))}）`
				)
			]
		})),
		axis: valueAxis(100, (v) => `${v}%`),
		legend: LEVELS.map((level) => ({ name: levelName(level), color: levelColor(level) })),
		reference: null
	};
}

/** Heatmap of the mean level (1–6, 不涉及 excluded) of each level indicator in each group. */
export function indicatorMeansOption(
	means: readonly IndicatorMean[],
	groups: readonly { key: string; label: string }[]
): EChartsOption {
	const rowOf = new Map(LEVEL_INDICATORS.map((ind, i) => [ind.key, i]));
	const columnOf = new Map(groups.map((g, i) => [g.key, i]));
	const placed = means.flatMap((m) => {
		const x = columnOf.get(m.group);
		const y = rowOf.get(m.indicator);
		return x === undefined || y === undefined || m.mean === null ? [] : [{ x, y, m }];
	});
	const at = new Map(placed.map((p) => [`${p.x},${p.y}`, p.m]));

	return {
		...baseOption(
			`附件3九项水平类指标平均等级热力图（1至6级，不含不涉及），按${groups.map((g) => g.label).join('、')}分列。`
		),
		grid: { ...grid(48, 16), right: 16 },
		tooltip: tooltip('item', (params) => {
			const value = firstParams(params)?.value;
			if (!Array.isArray(value)) return '';
			const mean = at.get(`${value[0]},${value[1]}`);
			const ind = LEVEL_INDICATORS[Number(value[1])];
			const group = groups[Number(value[0])];
			if (!mean || !ind || !group || mean.mean === null) return '';
			return [
				`<b>${escapeHtml(ind.name)}</b>`,
				escapeHtml(group.label),
				escapeHtml(
					`平均等级：${mean.mean.toFixed(1)}级（${countText(mean.declarations, '份')}申报）`
				)
			].join('<br/>');
		}),
		visualMap: {
			type: 'continuous',
			min: 1,
			max: 6,
			orient: 'horizontal',
			top: 0,
			right: 16,
			itemHeight: 160,
			text: ['6级', '1级'],
			textStyle: { fontSize: LABEL_FONT_SIZE },
			inRange: { color: BLUES }
		},
		xAxis: {
			type: 'category',
			position: 'top',
			data: groups.map((g) => g.label),
			axisLabel: { ...axisLabel(), interval: 0 }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: LEVEL_INDICATORS.map((i) => i.name),
			axisLabel: axisLabel()
		},
		series: [
			{
				name: '平均等级',
				type: 'heatmap',
				data: placed.map((p) => [p.x, p.y, Math.round((p.m.mean ?? 0) * 100) / 100]),
				label: {
					show: true,
					fontSize: LABEL_FONT_SIZE - 1,
					formatter: (p) => (Array.isArray(p.value) ? Number(p.value[2]).toFixed(1) : '')
				},
				itemStyle: { borderColor: '#ffffff', borderWidth: 1 }
			}
		]
	};
}

/** Heatmap of declarations by declared tier (columns) × GB/T 39116 level (rows, 一级 at the bottom). */
export function maturityByTierOption(cells: readonly MaturityCell[]): EChartsOption {
	const known = (m: number) => maturityLevels.some((l) => l.level === m);
	const unstated = cells.some((c) => !known(c.maturity) && c.count > 0);
	const rowLabels = [
		...(unstated ? [UNSTATED] : []),
		...maturityLevels.map((l) => `${l.name}（${l.title}）`)
	];
	const rowOf = (m: number) =>
		known(m) ? maturityLevels.findIndex((l) => l.level === m) + (unstated ? 1 : 0) : 0;
	const tierIndex = (rank: number) => tiers.findIndex((t) => t.rank === rank);
	const sums = new Map<string, number>();
	for (const c of cells) {
		const x = tierIndex(c.tier);
		if (x < 0 || c.count <= 0 || (!known(c.maturity) && !unstated)) continue;
		const key = `${x},${rowOf(c.maturity)}`;
		sums.set(key, (sums.get(key) ?? 0) + c.count);
	}
	const columnTotal = (x: number) =>
		[...sums].filter(([k]) => k.startsWith(`${x},`)).reduce((s, [, v]) => s + v, 0);
	const data = [...sums].map(([key, count]) => [...key.split(',').map(Number), count]);
	const max = Math.max(1, ...sums.values());

	return {
		...baseOption(
			`申报层级与GB/T 39116成熟度等级交叉热力图，共${[...sums.values()].reduce((s, v) => s + v, 0)}份申报。`
		),
		grid: { ...grid(48, 16), right: 16 },
		tooltip: tooltip('item', (params) => {
			const value = firstParams(params)?.value;
			if (!Array.isArray(value)) return '';
			const [x, y, count] = value.map(Number) as [number, number, number];
			const tier = tiers[x];
			const total = columnTotal(x);
			if (!tier) return '';
			const share = total > 0 ? percentText(Math.round((count / total) * 10000) / 100) : '—';
			return [
				`<b>${escapeHtml(`${tier.name} · ${rowLabels[y] ?? ''}`)}</b>`,
				escapeHtml(`${countText(count, '份')}申报（占该层级${share}）`)
			].join('<br/>');
		}),
		visualMap: {
			type: 'continuous',
			min: 0,
			max,
			orient: 'horizontal',
			top: 0,
			right: 16,
			itemHeight: 160,
			text: [countText(max, '份'), '0'],
			textStyle: { fontSize: LABEL_FONT_SIZE },
			inRange: { color: BLUES }
		},
		xAxis: {
			type: 'category',
			data: tiers.map((t) => t.name),
			axisLabel: axisLabel()
		},
		yAxis: { type: 'category', data: rowLabels, axisLabel: axisLabel() },
		series: [
			{
				name: '申报数',
				type: 'heatmap',
				data,
				label: {
					show: true,
					fontSize: LABEL_FONT_SIZE,
					formatter: (p) => (Array.isArray(p.value) ? countText(Number(p.value[2]), '') : '')
				},
				itemStyle: { borderColor: '#ffffff', borderWidth: 1 }
			}
		]
	};
}
