/**
 * One annual report page — region-wide or a 盟市's — as plain data the page renders and the
 * build serialises: headline, narrative, tables and the inputs of its charts, all under the
 * disclosure decisions of model.ts. Pure.
 */
import type { ScenarioCell } from '../figures/types';
import { regions } from '../domain/catalogue';
import { discloseCount, disclosureRuleText, type DisclosureRule } from './disclosure';
import {
	headlineFigures,
	publishedTrend,
	type HeadlineFigures,
	type PublishedPriorTitles,
	type PublishedRegionRow,
	type PublishedRow,
	type PublishedTarget,
	type PublishedYear
} from './model';
import { regionsReachingTarget, reportNarrative, type RegionsReaching } from './narrative';
import { ISSUER, reportPeriod, type ReportPeriod } from './period';

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
	/** Who issues the report (内蒙古自治区工业和信息化厅). */
	issuer: string;
	/** The document's date (the data's as-of date) and how the year is worded. */
	period: ReportPeriod;
	headline: HeadlineFigures;
	narrative: string[];
	/** 盟市 with a published rate and those at the target (region-wide report), else null. */
	reaching: RegionsReaching | null;
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
	/** Prior-title enterprises: every 盟市 and 全区 (region-wide), or the 盟市 and 全区. */
	priorTitles: PublishedPriorTitles[];
	/** 卓越级 and 领航级 recommended / recognised / not recognised, each year up to this one. */
	pipeline: ({ year: number } & PublishedYear['pipeline'][number])[];
	/** 盟市目标 (all, or the 盟市's own); empty without the file. */
	regionTargets: PublishedTarget[];
	/** Whether a 盟市目标 file was loaded at all. */
	hasRegionTargets: boolean;
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
	const period = reportPeriod(year, source.asOf);
	const reaching = region === null ? regionsReachingTarget(published.regions) : null;
	const base = scenarios[0]?.total ?? 0;
	const baseShown = discloseCount(base, rule).kind === 'shown';
	return {
		year,
		region,
		scopeName,
		rule,
		ruleText: disclosureRuleText(rule),
		source,
		issuer: ISSUER,
		period,
		headline,
		narrative: reportNarrative(
			headline,
			{ name: scopeName, regionWide: region === null },
			rule,
			period,
			reaching
		),
		reaching,
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
		regionLinks: regions.map((r) => ({ code: r.code, name: r.name })),
		priorTitles:
			region === null
				? published.priorTitles
				: published.priorTitles.filter((r) => r.code === region || r.code === null),
		pipeline: years
			.filter((y) => y.year <= year)
			.flatMap((y) => y.pipeline.map((p) => ({ year: y.year, ...p }))),
		regionTargets:
			region === null
				? published.regionTargets
				: published.regionTargets.filter((t) => t.code === region),
		hasRegionTargets: published.regionTargets.length > 0
	};
}
