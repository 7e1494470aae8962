/**
 * How the scorecard's figures are written: a coverage as a percentage with one decimal, counts in
 * 家, changes signed, the target with its comparator and year. Pure.
 */
import { VERDICT_TEXT, type PlanTarget, type ScorecardRow, type TargetKey } from '$lib/domain/plan';
import { formatPercent, formatPointDifference } from '$lib/format';

export const MEASURE_NAMES: Readonly<Record<TargetKey, string>> = {
	coverage: '规上工业企业覆盖率（基础级及以上）',
	basic_starts: '基础级新建（申报企业）',
	advanced: '先进级智能工厂',
	excellent: '卓越级智能工厂',
	leading: '领航级智能工厂'
};

/** A measure's value: "12.3%" or "134家"; "—" without one. */
export function measureText(key: TargetKey, value: number | null): string {
	if (value === null) return '—';
	return key === 'coverage' ? formatPercent(value) : `${Math.round(value * 10) / 10}家`;
}

/** A change on last year: "+1.2个百分点", "−3家", "持平"; "—" without last year. */
export function changeText(key: TargetKey, change: number | null): string {
	if (change === null) return '—';
	if (change === 0) return '持平';
	const sign = change > 0 ? '+' : '−';
	return key === 'coverage'
		? `${sign}${formatPointDifference(Math.abs(change))}`
		: `${sign}${Math.abs(change)}家`;
}

/** The target as the plan words it: "25.0%左右（2027年底）", "每年300家以上", "100家以上（2027年底）". */
export function targetText(target: PlanTarget): string {
	const comparator = target.comparator === 'about' ? '左右' : '以上';
	const value = measureText(target.key, target.value);
	return target.year === null
		? `每年${value}${comparator}`
		: `${value}${comparator}（${target.year}年底）`;
}

/** The gap: "还差 12.7个百分点" / "还差 20家"; "—" once reached or without a value. */
export function gapText(row: ScorecardRow): string {
	if (row.gap === null || row.gap === 0) return '—';
	return row.target.key === 'coverage'
		? `还差 ${formatPointDifference(row.gap)}`
		: `还差 ${Math.ceil(row.gap)}家`;
}

/**
 * A card's line under its verdict, the rest of its scorecard row: "还差 5家，较上年 +2家";
 * undefined when there is neither a gap nor a last year.
 */
export function progressText(row: ScorecardRow): string | undefined {
	const gap = gapText(row);
	const parts = [
		...(gap === '—' ? [] : [gap]),
		...(row.change === null ? [] : [`较上年 ${changeText(row.target.key, row.change)}`])
	];
	return parts.length ? parts.join('，') : undefined;
}

/** The verdict in words. */
export const verdictText = (row: ScorecardRow) => VERDICT_TEXT[row.verdict];
