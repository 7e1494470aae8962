/**
 * The coverage trend against the plan's straight path to its 2027 target.
 */
import type { EChartsOption } from 'echarts';
import type { TrendPoint } from '../figures/types';
import { PLAN_COVERAGE_TIER } from '../domain/catalogue';
import { escapeHtml } from './escape';
import {
	axisLabel,
	baseOption,
	countText,
	firstParams,
	grid,
	legend,
	LABEL_FONT_SIZE,
	PERCENT_AXIS,
	percentText,
	RATE_BLUE,
	REFERENCE_GREY,
	targetText,
	toPercentValue,
	tooltip
} from './common';

/** The part of `targets` (catalogue) the trend needs. */
export interface CoverageTargets {
	planStartYear: number;
	coverage: { rate: number; year: number };
}

const ACTUAL = '覆盖率';
const PATH = '目标路径';

/** The plan's straight path in percent: 0 at the end of planStartYear − 1, the target at its year. */
export function targetPathValue(year: number, targets: CoverageTargets): number | null {
	const start = targets.planStartYear - 1;
	const end = targets.coverage.year;
	if (year < start || year > end) return null;
	return toPercentValue((targets.coverage.rate * (year - start)) / (end - start));
}

/**
 * Coverage by year (line, percent axis) and the plan's straight path from 0% at the end of the
 * year before the plan to the target at the end of its year (dashed), with a target markLine.
 * `fromTier` names the tier coverage counts from when a 层级 filter raises it above 基础级: the
 * plan's target is for 基础级 and above, so then there is no path to read it against.
 */
export function coverageTrendOption(
	points: readonly TrendPoint[],
	targets: CoverageTargets,
	fromTier = PLAN_COVERAGE_TIER
): EChartsOption {
	const againstPlan = fromTier === PLAN_COVERAGE_TIER;
	const known = points.map((p) => p.year);
	const first = Math.min(targets.planStartYear - 1, ...known);
	const last = Math.max(targets.coverage.year, ...known);
	const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
	const byYear = new Map(points.map((p) => [p.year, p]));
	const actual = years.map((y) => {
		const rate = byYear.get(y)?.coverage.rate;
		return rate === null || rate === undefined ? null : toPercentValue(rate);
	});
	const path = years.map((y) => (againstPlan ? targetPathValue(y, targets) : null));
	const target = toPercentValue(targets.coverage.rate);

	const latestIndex = actual.findLastIndex((v) => v !== null);
	const latest = actual[latestIndex];
	const summary =
		latest === null || latest === undefined
			? '尚无覆盖率数据'
			: `${years[latestIndex]}年覆盖率为${percentText(latest)}` +
				(againstPlan ? `，目标路径为${percentText(path[latestIndex] ?? 0)}` : '');
	const actualSeries = {
		name: ACTUAL,
		type: 'line' as const,
		data: actual,
		connectNulls: false,
		symbolSize: 8,
		lineStyle: { width: 3, color: RATE_BLUE },
		itemStyle: { color: RATE_BLUE },
		label: {
			show: true,
			position: 'top' as const,
			fontSize: LABEL_FONT_SIZE,
			formatter: (p: { value?: unknown }) =>
				typeof p.value === 'number' ? percentText(p.value) : ''
		}
	};

	return {
		...baseOption(
			`${fromTier}及以上智能工厂规上工业企业覆盖率逐年变化折线图。${summary}；` +
				(againstPlan
					? `行动计划目标为${targets.coverage.year}年底达到${target}%。`
					: `行动计划目标按基础级及以上计，此处不作比较。`)
		),
		legend: legend(againstPlan ? [ACTUAL, PATH] : [ACTUAL]),
		grid: grid(48, 16),
		tooltip: tooltip('axis', (params) => {
			const index = firstParams(params)?.dataIndex ?? 0;
			const year = years[index];
			if (year === undefined) return '';
			const point = byYear.get(year);
			const rate = actual[index];
			const lines = [`<b>${escapeHtml(`${year}年`)}</b>`];
			if (point && rate !== null && rate !== undefined)
				lines.push(
					escapeHtml(
						`${ACTUAL}：${percentText(rate)}（${countText(point.coverage.numerator)} / ` +
							`${countText(point.coverage.denominator ?? 0)}）`
					)
				);
			else lines.push(escapeHtml(`${ACTUAL}：无数据`));
			const pathValue = path[index];
			if (pathValue !== null && pathValue !== undefined)
				lines.push(escapeHtml(`${PATH}：${percentText(pathValue)}`));
			return lines.join('<br/>');
		}),
		xAxis: {
			type: 'category',
			boundaryGap: false,
			data: years.map((y) => `${y}年`),
			axisLabel: axisLabel()
		},
		yAxis: { type: 'value', min: 0, axisLabel: axisLabel(PERCENT_AXIS) },
		series: [actualSeries, ...(againstPlan ? [pathSeries(path, targets)] : [])]
	};
}

/** The plan's path (dashed) with the 2027 target as a markLine. */
function pathSeries(path: (number | null)[], targets: CoverageTargets) {
	return {
		name: PATH,
		type: 'line' as const,
		data: path,
		symbol: 'none',
		lineStyle: { width: 2, type: 'dashed' as const, color: REFERENCE_GREY },
		itemStyle: { color: REFERENCE_GREY },
		markLine: {
			silent: true,
			symbol: 'none',
			lineStyle: { type: 'dotted' as const, color: REFERENCE_GREY },
			label: {
				formatter: targetText(targets.coverage.rate),
				position: 'insideStartTop' as const,
				fontSize: LABEL_FONT_SIZE
			},
			data: [{ yAxis: toPercentValue(targets.coverage.rate) }]
		}
	};
}
