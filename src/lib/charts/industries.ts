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
	countBarAxes,
	BLUES,
	REFERENCE_GREY,
	targetText
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
 * A 大类 with fewer 规上工业企业 than this is marked a small base: one or two enterprises move its
 * rate by several points (行业 chart and note; docs/dashboard.md).
 */
export const SMALL_BASE = 20;

/**
 * Horizontal bars of coverage by 大类 (rows with a rate only), highest first, each labelled with
 * its rate and counts; small bases (SMALL_BASE) lighter and marked; the plan's 25% as a reference
 * line when coverage counts from 基础级 (`fromTier`, raised by a 层级 filter).
 */
export function industryCoverageOption(
	rows: readonly IndustryRow[],
	fromTier = PLAN_COVERAGE_TIER,
	targetRate: number | null = null
): EChartsOption {
	const ranked = rows
		.filter(hasRate)
		.sort((a, b) => b.coverage.rate - a.coverage.rate || a.code.localeCompare(b.code));
	const values = ranked.map((r) => toPercentValue(r.coverage.rate));
	const top = ranked[0];
	const small = (row: RatedRow) => (row.coverage.denominator ?? 0) < SMALL_BASE;
	const target = fromTier === PLAN_COVERAGE_TIER && targetRate !== null ? targetRate : null;
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
			max: niceCeil(Math.max(...values, target === null ? 1 : toPercentValue(target), 1) * 1.25),
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
				data: ranked.map((row, i) => ({
					value: values[i],
					// A small base: lighter, so its rate does not read as the others'.
					...(small(row) ? { itemStyle: { color: BLUES[3] } } : {})
				})),
				barMaxWidth: 24,
				itemStyle: { color: RATE_BLUE },
				label: {
					show: true,
					position: 'right',
					fontSize: LABEL_FONT_SIZE,
					formatter: (p) => {
						const row = ranked[p.dataIndex ?? -1];
						if (!row || typeof p.value !== 'number') return '';
						const base = `${row.coverage.numerator}/${row.coverage.denominator}家`;
						return `${percentText(p.value)}（${base}${small(row) ? '，基数小' : ''}）`;
					}
				},
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { type: 'dashed', width: 2, color: REFERENCE_GREY },
					label: {
						formatter: target === null ? '' : `全区${targetText(target)}`,
						position: 'end',
						fontSize: LABEL_FONT_SIZE
					},
					data: target === null ? [] : [{ xAxis: toPercentValue(target) }]
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
