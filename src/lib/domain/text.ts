/**
 * Text normalisation shared by every resolver: the one place where full-width
 * characters, stray spaces and letter case are folded before matching.
 */

/** NFKC folds full-width digits, letters and punctuation to half-width; spaces are removed. */
export function normalizeKey(value: string): string {
	if (/^[\x21-\x7e]*$/.test(value)) return value.toLowerCase();
	return value.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Trim and fold full-width characters, keeping inner single spaces (for display values). */
export function normalizeValue(value: string): string {
	// Fast path: printable ASCII without spaces (IDs, codes, numbers) is already normal.
	if (/^[\x21-\x7e]*$/.test(value)) return value;
	return value.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Chinese numerals used in level names such as 二级, 第三级. */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
	一: 1,
	二: 2,
	三: 3,
	四: 4,
	五: 5,
	六: 6
};
