/**
 * What each dashboard page shows, as one bundle per page, computed by the same function at
 * build time (Node, baked into the prerendered page) and in the browser (live DuckDB).
 */
import type { SqlEngine } from '../db/engine';
import {
	queryIndicatorLevels,
	queryIndicatorMeans,
	queryMaturityByTier,
	queryScenarioByRegion,
	queryScenarioByTier,
	queryScenarioShortfalls
} from './queries-detail';
import { queryIndustries, queryOverview, queryRegions, queryTrend } from './queries';
import {
	queryNationalPipeline,
	queryPriorTitleEnterprises,
	queryPriorTitles,
	queryRegionTargets,
	type PipelineRow,
	type PriorTitleEnterprise,
	type PriorTitleRow,
	type RegionTargetRow
} from './queries-plan';
import type {
	DashboardFilters,
	IndicatorLevelCount,
	IndicatorMean,
	IndustryRow,
	MaturityCell,
	Overview,
	RegionRow,
	ScenarioCell,
	ScenarioShortfall,
	TrendPoint
} from './types';

export interface OverviewPage {
	overview: Overview;
	trend: TrendPoint[];
	regions: RegionRow[];
}

export interface RegionsPage {
	overview: Overview;
	regions: RegionRow[];
	/** The selected slice by industry (follows a click on the map). */
	industries: IndustryRow[];
	/** Every 盟市's own targets (盟市目标 file) with what it reached; empty without the file. */
	regionTargets: RegionTargetRow[];
}

export interface RegionDetailPage {
	overview: Overview;
	trend: TrendPoint[];
	industries: IndustryRow[];
	scenarios: ScenarioCell[];
	/** Every 盟市's own targets (the page shows its own; an empty list: no file loaded). */
	regionTargets: RegionTargetRow[];
}

export interface IndustriesPage {
	overview: Overview;
	industries: IndustryRow[];
	/** False when the baseline has no industry rows: coverage by industry is unavailable. */
	industryBaseline: boolean;
}

export interface ScenariosPage {
	overview: Overview;
	byRegion: ScenarioCell[];
	byTier: ScenarioCell[];
	shortfalls: ScenarioShortfall[];
}

export interface AssessmentPage {
	overview: Overview;
	levels: IndicatorLevelCount[];
	meansByRegion: IndicatorMean[];
	meansByTier: IndicatorMean[];
	maturity: MaturityCell[];
}

export async function overviewPage(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<OverviewPage | null> {
	const trend = await queryTrend(engine, f);
	const overview = await queryOverview(engine, f, trend);
	if (!overview) return null;
	return { overview, trend, regions: await queryRegions(engine, f, overview.year) };
}

export async function regionsPage(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<RegionsPage | null> {
	const overview = await queryOverview(engine, f);
	if (!overview) return null;
	return {
		overview,
		regions: await queryRegions(engine, f, overview.year),
		industries: await queryIndustries(engine, f, overview.year),
		regionTargets: await queryRegionTargets(engine, overview.year)
	};
}

export async function regionDetailPage(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<RegionDetailPage | null> {
	const trend = await queryTrend(engine, f);
	const overview = await queryOverview(engine, f, trend);
	if (!overview) return null;
	return {
		overview,
		trend,
		industries: await queryIndustries(engine, f, overview.year),
		scenarios: await queryScenarioByTier(engine, f, overview.year),
		regionTargets: await queryRegionTargets(engine, overview.year)
	};
}

export async function industriesPage(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<IndustriesPage | null> {
	const overview = await queryOverview(engine, f);
	if (!overview) return null;
	const industries = await queryIndustries(engine, f, overview.year);
	return {
		overview,
		industries,
		industryBaseline: industries.some((row) => row.coverage.denominator !== null)
	};
}

export async function scenariosPage(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<ScenariosPage | null> {
	const overview = await queryOverview(engine, f);
	if (!overview) return null;
	return {
		overview,
		byRegion: await queryScenarioByRegion(engine, f, overview.year),
		byTier: await queryScenarioByTier(engine, f, overview.year),
		shortfalls: await queryScenarioShortfalls(engine, f, overview.year)
	};
}

export async function assessmentPage(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<AssessmentPage | null> {
	const overview = await queryOverview(engine, f);
	if (!overview) return null;
	return {
		overview,
		levels: await queryIndicatorLevels(engine, f, overview.year),
		meansByRegion: await queryIndicatorMeans(engine, f, overview.year, 'region'),
		meansByTier: await queryIndicatorMeans(engine, f, overview.year, 'tier'),
		maturity: await queryMaturityByTier(engine, f, overview.year)
	};
}

export interface PlanPage {
	overview: Overview;
	priorTitles: PriorTitleRow[];
	/** The drill-down by pseudonymous 企业编码 (internal page only). */
	priorTitleEnterprises: PriorTitleEnterprise[];
	regionTargets: RegionTargetRow[];
	pipeline: PipelineRow[];
}

/** 计划落实: prior titles, 盟市 own targets and the national pipeline, for the year (盟市 filter on the list). */
export async function planPage(engine: SqlEngine, f: DashboardFilters): Promise<PlanPage | null> {
	const overview = await queryOverview(engine, f);
	if (!overview) return null;
	return {
		overview,
		priorTitles: await queryPriorTitles(engine, overview.year),
		priorTitleEnterprises: await queryPriorTitleEnterprises(engine, overview.year, f.region),
		regionTargets: await queryRegionTargets(engine, overview.year),
		pipeline: await queryNationalPipeline(engine)
	};
}
