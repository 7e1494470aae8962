/**
 * Each dashboard page's figures for its filters, as slices of the cube: the same function
 * prerenders the page at build time (no filters, the build's cube) and recomputes it in the
 * browser on every filter change (the build's cube or the user's), with no query. Pure.
 * tests/unit/cube.test.ts holds each equal to the SQL of tests/oracle/ on many filters.
 */
import type { Cube, CubeCore } from '../cube/cube';
import { indicatorLevelsOf, indicatorMeansOf, maturityByTierOf } from './assessment';
import { industryRowsOf, overviewOf, regionRowsOf, trendOf } from './coverage';
import { pipelineOf, priorTitleEnterprisesOf, priorTitlesOf, regionTargetsOf } from './plan';
import { scenarioByRegionOf, scenarioByTierOf, scenarioShortfallsOf } from './scenarios';
import { scorecardOf } from './scorecard';
import type {
	AssessmentPage,
	DashboardFilters,
	IndustriesPage,
	OverviewPage,
	PlanPage,
	RegionDetailPage,
	RegionsPage,
	ScenariosPage
} from './types';

/** 总览: headline, trend, every 盟市. */
export function overviewPage(cube: CubeCore, f: DashboardFilters): OverviewPage | null {
	const trend = trendOf(cube, f);
	const overview = overviewOf(cube, f, trend);
	if (!overview) return null;
	return {
		overview,
		scorecard: scorecardOf(cube, f)!,
		trend,
		regions: regionRowsOf(cube, f, overview.year)
	};
}

/** 盟市: the map and ranking of every 盟市, the selected slice by industry, the 盟市目标. */
export function regionsPage(cube: CubeCore, f: DashboardFilters): RegionsPage | null {
	const overview = overviewOf(cube, f);
	if (!overview) return null;
	return {
		overview,
		scorecard: scorecardOf(cube, f)!,
		regions: regionRowsOf(cube, f, overview.year),
		industries: industryRowsOf(cube, f, overview.year),
		regionTargets: regionTargetsOf(cube, overview.year)
	};
}

/** One 盟市's page (the filters carry its region). */
export function regionDetailPage(cube: Cube, f: DashboardFilters): RegionDetailPage | null {
	const trend = trendOf(cube, f);
	const overview = overviewOf(cube, f, trend);
	if (!overview) return null;
	return {
		overview,
		scorecard: scorecardOf(cube, f)!,
		trend,
		industries: industryRowsOf(cube, f, overview.year),
		scenarios: scenarioByTierOf(cube, f, overview.year)
	};
}

/** 行业: every 大类's coverage and tiers. */
export function industriesPage(cube: CubeCore, f: DashboardFilters): IndustriesPage | null {
	const overview = overviewOf(cube, f);
	if (!overview) return null;
	const industries = industryRowsOf(cube, f, overview.year);
	return {
		overview,
		industries,
		industryBaseline: industries.some((row) => row.coverage.denominator !== null)
	};
}

/** 场景: the heatmaps by tier and by 盟市, the scenarios declared above 附件4. */
export function scenariosPage(cube: Cube, f: DashboardFilters): ScenariosPage | null {
	const overview = overviewOf(cube, f);
	if (!overview) return null;
	return {
		overview,
		byRegion: scenarioByRegionOf(cube, f, overview.year),
		byTier: scenarioByTierOf(cube, f, overview.year),
		shortfalls: scenarioShortfallsOf(cube, f, overview.year)
	};
}

/** 能力评估: the 附件3 levels, their means by 盟市 and by tier, maturity against tier. */
export function assessmentPage(cube: Cube, f: DashboardFilters): AssessmentPage | null {
	const overview = overviewOf(cube, f);
	if (!overview) return null;
	return {
		overview,
		levels: indicatorLevelsOf(cube, f, overview.year),
		meansByRegion: indicatorMeansOf(cube, f, overview.year, 'region'),
		meansByTier: indicatorMeansOf(cube, f, overview.year, 'tier'),
		maturity: maturityByTierOf(cube, f, overview.year)
	};
}

/** 计划落实: prior titles, 盟市 own targets and the pipeline of the year (盟市 filter on the list). */
export function planPage(cube: CubeCore, f: DashboardFilters): PlanPage | null {
	const overview = overviewOf(cube, f);
	if (!overview) return null;
	return {
		overview,
		priorTitles: priorTitlesOf(cube, overview.year),
		priorTitleEnterprises: priorTitleEnterprisesOf(cube, overview.year, f.region),
		regionTargets: regionTargetsOf(cube, overview.year),
		pipeline: pipelineOf(cube)
	};
}
