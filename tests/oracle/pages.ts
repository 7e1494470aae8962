/**
 * The oracle's pages: each dashboard page's bundle for any filters, by SQL per figure
 * (tests/unit/cube.test.ts holds src/lib/figures/pages.ts equal to these).
 */
import type { SqlEngine } from '../../src/lib/db/engine';
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
	queryRegionTargets
} from './queries-plan';
import { historiesOf, scorecardFrom, targetsFor } from '../../src/lib/figures/scorecard';
import {
	NO_FILTERS,
	type AssessmentPage,
	type DashboardFilters,
	type IndustriesPage,
	type OverviewPage,
	type PlanPage,
	type RegionDetailPage,
	type RegionsPage,
	type ScenariosPage
} from '../../src/lib/figures/types';

/** Each measure's history in a slice, from the oracle's trend. */
async function oracleHistories(engine: SqlEngine, region: string | null, industry: string | null) {
	return historiesOf(await queryTrend(engine, { ...NO_FILTERS, region, industry }));
}

/** The scorecard from the oracle's histories and the 盟市目标 rows read by SQL. */
export async function oracleScorecard(engine: SqlEngine, f: DashboardFilters, year: number) {
	const rows = await engine.query<{ region: string; metric: string; year: number; target: number }>(
		'SELECT region_code AS region, metric, year::INTEGER AS year, target FROM region_targets'
	);
	const { targets, scope } = targetsFor(f, rows);
	return scorecardFrom(
		year,
		await oracleHistories(engine, f.region, f.industry),
		await oracleHistories(engine, null, null),
		targets,
		scope
	);
}

export async function overviewPage(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<OverviewPage | null> {
	const trend = await queryTrend(engine, f);
	const overview = await queryOverview(engine, f, trend);
	if (!overview) return null;
	return {
		overview,
		scorecard: await oracleScorecard(engine, f, overview.year),
		trend,
		regions: await queryRegions(engine, f, overview.year)
	};
}

export async function regionsPage(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<RegionsPage | null> {
	const overview = await queryOverview(engine, f);
	if (!overview) return null;
	return {
		overview,
		scorecard: await oracleScorecard(engine, f, overview.year),
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
		scorecard: await oracleScorecard(engine, f, overview.year),
		trend,
		industries: await queryIndustries(engine, f, overview.year),
		scenarios: await queryScenarioByTier(engine, f, overview.year)
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
