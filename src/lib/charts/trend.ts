/**
 * The coverage trend against a target's straight path (the plan's 25% by 2027, or a 盟市's own),
 * with the pace so far projected to the target's year.
 */
import type { Scorecard, TrendPoint } from '../figures/types';
import { PLAN_COVERAGE_TIER } from '../domain/catalogue';
import { PLAN_BASE_YEAR, PLAN_TARGETS, pathAt, planStart, projectedAt } from '../domain/plan';
import {
	countText,
	percentText,
	RATE_BLUE,
	REFERENCE_GREY,
	targetText,
	toPercentValue
} from './common';
import { valueAxis, type LineModel, type LineSeries } from './drawn';

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
 * target (dashed), the target as a reference line and the pace so far projected to the target's
 * year (dotted, to its point). `fromTier` names the tier coverage counts from when a 层级 filter
 * raises it above 基础级: the targets are for 基础级 and above, so then there is no plan.
 */
export function coverageTrendLines(
	points: readonly TrendPoint[],
	plan: TrendPlan | null,
	fromTier = PLAN_COVERAGE_TIER
): LineModel {
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
	const withPace = againstPlan && plan?.projected != null;

	const latestIndex = actual.findLastIndex((v) => v !== null);
	const latest = actual[latestIndex];
	const summary =
		latest === null || latest === undefined
			? '尚无覆盖率数据'
			: `${years[latestIndex]}年覆盖率为${percentText(latest)}` +
				(againstPlan ? `，目标路径为${percentText(path[latestIndex] ?? 0)}` : '') +
				(withPace
					? `，按当前进度${plan.targetYear}年底约为${percentText(toPercentValue(plan.projected!))}`
					: '');
	const series: LineSeries[] = [
		{
			name: ACTUAL,
			color: RATE_BLUE,
			dash: 'solid',
			values: actual,
			dots: true,
			labels: actual.map((v) => (v === null ? null : percentText(v)))
		}
	];
	if (againstPlan && plan)
		series.push({
			name: PATH,
			color: REFERENCE_GREY,
			dash: 'dashed',
			values: path,
			dots: false,
			labels: path.map(() => null)
		});
	if (withPace && plan)
		series.push({
			name: PACE,
			color: RATE_BLUE,
			dash: 'dotted',
			values: pace,
			dots: true,
			connect: true,
			labelRight: true,
			labels: pace.map((v, i) =>
				years[i] === plan.targetYear && v !== null ? `约${percentText(v)}` : null
			)
		});
	const values = [...actual, ...path, ...pace].filter((v): v is number => v !== null);
	return {
		description:
			`${fromTier}及以上智能工厂规上工业企业覆盖率逐年变化折线图。${summary}；` +
			(againstPlan && plan
				? `${plan.whose}为${plan.targetYear}年底达到${target}%；路径自${plan.start.year}年底的` +
					(plan.start.fromData
						? `${percentText(toPercentValue(plan.start.value))}起算。`
						: `0%起算（数据中没有${plan.start.year}年）。`)
				: fromTier === PLAN_COVERAGE_TIER
					? '此处没有可比较的目标。'
					: `行动计划目标按基础级及以上计，此处不作比较。`),
		categories: years.map((y) => `${y}年`),
		series,
		axis: valueAxis(Math.max(1, ...values, againstPlan ? target : 0) * 1.1, (v) => `${v}%`),
		legend: series.map((s) => ({ name: s.name, color: s.color, dash: s.dash })),
		reference:
			againstPlan && plan
				? {
						value: target,
						label: plan.whose === '目标' ? targetText(plan.target) : `盟市目标${target}%`
					}
				: null,
		detail: years.map((year, i) => {
			const point = byYear.get(year);
			const rate = actual[i];
			const lines = [`${year}年`];
			if (point && rate !== null && rate !== undefined)
				lines.push(
					`${ACTUAL}：${percentText(rate)}（${countText(point.coverage.numerator)} / ` +
						`${countText(point.coverage.denominator ?? 0)}）`
				);
			else lines.push(`${ACTUAL}：无数据`);
			const pathValue = path[i];
			if (pathValue !== null && pathValue !== undefined)
				lines.push(`${PATH}：${percentText(pathValue)}`);
			const paceValue = pace[i];
			if (year === plan?.targetYear && paceValue !== null && paceValue !== undefined)
				lines.push(`${PACE}：${percentText(paceValue)}`);
			return lines;
		})
	};
}
