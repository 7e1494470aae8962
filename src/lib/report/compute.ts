/**
 * A report from a DuckDB engine: every year's figures queried and published once, then any
 * year and scope. Used by the build (Node) and by the preview (the browser's DuckDB).
 */
import type { SqlEngine } from '../db/engine';
import type { DisclosureRule } from './disclosure';
import { queryReportScenarios, queryReportYears } from './figures';
import { publishYear, type PublishedYear } from './model';
import { annualReport, type AnnualReport, type ReportSource } from './view';

/** Every year of the data under disclosure control, ascending. */
export async function publishedYears(
	engine: SqlEngine,
	rule: DisclosureRule
): Promise<PublishedYear[]> {
	return (await queryReportYears(engine)).map((figures) => publishYear(figures, rule));
}

/** One report page's data; null when the year is not in the data. */
export async function computeReport(
	engine: SqlEngine,
	years: readonly PublishedYear[],
	year: number,
	region: string | null,
	rule: DisclosureRule,
	source: ReportSource
): Promise<AnnualReport | null> {
	if (!years.some((y) => y.year === year)) return null;
	const scenarios = await queryReportScenarios(engine, year, region);
	return annualReport(years, year, region, scenarios, rule, source);
}
