/**
 * The coverage trend against a target's straight path (the plan's 25% by 2027, or a 盟市's own),
 * with the pace so far projected to the target's year.
 */
import type { EChartsOption } from 'echarts';
import type { Scorecard, TrendPoint } from '../figures/types';
import { PLAN_COVERAGE_TIER } from '../domain/catalogue';
import { PLAN_BASE_YEAR, PLAN_TARGETS, pathAt, planStart, projectedAt } from '../domain/plan';
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

/**
 * The target a coverage trend is read against: the plan's 25% for the whole region, a 盟市's own
 * coverage target (盟市目标) for a 盟市 — never the region's —, with where its straight path starts
 * and where the pace so far leads (domain/plan.ts). Null: no path, no target line.
 */
export interface TrendPlan {
	/** "目标" (the plan's) or "盟市目标". */
	whose: string;
	/** A fraction, due by the end of `targetYear`. */
	target: number;
	targetYear: number;
	start: { year: number; value: number; fromData: boolean };
	/** The rate at the end of `targetYear` if the pace to `year` goes on. */
	projected: number | null;
	year: number;
}

const ACTUAL = '覆盖率';
const PATH = '目标路径';
const PACE = '按当前进度';

/** The trend's plan from a slice's scorecard: its coverage target, if it has one. */
export function trendPlanOf(scorecard: Scorecard, fromTier = PLAN_COVERAGE_TIER): TrendPlan | null {
	const row = scorecard.rows.find((r) => r.target.key === 'coverage');
	if (!row || row.target.year === null || fromTier !== PLAN_COVERAGE_TIER) return null;
	return {
		whose: scorecard.scope === 'own' ? '盟市目标' : '目标',
		target: row.target.value,
		targetYear: row.target.year,
		start: scorecard.coverageStart,
		projected: row.projected,
		year: scorecard.year
	};
}

/** The plan's own coverage target read against published rates (the region-wide report). */
export function planTrendOf(
	rates: readonly { year: number; rate: number | null }[],
	year: number
): TrendPlan {
	const history = rates.map((p) => ({ year: p.year, value: p.rate }));
	const target = PLAN_TARGETS.find((t) => t.key === 'coverage')!;
	const targetYear = target.year ?? year;
	return {
		whose: '目标',
		target: target.value,
		targetYear,
		start: planStart(history),
		projected: projectedAt(history, targetYear, year),
		year
	};
}

/** The plan's straight path in percent at `year` (null outside it). */
export function targetPathValue(year: number, plan: TrendPlan): number | null {
	const history = plan.start.fromData ? [{ year: plan.start.year, value: plan.start.value }] : [];
	const rate = pathAt(history, plan.target, plan.targetYear, year);
	return rate === null ? null : toPercentValue(rate);
}

/**
 * Coverage by year (line, percent axis); with a plan, its straight path from the start to the
 * target (dashed), the target as a markLine and the pace so far projected to the target's year
 * (dotted, to its point). `fromTier` names the tier coverage counts from when a 层级 filter
 * raises it above 基础级: the targets are for 基础级 and above, so then there is no plan.
 */
export function coverageTrendOption(
	points: readonly TrendPoint[],
	plan: TrendPlan | null,
	fromTier = PLAN_COVERAGE_TIER
): EChartsOption {
	const againstPlan = plan !== null && fromTier === PLAN_COVERAGE_TIER;
	const known = points.map((p) => p.year);
	const first = Math.min(PLAN_BASE_YEAR, ...known);
	const last = Math.max(plan?.targetYear ?? PLAN_BASE_YEAR + 3, ...known);
	const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
	const byYear = new Map(points.map((p) => [p.year, p]));
	const actual = years.map((y) => {
		const rate = byYear.get(y)?.coverage.rate;
		return rate === null || rate === undefined ? null : toPercentValue(rate);
	});
	const path = years.map((y) => (plan && againstPlan ? targetPathValue(y, plan) : null));
	const pace = years.map((y) => {
		if (!plan || !againstPlan || plan.projected === null) return null;
		if (y === plan.year) return actual[years.indexOf(y)] ?? null;
		return y === plan.targetYear ? toPercentValue(plan.projected) : null;
	});
	const target = plan ? toPercentValue(plan.target) : 0;

	const latestIndex = actual.findLastIndex((v) => v !== null);
	const latest = actual[latestIndex];
	const summary =
		latest === null || latest === undefined
			? '尚无覆盖率数据'
			: `${years[latestIndex]}年覆盖率为${percentText(latest)}` +
				(againstPlan ? `，目标路径为${percentText(path[latestIndex] ?? 0)}` : '') +
				(againstPlan && plan?.projected != null
					? `，按当前进度${plan.targetYear}年底约为${percentText(toPercentValue(plan.projected))}`
					: '');
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
				(againstPlan && plan
					? `${plan.whose}为${plan.targetYear}年底达到${target}%；路径自${plan.start.year}年底的` +
						(plan.start.fromData
							? `${percentText(toPercentValue(plan.start.value))}起算。`
							: `0%起算（数据中没有${plan.start.year}年）。`)
					: fromTier === PLAN_COVERAGE_TIER
						? '此处没有可比较的目标。'
						: `行动计划目标按基础级及以上计，此处不作比较。`)
		),
		legend: legend(
			againstPlan ? [ACTUAL, PATH, ...(plan?.projected != null ? [PACE] : [])] : [ACTUAL]
		),
		// Room on the right for the projected point's label ("约18.4%").
		grid: { ...grid(48, 16), right: 64 },
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
			const paceValue = pace[index];
			if (year === plan?.targetYear && paceValue !== null && paceValue !== undefined)
				lines.push(escapeHtml(`${PACE}：${percentText(paceValue)}`));
			return lines.join('<br/>');
		}),
		xAxis: {
			type: 'category',
			boundaryGap: false,
			data: years.map((y) => `${y}年`),
			axisLabel: axisLabel()
		},
		yAxis: { type: 'value', min: 0, axisLabel: axisLabel(PERCENT_AXIS) },
		series: [
			actualSeries,
			...(againstPlan && plan ? [pathSeries(path, plan)] : []),
			...(againstPlan && plan?.projected != null
				? [paceSeries(pace, years.indexOf(plan.targetYear))]
				: [])
		]
	};
}

/** The pace so far carried on to the target's year (dotted, from this year's point to it). */
function paceSeries(pace: (number | null)[], end: number) {
	return {
		name: PACE,
		type: 'line' as const,
		data: pace,
		connectNulls: true,
		symbolSize: 7,
		lineStyle: { width: 2, type: 'dotted' as const, color: RATE_BLUE },
		itemStyle: { color: RATE_BLUE, opacity: 0.6 },
		label: {
			show: true,
			position: 'right' as const,
			fontSize: LABEL_FONT_SIZE,
			formatter: (p: { dataIndex?: number; value?: unknown }) =>
				p.dataIndex === end && typeof p.value === 'number' ? `约${percentText(p.value)}` : ''
		}
	};
}

/** The plan's path (dashed) with its target as a markLine. */
function pathSeries(path: (number | null)[], plan: TrendPlan) {
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
				formatter:
					plan.whose === '目标'
						? targetText(plan.target)
						: `盟市目标${toPercentValue(plan.target)}%`,
				position: 'insideStartTop' as const,
				fontSize: LABEL_FONT_SIZE
			},
			data: [{ yAxis: toPercentValue(plan.target) }]
		}
	};
}
