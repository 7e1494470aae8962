/**
 * One annual report page — region-wide or a 盟市's — as plain data the page renders and the
 * build serialises: headline, narrative, tables and the inputs of its charts, all under the
 * disclosure decisions of model.ts. Pure.
 */
import type { ScenarioCell } from '../dashboard/types';
import { regions } from '../domain/catalogue';
import { discloseCount, disclosureRuleText, type DisclosureRule } from './disclosure';
import {
	headlineFigures,
	publishedTrend,
	type HeadlineFigures,
	type PublishedRegionRow,
	type PublishedRow,
	type PublishedYear
} from './model';
import { regionsReachingTarget, reportNarrative } from './narrative';

export interface ReportSource {
	/** 'sample' when the figures come from the bundled 示例数据. */
	source: 'sample' | 'department' | 'browser';
	/** As-of date (ISO 8601): when the data was read. */
	asOf: string;
	files: string[];
}

export interface AnnualReport {
	year: number;
	/** null: 全区; else the 盟市's code. */
	region: string | null;
	scopeName: string;
	rule: DisclosureRule;
	ruleText: string;
	source: ReportSource;
	headline: HeadlineFigures;
	narrative: string[];
	/** The 盟市 table (region-wide report), or the 盟市's row beside 全区 (its own report). */
	regionRows: PublishedRegionRow[];
	total: PublishedRegionRow;
	/** The 行业 table (region-wide report only). */
	industries: PublishedRow[];
	industryTotal: PublishedRow | null;
	industryBaseline: boolean;
	/** Coverage by year as published (hidden years null). */
	trend: { year: number; rate: number | null }[];
	/** Scenario shares by tier: only cells counting at least k declarations. */
	scenarios: ScenarioCell[];
	/** Declarations of the year in the scope (the heatmap's base), or null when fewer than k. */
	scenarioBase: number | null;
	/** Every 盟市 with a report, for links. */
	regionLinks: { code: string; name: string }[];
}

/** The report for `year` and scope from every year's published figures; null when the year is not in them. */
export function annualReport(
	years: readonly PublishedYear[],
	year: number,
	region: string | null,
	scenarios: readonly ScenarioCell[],
	rule: DisclosureRule,
	source: ReportSource
): AnnualReport | null {
	const published = years.find((y) => y.year === year);
	const headline = headlineFigures(years, year, region);
	if (!published || !headline) return null;
	const scopeName =
		region === null ? '全区' : (regions.find((r) => r.code === region)?.name ?? region);
	const base = scenarios[0]?.total ?? 0;
	const baseShown = discloseCount(base, rule).kind === 'shown';
	return {
		year,
		region,
		scopeName,
		rule,
		ruleText: disclosureRuleText(rule),
		source,
		headline,
		narrative: reportNarrative(
			headline,
			scopeName,
			rule,
			region === null ? regionsReachingTarget(published.regions) : null
		),
		regionRows: region === null ? published.regions : [headline.row],
		total: published.total,
		industries: region === null ? published.industries : [],
		industryTotal: region === null ? published.industryTotal : null,
		industryBaseline: published.industryBaseline,
		trend: publishedTrend(years, region),
		scenarios: baseShown
			? scenarios.filter((cell) => discloseCount(cell.count, rule).kind === 'shown')
			: [],
		scenarioBase: baseShown ? base : null,
		regionLinks: regions.map((r) => ({ code: r.code, name: r.name }))
	};
}
