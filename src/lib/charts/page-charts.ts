/**
 * Each dashboard page's charts, from its figures and filters: which builder draws each one,
 * with what, at what size (the heatmaps are tables: heatmap-table.ts). The page draws them with ECharts (memoised on the builder's inputs,
 * `ChartOptions`); the build draws the same ones to SVG for the prerendered page, so the first
 * screen shows them before any script and with JavaScript off. Pure.
 */
import type { EChartsOption } from 'echarts';
import { coverageTierName } from '../dashboard/filters';
import { targets } from '../domain/catalogue';
import type {
	AssessmentPage,
	DashboardFilters,
	IndustriesPage,
	OverviewPage,
	RegionDetailPage,
	RegionsPage,
	ScenariosPage
} from '../figures/types';
import { indicatorDistributionOption, maturityByTierOption } from './assessment';
import { industryCoverageOption, industryTierMixOption } from './industries';
import { sameData } from './memo';
import { regionMapOption, regionRankingOption } from './regions';
import { scenarioShortfallOption } from './scenarios';
import { coverageTrendOption, trendPlanOf } from './trend';

/** One chart: its builder and the builder's inputs, its height, and its width at 1366×768. */
export interface ChartSpec {
	build: (...args: never[]) => EChartsOption;
	args: unknown[];
	height: number;
	/** The width (px) the prerendered SVG is drawn at: the chart's box on a 1366 px screen. */
	width: number;
}

/** Half of the dashboard's width at 1366 px (two charts side by side), and all of it. */
const HALF = 640;
const FULL = 1300;

function chart<A extends unknown[]>(
	build: (...args: A) => EChartsOption,
	args: A,
	width: number,
	height = 360
): ChartSpec {
	return { build: build as unknown as ChartSpec['build'], args, width, height };
}

/** The option a spec describes. */
export function optionOf(spec: ChartSpec): EChartsOption {
	return (spec.build as (...args: unknown[]) => EChartsOption)(...spec.args);
}

/**
 * A page's options by chart name, each the same object as long as its builder's inputs are
 * equal: `Chart.svelte` then skips the redraw (a 盟市 filter leaves 总览's ranking as it was).
 */
export class ChartOptions {
	private last = new Map<string, { spec: ChartSpec; option: EChartsOption }>();

	get(name: string, spec: ChartSpec): EChartsOption {
		const last = this.last.get(name);
		if (last && last.spec.build === spec.build && sameData(last.spec.args, spec.args))
			return last.option;
		const option = optionOf(spec);
		this.last.set(name, { spec, option });
		return option;
	}
}

export function overviewCharts(page: OverviewPage, f: DashboardFilters) {
	const fromTier = coverageTierName(f);
	return {
		trend: chart(
			coverageTrendOption,
			[page.trend, trendPlanOf(page.scorecard, fromTier), fromTier],
			HALF
		),
		ranking: chart(regionRankingOption, [page.regions, targets.coverage.rate, fromTier], HALF)
	};
}

export function regionsCharts(page: RegionsPage, f: DashboardFilters) {
	const fromTier = coverageTierName(f);
	return {
		map: chart(regionMapOption, [page.regions, 'neimenggu', fromTier], HALF, 420),
		ranking: chart(regionRankingOption, [page.regions, targets.coverage.rate, fromTier], HALF, 420),
		mix: chart(industryTierMixOption, [page.industries], FULL, 420)
	};
}

export function regionDetailCharts(page: RegionDetailPage, f: DashboardFilters) {
	return {
		trend: chart(
			coverageTrendOption,
			[page.trend, trendPlanOf(page.scorecard, coverageTierName(f)), coverageTierName(f)],
			HALF
		),
		mix: chart(industryTierMixOption, [page.industries], HALF)
	};
}

export function industriesCharts(page: IndustriesPage, f: DashboardFilters) {
	const rated = page.industries.filter((r) => r.coverage.rate !== null).length;
	return {
		coverage: page.industryBaseline
			? chart(
					industryCoverageOption,
					[page.industries, coverageTierName(f), targets.coverage.rate],
					HALF,
					Math.max(360, 60 + 24 * rated)
				)
			: null,
		mix: chart(industryTierMixOption, [page.industries], HALF, 560)
	};
}

export function scenariosCharts(page: ScenariosPage) {
	return {
		shortfalls: chart(scenarioShortfallOption, [page.shortfalls], FULL)
	};
}

export function assessmentCharts(page: AssessmentPage) {
	return {
		levels: chart(indicatorDistributionOption, [page.levels], FULL, 420),
		maturity: chart(maturityByTierOption, [page.maturity], FULL)
	};
}
