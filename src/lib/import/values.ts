/**
 * Value parsers for the contract's columns: each turns a cell into a normalised value or a
 * Chinese reason. Names go through the catalogue's resolvers; numbers accept full-width digits
 * and thousands separators.
 */
import { indicators, type TierKey } from '../domain/catalogue';
import type { TargetMetric } from './tables';
import {
	resolveIndustry,
	resolveMaturity,
	resolveRegion,
	resolveRegionOrWhole,
	resolveScenario,
	resolveTier,
	type Resolved
} from '../domain/resolvers';
import { normalizeKey, normalizeValue } from '../domain/text';

export const YEAR_MIN = 2024;
export const YEAR_MAX = 2035;

const ok = <T>(value: T): Resolved<T> => ({ ok: true, value });
const fail = <T>(reason: string): Resolved<T> => ({ ok: false, reason });

/** The largest value of DuckDB's INTEGER (32-bit signed), the type of counts (schema.sql). */
export const INT32_MAX = 2_147_483_647;

/** Digits a double keeps exactly (DBL_DIG): a number written with more would be stored changed. */
const SIGNIFICANT_DIGITS = 15;

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
/** Thousands separators every three digits, as in 1,250 or 12,345,678.5. */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * "１,２５０" → 1250; "1,250.5" → 1250.5. Null for an empty cell. Full-width digits and commas
 * fold; a thousands separator must stand every three digits ("12,34" and "1,2,3,4" are not
 * numbers), and digits split by spaces ("12 34") are not one number. A number a double cannot
 * hold as written (over 15 significant digits, or beyond its range) is refused, as are
 * exponents, NaN and Infinity.
 */
export function parseNumber(raw: string): Resolved<number | null> {
	const text = normalizeValue(raw).replace(/，/g, ',');
	if (text === '') return ok(null);
	const shown = raw.trim().length > 40 ? `${raw.trim().slice(0, 40)}…` : raw.trim();
	if (!PLAIN_NUMBER.test(text) && !GROUPED_NUMBER.test(text)) {
		if (/^[+-]?[\d\s,]*\d[\d\s,]*(?:\.\d*)?$/.test(text)) {
			return fail(
				/\s/.test(text)
					? `“${shown}”中的数字被空格隔开，不是一个数`
					: `“${shown}”的千位分隔符位置不对（应每三位一个，如 1,250）`
			);
		}
		return fail(`“${shown}”不是数字`);
	}
	const digits = text.replace(/[^\d]/g, '').replace(/^0+/, '');
	const significant = digits.replace(/0+$/, '').length;
	const value = Number(text.replace(/,/g, ''));
	if (!Number.isFinite(value)) return fail(`“${shown}”超出数值范围`);
	if (significant > SIGNIFICANT_DIGITS) {
		return fail(`“${shown}”有效数字超过 ${SIGNIFICANT_DIGITS} 位，无法按原值保存`);
	}
	return ok(value);
}

/** A declaration or target year, 2024–2035 by the contract; `range` widens it (the baseline's 年度). */
export function parseYear(
	raw: string,
	range: readonly [number, number] = [YEAR_MIN, YEAR_MAX]
): Resolved<number> {
	const text = normalizeValue(raw).replace(/年$/, '');
	if (text === '') return fail('年度为空');
	if (!/^\d{4}$/.test(text)) return fail(`年度“${raw.trim()}”不是四位年份`);
	const year = Number(text);
	if (year < range[0] || year > range[1])
		return fail(`年度 ${year} 不在 ${range[0]}–${range[1]} 之间`);
	return ok(year);
}

/** The baseline's 年度 is any year (one before the plan gives its starting point). */
export const BASELINE_YEAR_RANGE = [1949, 2100] as const;

const TARGET_METRICS: Readonly<Record<string, TargetMetric>> = {
	覆盖率: 'coverage',
	基础级及以上覆盖率: 'coverage',
	基础级新建: 'basic_starts',
	基础级: 'basic_starts',
	先进级: 'advanced',
	卓越级: 'excellent',
	领航级: 'leading'
};

export function parseTargetMetric(raw: string): Resolved<TargetMetric> {
	const metric = TARGET_METRICS[normalizeKey(raw)];
	return metric
		? ok(metric)
		: fail(`无法识别的指标“${raw.trim()}”（应为覆盖率、基础级新建、先进级、卓越级或领航级）`);
}

/**
 * 25 or 25% → 0.25 for 覆盖率 (0–100%); otherwise a count of enterprises, a whole number from 0
 * to INT32_MAX.
 */
export function parseTargetValue(raw: string, metric: TargetMetric | undefined): Resolved<number> {
	const text = normalizeValue(raw);
	const percent = text.endsWith('%');
	const parsed = parseNumber(percent ? text.slice(0, -1) : text);
	if (!parsed.ok) return fail(parsed.reason);
	if (parsed.value === null) return fail('目标值为空');
	if (parsed.value < 0) return fail(`目标值为负数（${parsed.value}）`);
	if (metric === 'coverage') {
		if (parsed.value > 100) return fail(`覆盖率目标 ${text} 超过100%`);
		return ok(parsed.value / 100);
	}
	if (percent) return fail('只有覆盖率目标可用百分数');
	if (!Number.isInteger(parsed.value)) {
		return fail(`目标值“${raw.trim()}”不是整数：该指标是企业家数`);
	}
	if (parsed.value > INT32_MAX) return fail(`目标值 ${text} 超出范围（最大 ${INT32_MAX}）`);
	return ok(parsed.value);
}

