/**
 * Filling 自评 as a user does, for the 自评 browser tests: scenarios by their select, the
 * maturity level, 附件3 levels by their radio buttons, amounts typed into their fields.
 */
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { indicators } from '../../src/lib/domain/catalogue';

export const LEVEL_INDICATORS = indicators.filter((i) => i.kind === 'level');

/** Ten scenarios at 先进级 across 生产作业, 生产管理 and 运营管理: enough for 先进级. */
export const TEN_ADVANCED = [9, 10, 12, 13, 7, 18, 19, 25, 26, 27];

export async function chooseScenarios(page: Page, nos: number[], tier = 'advanced') {
	for (const no of nos) await page.getByTestId(`scenario-${no}`).selectOption(tier);
}

/** Every 附件3 level indicator at `level`, by its radio button (named by its level and text). */
export async function chooseAllIndicators(page: Page, level: number) {
	for (const indicator of LEVEL_INDICATORS) {
		await page
			.getByTestId(`indicator-${indicator.key}`)
			.getByRole('radio', { name: new RegExp(`^${level}级`) })
			.check();
	}
}

/**
 * The print font's glyphs that pdf.js reads back as another code point: radical forms (which NFKC
 * folds) and 戶 for 户 (which it does not).
 */
const GLYPH_READINGS: Readonly<Record<string, string>> = { 戶: '户' };

/** Page text as pdf.js reads it, NFKC-folded (as report.test.ts reads the annual report). */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
	const doc = await getDocument({ data: pdf }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(
			content.items
				.map((item) => ('str' in item ? item.str : ''))
				.join('')
				.normalize('NFKC')
				.replace(/[戶]/g, (c) => GLYPH_READINGS[c] ?? c)
		);
	}
	return pages;
}
