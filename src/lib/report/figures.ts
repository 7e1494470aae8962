/**
 * The exact figures the annual reports are made from, per year of the data: the region-wide
 * headline, every 盟市 and every 行业, from the dashboard's queries over views.sql. Run in Node
 * at build time and in the browser for the preview; what a published page may show of them is
 * decided by model.ts.
 */
import type { SqlEngine } from '../db/engine';
import { queryScenarioByTier } from '../dashboard/queries-detail';
import { queryIndustries, queryOverview, queryRegions, queryTrend } from '../dashboard/queries';
import { NO_FILTERS } from '../dashboard/types';
import type { IndustryRow, Overview, RegionRow, ScenarioCell } from '../dashboard/types';
import {
	queryNationalPipeline,
	queryPriorTitles,
	queryRegionTargets,
	type PipelineRow,
	type PriorTitleRow,
	type RegionTargetRow
} from '../dashboard/queries-plan';

export interface YearFigures {
	year: number;
	/** Region-wide headline figures of the year. */
	overview: Overview;
	/** All 12 盟市. */
	regions: RegionRow[];
	/** Every 大类 with enterprises or a baseline count. */
	industries: IndustryRow[];
	/** Prior-title enterprises by 盟市 (12) and 全区 last. */
	priorTitles: PriorTitleRow[];
	/** 卓越级 and 领航级 of the year: recommended, recognised, not recognised. */
	pipeline: PipelineRow[];
	/** The 盟市目标 file's targets with what each 盟市 reached in the year. */
	regionTargets: RegionTargetRow[];
}

/** The figures of every year in the data, ascending; empty without data. */
export async function queryReportYears(engine: SqlEngine): Promise<YearFigures[]> {
	const trend = await queryTrend(engine, NO_FILTERS);
	const pipeline = await queryNationalPipeline(engine);
	const figures: YearFigures[] = [];
	for (const { year } of trend) {
		const filters = { ...NO_FILTERS, year };
		const overview = await queryOverview(engine, filters, trend);
		if (!overview) continue;
		figures.push({
			year,
			overview,
			regions: await queryRegions(engine, filters, year),
			industries: await queryIndustries(engine, filters, year),
			priorTitles: await queryPriorTitles(engine, year),
			pipeline: pipeline.filter((p) => p.year === year),
			regionTargets: await queryRegionTargets(engine, year)
		});
	}
	return figures;
}

/** Share of the year's declarations (region-wide or of one 盟市) that built each scenario at each tier or above. */
export function queryReportScenarios(
	engine: SqlEngine,
	year: number,
	region: string | null
): Promise<ScenarioCell[]> {
	return queryScenarioByTier(engine, { ...NO_FILTERS, year, region }, year);
}
