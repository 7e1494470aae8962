/**
 * What every chart option shares: no animation, ARIA text alternative, projector-sized axis
 * labels, a grid that contains its labels, Chinese number formats, and the two colour sets
 * (TIER_COLORS for tiers, one blue sequential palette for rates, shares and levels).
 */
import type {
	DefaultLabelFormatterCallbackParams,
	EChartsOption,
	TooltipComponentFormatterCallbackParams,
	TooltipComponentOption
} from 'echarts';
import { formatCount, formatPercent } from '../format';

export type DataParams = DefaultLabelFormatterCallbackParams;
export type TooltipParams = TooltipComponentFormatterCallbackParams;

/** Sequential blues, light → dark (ColorBrewer Blues): rates, shares and levels. */
export const BLUES = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'];
/** The one bar colour for rates and plain counts (the dark end of BLUES). */
export const RATE_BLUE = '#2171b5';
/** Regions or cells without a figure, and 不涉及. */
export const NO_DATA_GREY = '#d9d9d9';
/** Reference lines (targets, paths): neutral, not a data colour. */
export const REFERENCE_GREY = '#595959';
/** Axis and legend text size: readable on a projector. */
export const LABEL_FONT_SIZE = 13;

/** 0.123 → 12.3: a rate as a percent value for an axis (rounded to 0.01 to drop float noise). */
export function toPercentValue(rate: number): number {
	return Math.round(rate * 10000) / 100;
}

/** 12.3 (percent value) → "12.3%". */
export function percentText(value: number): string {
	return formatPercent(value / 100);
}

/** 12345 → "1.23万家". */
export function countText(value: number, unit = '家'): string {
	return `${formatCount(value)}${unit}`;
}

/** A target as the plan words it: 0.25 → "目标25%" (one decimal only where the plan has one). */
export function targetText(rate: number): string {
	const value = toPercentValue(rate);
	return `目标${Number.isInteger(value) ? `${value}%` : percentText(value)}`;
}

/** The smallest "nice" number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10ⁿ) ≥ value; 1 for ≤ 0. */
export function niceCeil(value: number): number {
	if (!(value > 0)) return 1;
	const power = 10 ** Math.floor(Math.log10(value));
	for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
		const candidate = Number((m * power).toPrecision(12));
		if (candidate >= value) return candidate;
	}
	return 10 * power;
}

/** Axis label options at projector size, with an optional template formatter ("{value}%"). */
export function axisLabel(formatter?: string) {
	return { fontSize: LABEL_FONT_SIZE, ...(formatter ? { formatter } : {}) };
}

/** A value axis label formatter for percent values: 25 → "25%". */
export const PERCENT_AXIS = '{value}%';

/** A value axis label formatter for counts with 万/亿. */
export function countAxis(value: number): string {
	return formatCount(value);
}

/** The grid every cartesian chart uses (labels inside the chart box). */
export function grid(top = 40, bottom = 16) {
	return { top, bottom, left: 8, right: 48, containLabel: true };
}

/** HTML tooltip (escaped by each formatter), wrapping long text such as 附件4 descriptions. */
export function tooltip(
	trigger: 'item' | 'axis',
	formatter: (params: TooltipParams) => string
): TooltipComponentOption {
	return {
		trigger,
		confine: true,
		...(trigger === 'axis' ? { axisPointer: { type: 'shadow' } } : {}),
		extraCssText: 'max-width: 28em; white-space: normal;',
		formatter
	};
}

/** The first data params of a tooltip call (axis tooltips pass an array). */
export function firstParams(params: TooltipParams): DataParams | undefined {
	return Array.isArray(params) ? params[0] : params;
}

/** The options every chart starts from: no animation, no title, ARIA with a Chinese summary. */
export function baseOption(description: string): EChartsOption {
	return {
		animation: false,
		aria: { enabled: true, decal: { show: false }, label: { enabled: true, description } }
	};
}

/** Legend at the top, projector-sized. */
export function legend(names: string[]) {
	return { show: true, top: 0, data: names, textStyle: { fontSize: LABEL_FONT_SIZE } };
}
