/**
 * The exact figures the annual reports are made from, per year of the data: the region-wide
 * headline, every 盟市 and every 行业 — slices of the cube, as every page's figures are. Made at
 * build time from the build's cube and in the browser from the cube the preview reads; what a
 * published page may show of them is decided by model.ts. Pure.
 */
import type { Cube } from '../cube/cube';
import { cubeYears, industryRowsOf, overviewOf, regionRowsOf, trendOf } from '../figures/coverage';
import { pipelineOf, priorTitlesOf, regionTargetsOf } from '../figures/plan';
import { scenarioByTierOf } from '../figures/scenarios';
import {
	NO_FILTERS,
	type IndustryRow,
	type Overview,
	type PipelineRow,
	type PriorTitleRow,
	type RegionRow,
	type RegionTargetRow,
	type ScenarioCell
} from '../figures/types';

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
export function reportYears(cube: Cube): YearFigures[] {
	const trend = trendOf(cube, NO_FILTERS);
	const pipeline = pipelineOf(cube);
	return cubeYears(cube).map((year) => {
		const filters = { ...NO_FILTERS, year };
		return {
			year,
			overview: overviewOf(cube, filters, trend)!,
			regions: regionRowsOf(cube, filters, year),
			industries: industryRowsOf(cube, filters, year),
			priorTitles: priorTitlesOf(cube, year),
			pipeline: pipeline.filter((p) => p.year === year),
			regionTargets: regionTargetsOf(cube, year)
		};
	});
}

/** Share of the year's declarations (region-wide or of one 盟市) that built each scenario at each tier or above. */
export function reportScenarios(cube: Cube, year: number, region: string | null): ScenarioCell[] {
	return scenarioByTierOf(cube, { ...NO_FILTERS, year, region }, year);
}
