/**
 * A report from a cube: every year's figures sliced and published once, then any year and
 * scope. Used by the build (the build's cube) and by the preview (the cube the browser shows).
 * Pure.
 */
import type { Cube } from '../cube/cube';
import type { DisclosureRule } from './disclosure';
import { reportScenarios, reportYears } from './figures';
import { publishYear, type PublishedYear } from './model';
import { annualReport, type AnnualReport, type ReportSource } from './view';

/** Every year of the data under disclosure control, ascending. */
export function publishedYears(cube: Cube, rule: DisclosureRule): PublishedYear[] {
	return reportYears(cube).map((figures) => publishYear(figures, rule));
}

/** One report page's data; null when the year is not in the data. */
export function computeReport(
	cube: Cube,
	years: readonly PublishedYear[],
	year: number,
	region: string | null,
	rule: DisclosureRule,
	source: ReportSource
): AnnualReport | null {
	if (!years.some((y) => y.year === year)) return null;
	return annualReport(years, year, region, reportScenarios(cube, year, region), rule, source);
}
