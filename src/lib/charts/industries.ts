/**
 * Coverage and tier mix by GB/T 4754 大类.
 */
import type { IndustryRow } from '../figures/types';
import { formatCount } from '../format';
import { PLAN_COVERAGE_TIER, TIER_KEYS, tierName } from '../domain/catalogue';
import { TIER_COLORS } from '../theme';
import { BLUES, countText, percentText, RATE_BLUE, targetText, toPercentValue } from './common';
import { valueAxis, type BarsModel } from './drawn';

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
export function industryCoverageBars(
	rows: readonly IndustryRow[],
	fromTier = PLAN_COVERAGE_TIER,
	targetRate: number | null = null
): BarsModel {
	const ranked = rows
		.filter(hasRate)
		.sort((a, b) => b.coverage.rate - a.coverage.rate || a.code.localeCompare(b.code));
	const values = ranked.map((r) => toPercentValue(r.coverage.rate));
	const top = ranked[0];
	const small = (row: RatedRow) => (row.coverage.denominator ?? 0) < SMALL_BASE;
	const target = fromTier === PLAN_COVERAGE_TIER && targetRate !== null ? targetRate : null;
	return {
		description:
			`各行业大类${fromTier}及以上智能工厂覆盖率条形图，共${ranked.length}个大类` +
			(top ? `，最高为${top.name}（${percentText(values[0] ?? 0)}）。` : '。'),
		rows: ranked.map((row, i) => {
			const { numerator, denominator } = row.coverage;
			const value = values[i] ?? 0;
			return {
				name: row.name,
				label: row.name,
				// A small base: lighter, so its rate does not read as the others'.
				segments: [{ name: '覆盖率', value, color: small(row) ? BLUES[3]! : RATE_BLUE }],
				note: `${percentText(value)}（${numerator}/${denominator}家${small(row) ? '，基数小' : ''}）`,
				detail: [
					`${row.code} ${row.name}`,
					`覆盖率：${percentText(value)}`,
					`达到${fromTier}及以上：${countText(numerator)} / ${countText(denominator ?? 0)}`
				]
			};
		}),
		axis: valueAxis(
			Math.max(...values, target === null ? 1 : toPercentValue(target), 1) * 1.1,
			(v) => `${v}%`
		),
		legend: [],
		reference:
			target === null ? null : { value: toPercentValue(target), label: `全区${targetText(target)}` }
	};
}

/** Stacked horizontal bars of enterprises by tier for the 15 大类 with the most, most first. */
export function industryTierMixBars(rows: readonly IndustryRow[]): BarsModel {
	const top = rows
		.filter((r) => total(r) > 0)
		.sort((a, b) => total(b) - total(a) || a.code.localeCompare(b.code))
		.slice(0, TIER_MIX_TOP);
	const first = top[0];
	return {
		description:
			`智能工厂数量最多的${top.length}个行业大类按层级堆叠条形图` +
			(first ? `，最多为${first.name}（${countText(total(first))}）。` : '。'),
		rows: top.map((row) => ({
			name: row.name,
			label: row.name,
			segments: TIER_KEYS.map((key) => ({
				name: tierName(key),
				value: row.tiers[key],
				color: TIER_COLORS[key]
			})),
			note: countText(total(row), ''),
			detail: [
				`${row.code} ${row.name}`,
				...TIER_KEYS.map((key) => `${tierName(key)}：${countText(row.tiers[key])}`),
				`合计：${countText(total(row))}`
			]
		})),
		axis: valueAxis(Math.max(1, ...top.map(total)), formatCount, true),
		legend: TIER_KEYS.map((key) => ({ name: tierName(key), color: TIER_COLORS[key] })),
		reference: null
	};
}
