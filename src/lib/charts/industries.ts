/**
 * Coverage and tier mix by GB/T 4754 大类.
 */
import type { EChartsOption } from 'echarts';
import type { IndustryRow } from '../figures/types';
import { PLAN_COVERAGE_TIER, TIER_KEYS, tierName } from '../domain/catalogue';
import { TIER_COLORS } from '../theme';
import { escapeHtml } from './escape';
import {
	axisLabel,
	baseOption,
	countText,
	firstParams,
	grid,
	LABEL_FONT_SIZE,
	legend,
	niceCeil,
	PERCENT_AXIS,
	percentText,
	RATE_BLUE,
	toPercentValue,
	tooltip,
	countBarAxes
} from './common';

/** How many industries the tier mix shows. */
export const TIER_MIX_TOP = 15;

type RatedRow = IndustryRow & { coverage: { rate: number } };

function hasRate(row: IndustryRow): row is RatedRow {
	return row.coverage.rate !== null;
}

function total(row: IndustryRow): number {
	return TIER_KEYS.reduce((sum, key) => sum + row.tiers[key], 0);
}

/**
 * Horizontal bars of coverage by 大类 (rows with a rate only), highest first; `fromTier` is the
 * tier coverage counts from (基础级 unless a 层级 filter raises it).
 */
export function industryCoverageOption(
	rows: readonly IndustryRow[],
	fromTier = PLAN_COVERAGE_TIER
): EChartsOption {
	const ranked = rows
		.filter(hasRate)
		.sort((a, b) => b.coverage.rate - a.coverage.rate || a.code.localeCompare(b.code));
	const values = ranked.map((r) => toPercentValue(r.coverage.rate));
	const top = ranked[0];
	return {
		...baseOption(
			`各行业大类${fromTier}及以上智能工厂覆盖率条形图，共${ranked.length}个大类` +
				(top ? `，最高为${top.name}（${percentText(values[0] ?? 0)}）。` : '。')
		),
		grid: grid(16, 16),
		tooltip: tooltip('item', (params) => {
			const row = ranked[firstParams(params)?.dataIndex ?? -1];
			if (!row) return '';
			const { numerator, denominator, rate } = row.coverage;
			return [
				`<b>${escapeHtml(`${row.code} ${row.name}`)}</b>`,
				escapeHtml(`覆盖率：${percentText(toPercentValue(rate))}`),
				escapeHtml(
					`达到${fromTier}及以上：${countText(numerator)} / ${countText(denominator ?? 0)}`
				)
			].join('<br/>');
		}),
		xAxis: {
			type: 'value',
			min: 0,
			max: niceCeil(Math.max(...values, 1) * 1.1),
			axisLabel: axisLabel(PERCENT_AXIS)
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: ranked.map((r) => r.name),
			axisLabel: axisLabel()
		},
		series: [
			{
				name: '覆盖率',
				type: 'bar',
				data: values,
				barMaxWidth: 24,
				itemStyle: { color: RATE_BLUE },
				label: {
					show: true,
					position: 'right',
					fontSize: LABEL_FONT_SIZE,
					formatter: (p) => (typeof p.value === 'number' ? percentText(p.value) : '')
				}
			}
		]
	};
}

/** Stacked horizontal bars of enterprises by tier for the 15 大类 with the most, most first. */
export function industryTierMixOption(rows: readonly IndustryRow[]): EChartsOption {
	const top = rows
		.filter((r) => total(r) > 0)
		.sort((a, b) => total(b) - total(a) || a.code.localeCompare(b.code))
		.slice(0, TIER_MIX_TOP);
	const names = TIER_KEYS.map((key) => tierName(key));
	const first = top[0];
	return {
		...baseOption(
			`智能工厂数量最多的${top.length}个行业大类按层级堆叠条形图` +
				(first ? `，最多为${first.name}（${countText(total(first))}）。` : '。')
		),
		legend: legend(names),
		grid: grid(40, 16),
		tooltip: tooltip('axis', (params) => {
			const row = top[firstParams(params)?.dataIndex ?? -1];
			if (!row) return '';
			const lines = TIER_KEYS.map((key) => `${tierName(key)}：${countText(row.tiers[key])}`);
			return [
				`<b>${escapeHtml(`${row.code} ${row.name}`)}</b>`,
				...lines,
				`合计：${countText(total(row))}`
			]
				.map((line, i) => (i === 0 ? line : escapeHtml(line)))
				.join('<br/>');
		}),
		...countBarAxes(top.map((r) => r.name)),
		series: TIER_KEYS.map((key) => ({
			name: tierName(key),
			type: 'bar' as const,
			stack: 'tiers',
			barMaxWidth: 24,
			itemStyle: { color: TIER_COLORS[key] },
			data: top.map((r) => r.tiers[key])
		}))
	};
}
