/**
 * The live dashboard pages: each page's figures as its function in pages.ts computes them in
 * SQL (at build time, for the prerendered first paint), but sliced from aggregates DuckDB makes
 * once per load (cube.ts, detail-cube.ts), so a filter change costs no query (计划落实: one per
 * year, its figures depend on nothing else but the 盟市 of its list).
 * tests/unit/cube.test.ts holds every page here equal to its SQL counterpart.
 */
import type { SqlEngine } from '../db/engine';
import { industriesFromCube, loadCube, overviewFromCube, type Cube } from './cube';
import {
	indicatorLevelsFromCube,
	indicatorMeansFromCube,
	loadAssessmentCube,
	loadScenarioCube,
	maturityByTierFromCube,
	scenarioByRegionFromCube,
	scenarioByTierFromCube,
	scenarioShortfallsFromCube,
	type AssessmentCube,
	type ScenarioCube
} from './detail-cube';
import type {
	AssessmentPage,
	IndustriesPage,
	OverviewPage,
	PlanPage,
	RegionDetailPage,
	RegionsPage,
	ScenariosPage
} from './pages';
import { oncePerLoad } from './per-load';
import {
	queryNationalPipeline,
	queryPriorTitleEnterprises,
	queryPriorTitles,
	queryRegionTargets,
	type RegionTargetRow
} from './queries-plan';
import type { DashboardFilters } from './types';

/** The engine's cube, made on first use after each load. */
function cubeOf(engine: SqlEngine): Promise<Cube> {
	return oncePerLoad(engine, 'cube', () => loadCube(engine));
}

/** The year's scenario and assessment aggregates, each made on first use after each load. */
function scenarioCubeOf(engine: SqlEngine, year: number): Promise<ScenarioCube> {
	return oncePerLoad(engine, `scenario cube ${year}`, () => loadScenarioCube(engine, year));
}

function assessmentCubeOf(engine: SqlEngine, year: number): Promise<AssessmentCube> {
	return oncePerLoad(engine, `assessment cube ${year}`, () => loadAssessmentCube(engine, year));
}

/** 盟市目标 progress in the year: a query, but one per year and load. */
function regionTargetsOf(engine: SqlEngine, year: number): Promise<RegionTargetRow[]> {
	return oncePerLoad(engine, `region-targets ${year}`, () => queryRegionTargets(engine, year));
}

/** 总览 for the filters from the engine's cube: the live page's filter changes cost no query. */
export async function overviewPageFromCube(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<OverviewPage | null> {
	return overviewFromCube(await cubeOf(engine), f);
}

/** 盟市 as `regionsPage` gives it, from the cube (and the year's 盟市目标, asked once). */
export async function regionsPageFromCube(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<RegionsPage | null> {
	const cube = await cubeOf(engine);
	const page = overviewFromCube(cube, f);
	if (!page) return null;
	const year = page.overview.year;
	return {
		overview: page.overview,
		regions: page.regions,
		industries: industriesFromCube(cube, f, year),
		regionTargets: await regionTargetsOf(engine, year)
	};
}

/** 行业 as `industriesPage` gives it, from the cube. */
export async function industriesPageFromCube(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<IndustriesPage | null> {
	const cube = await cubeOf(engine);
	const page = overviewFromCube(cube, f);
	if (!page) return null;
	const industries = industriesFromCube(cube, f, page.overview.year);
	return {
		overview: page.overview,
		industries,
		industryBaseline: industries.some((row) => row.coverage.denominator !== null)
	};
}

/** One 盟市's page as `regionDetailPage` gives it. */
export async function regionDetailPageFromCube(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<RegionDetailPage | null> {
	const cube = await cubeOf(engine);
	const page = overviewFromCube(cube, f);
	if (!page) return null;
	const year = page.overview.year;
	return {
		overview: page.overview,
		trend: page.trend,
		industries: industriesFromCube(cube, f, year),
		scenarios: scenarioByTierFromCube(await scenarioCubeOf(engine, year), f, year),
		regionTargets: await regionTargetsOf(engine, year)
	};
}

/** 场景 as `scenariosPage` gives it. */
export async function scenariosPageFromCube(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<ScenariosPage | null> {
	const overview = overviewFromCube(await cubeOf(engine), f)?.overview;
	if (!overview) return null;
	const cube = await scenarioCubeOf(engine, overview.year);
	return {
		overview,
		byRegion: scenarioByRegionFromCube(cube, f, overview.year),
		byTier: scenarioByTierFromCube(cube, f, overview.year),
		shortfalls: scenarioShortfallsFromCube(cube, f, overview.year)
	};
}

/** 能力评估 as `assessmentPage` gives it. */
export async function assessmentPageFromCube(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<AssessmentPage | null> {
	const overview = overviewFromCube(await cubeOf(engine), f)?.overview;
	if (!overview) return null;
	const cube = await assessmentCubeOf(engine, overview.year);
	return {
		overview,
		levels: indicatorLevelsFromCube(cube, f, overview.year),
		meansByRegion: indicatorMeansFromCube(cube, f, overview.year, 'region'),
		meansByTier: indicatorMeansFromCube(cube, f, overview.year, 'tier'),
		maturity: maturityByTierFromCube(cube, f, overview.year)
	};
}

/** 计划落实 as `planPage` gives it: the year's lists asked once per load, the 盟市 picked here. */
export async function planPageFromCube(
	engine: SqlEngine,
	f: DashboardFilters
): Promise<PlanPage | null> {
	const overview = overviewFromCube(await cubeOf(engine), f)?.overview;
	if (!overview) return null;
	const year = overview.year;
	const enterprises = await oncePerLoad(engine, `prior-title enterprises ${year}`, () =>
		queryPriorTitleEnterprises(engine, year, null)
	);
	return {
		overview,
		priorTitles: await oncePerLoad(engine, `prior titles ${year}`, () =>
			queryPriorTitles(engine, year)
		),
		// In the query's order (盟市, then 企业编码): picking one 盟市 keeps it.
		priorTitleEnterprises:
			f.region === null ? enterprises : enterprises.filter((e) => e.regionCode === f.region),
		regionTargets: await regionTargetsOf(engine, year),
		pipeline: await oncePerLoad(engine, 'national pipeline', () => queryNationalPipeline(engine))
	};
}