/** A whole number from 0 to `max` (a DuckDB INTEGER by default). */
export function parseNonNegativeInteger(
	raw: string,
	what: string,
	max = INT32_MAX
): Resolved<number> {
	const parsed = parseNumber(raw);
	if (!parsed.ok) return fail(parsed.reason);
	if (parsed.value === null) return fail(`${what}为空`);
	if (!Number.isInteger(parsed.value)) return fail(`${what}“${raw.trim()}”不是整数`);
	if (parsed.value < 0) return fail(`${what}为负数（${parsed.value}）`);
	if (parsed.value > max) return fail(`${what} ${raw.trim()} 超出范围（最大 ${max}）`);
	return ok(parsed.value);
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '规上']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '规下']);

/** 是 / 否 (default when empty: `fallback`). */
export function parseYesNo(raw: string, fallback: boolean): Resolved<boolean> {
	const key = normalizeKey(raw);
	if (key === '') return ok(fallback);
	if (YES.has(key)) return ok(true);
	if (NO.has(key)) return ok(false);
	return fail(`“${raw.trim()}”应为“是”或“否”`);
}

export type Status = 'approved' | 'rejected' | 'pending' | 'recommended';

export const STATUS_NAMES: Readonly<Record<Status, string>> = {
	approved: '已认定',
	rejected: '未通过',
	pending: '审核中',
	recommended: '已推荐'
};

const STATUS_SPELLINGS: Readonly<Record<string, Status>> = {
	已认定: 'approved',
	认定: 'approved',
	通过: 'approved',
	已通过: 'approved',
	未通过: 'rejected',
	不通过: 'rejected',
	驳回: 'rejected',
	已驳回: 'rejected',
	审核中: 'pending',
	待审核: 'pending',
	已推荐: 'recommended',
	推荐: 'recommended'
};

export function parseStatus(raw: string): Resolved<Status> {
	const status = STATUS_SPELLINGS[normalizeKey(raw)];
	if (status) return ok(status);
	if (normalizeKey(raw) === '') return fail('审核状态为空');
	return fail(`无法识别的审核状态“${raw.trim()}”（应为已认定、未通过、审核中或已推荐）`);
}

const SIZES = new Set(['大型', '中型', '小型', '微型']);

export function parseSize(raw: string): Resolved<string | null> {
	const text = normalizeValue(raw).replace(/企业$/, '');
	if (text === '') return ok(null);
	return SIZES.has(text) ? ok(text) : fail(`企业规模“${raw.trim()}”应为大型、中型、小型或微型`);
}

export const PRIOR_TITLES = [
	'国家智能制造示范工厂揭榜单位',
	'自治区智能工厂',
	'自治区数字化车间'
] as const;

export function parsePriorTitle(raw: string): Resolved<string | null> {
	const key = normalizeKey(raw);
	if (key === '' || key === '无') return ok(null);
	const title = PRIOR_TITLES.find((t) => normalizeKey(t) === key);
	return title
		? ok(title)
		: fail(`既有称号“${raw.trim()}”应为${PRIOR_TITLES.join('、')}之一或留空`);
}

/** Level 1–6; 0 stands for 不涉及 where 附件3 allows it; null for an empty cell. */
export function parseIndicatorLevel(raw: string, indicatorKey: string): Resolved<number | null> {
	const key = normalizeKey(raw).replace(/级$/, '');
	if (key === '') return ok(null);
	const indicator = indicators.find((i) => `ind_${i.key}` === indicatorKey);
	if (key === '不涉及' || key === '不涉及此环节') {
		return indicator?.allowsNotApplicable
			? ok(0)
			: fail(
					`“${indicator?.name ?? indicatorKey}”不允许填“不涉及”（附件3仅研发设计、营销服务、产业链供应链协同可选）`
				);
	}
	if (/^[1-6]$/.test(key)) return ok(Number(key));
	return fail(`等级“${raw.trim()}”应为1–6${indicator?.allowsNotApplicable ? '或“不涉及”' : ''}`);
}

export function parseTier(raw: string): Resolved<TierKey> {
	return resolveTier(raw);
}

export function parseOptionalTier(raw: string): Resolved<TierKey | null> {
	if (normalizeKey(raw) === '') return ok(null);
	return resolveTier(raw);
}

export function parseMaturity(raw: string): Resolved<number | null> {
	if (normalizeKey(raw) === '') return ok(null);
	return resolveMaturity(raw);
}

export { resolveIndustry, resolveRegion, resolveRegionOrWhole, resolveScenario };

/**
 * A text cell that a spreadsheet would run as a formula: = or @ first, or + or - first unless
 * the whole cell is a number ("-12.5", "+1,250"); "-2+3+cmd|' /C calc'!A0" is a formula.
 */
export function looksLikeFormula(value: string): boolean {
	const text = value.trim();
	return /^[=@]/.test(text) || (/^[+-]/.test(text) && !/^[+-][\d,]*\.?\d*%?$/.test(text));
}
