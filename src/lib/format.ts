/**
 * Chinese number conventions: 万 and 亿 for large counts, percentages with one decimal,
 * differences in 个百分点.
 */

/** 0.253 → "25.3%". */
export function formatPercent(rate: number, digits = 1): string {
	if (!Number.isFinite(rate)) return '—';
	return `${(rate * 100).toFixed(digits)}%`;
}

/** 0.012 → "1.2个百分点" (rates as fractions; sign kept: "-0.5个百分点"). */
export function formatPointDifference(difference: number): string {
	if (!Number.isFinite(difference)) return '—';
	return `${(difference * 100).toFixed(1)}个百分点`;
}

/** 4213 → "4213", 12345 → "1.23万", 2.5e8 → "2.50亿". */
export function formatCount(value: number): string {
	if (!Number.isFinite(value)) return '—';
	const abs = Math.abs(value);
	if (abs >= 1e8) return `${(value / 1e8).toFixed(2)}亿`;
	if (abs >= 1e4) return `${(value / 1e4).toFixed(2)}万`;
	return String(value);
}
