/**
 * Each dashboard page's charts, from its figures and filters: which builder draws each one,
 * with what, at what size (the heatmaps are tables: heatmap-table.ts). Bars and lines are models
 * Svelte draws as SVG (drawn.ts: BarChart, LineChart), server-rendered with the page; the map and
 * the heatmaps still drawn by ECharts are drawn to SVG at build time for the prerendered page, so
 * the first screen shows every chart before any script and with JavaScript off. Each is the same
 * object while its builder's inputs are equal (`ChartOptions`). Pure.
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
import { indicatorDistributionBars, maturityByTierOption } from './assessment';
import type { BarsModel, LineModel } from './drawn';
import { industryCoverageBars, industryTierMixBars } from './industries';
import { sameData } from './memo';
import { regionMapOption, regionRankingOption } from './regions';
import { scenarioShortfallBars } from './scenarios';
import { coverageTrendLines, trendPlanOf } from './trend';

/** What draws a chart: ECharts (an option), or Svelte (a model of bars or lines). */
interface Drawings {
	echarts: EChartsOption;
	bars: BarsModel;
	lines: LineModel;
}
export type ChartKind = keyof Drawings;

/** One chart: its builder and the builder's inputs, its height, and its width at 1366×768. */
export interface ChartSpec<K extends ChartKind = ChartKind> {
	kind: K;
	build: (...args: never[]) => Drawings[K];
	args: unknown[];
	height: number;
	/** The width (px) it is drawn at before the page can measure: its box on a 1366 px screen. */
	width: number;
}

/** Half of the dashboard's width at 1366 px (two charts side by side), and all of it. */
const HALF = 640;
const FULL = 1300;

function spec<K extends ChartKind, A extends unknown[]>(
	kind: K,
	build: (...args: A) => Drawings[K],
	args: A,
	width: number,
	height = 360
): ChartSpec<K> {
	return { kind, build: build as unknown as ChartSpec<K>['build'], args, width, height };
}

const chart = <A extends unknown[]>(
	b: (...args: A) => EChartsOption,
	a: A,
	w: number,
	h?: number
) => spec('echarts', b, a, w, h);
const bars = <A extends unknown[]>(b: (...args: A) => BarsModel, a: A, w: number, h?: number) =>
	spec('bars', b, a, w, h);
const lines = <A extends unknown[]>(b: (...args: A) => LineModel, a: A, w: number, h?: number) =>
	spec('lines', b, a, w, h);

/** What a spec describes: an ECharts option or a model. */
export function optionOf<K extends ChartKind>(spec: ChartSpec<K>): Drawings[K] {
	return (spec.build as (...args: unknown[]) => Drawings[K])(...spec.args);
}

/**
 * A page's options and models by chart name, each the same object as long as its builder's
 * inputs are equal: `Chart.svelte` then skips the redraw (a 盟市 filter leaves 总览's ranking as it
 * was), and Svelte's charts have nothing to update.
 */
export class ChartOptions {
	private last = new Map<string, { spec: ChartSpec; option: unknown }>();

	get<K extends ChartKind>(name: string, spec: ChartSpec<K>): Drawings[K] {
		const last = this.last.get(name);
		if (last && last.spec.build === spec.build && sameData(last.spec.args, spec.args)) {
			// The newest equal inputs are kept: a figure kept unchanged (figures/columns.ts) is then
			// the same object next time, and the comparison ends at once instead of walking it.
			last.spec = spec;
			return last.option as Drawings[K];
		}
		const option = optionOf(spec);
		this.last.set(name, { spec, option });
		return option;
	}
}

export function overviewCharts(page: OverviewPage, f: DashboardFilters) {
	const fromTier = coverageTierName(f);
	return {
		trend: lines(
			coverageTrendLines,
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
		mix: bars(industryTierMixBars, [page.industries], FULL, 420)
	};
}

export function regionDetailCharts(page: RegionDetailPage, f: DashboardFilters) {
	return {
		trend: lines(
			coverageTrendLines,
			[page.trend, trendPlanOf(page.scorecard, coverageTierName(f)), coverageTierName(f)],
			HALF
		),
		mix: bars(industryTierMixBars, [page.industries], HALF)
	};
}

export function industriesCharts(page: IndustriesPage, f: DashboardFilters) {
	const rated = page.industries.filter((r) => r.coverage.rate !== null).length;
	return {
		coverage: page.industryBaseline
			? bars(
					industryCoverageBars,
					[page.industries, coverageTierName(f), targets.coverage.rate],
					HALF,
					Math.max(360, 60 + 24 * rated)
				)
			: null,
		mix: bars(industryTierMixBars, [page.industries], HALF, 560)
	};
}

export function scenariosCharts(page: ScenariosPage) {
	return {
		shortfalls: bars(scenarioShortfallBars, [page.shortfalls], FULL)
	};
}

export function assessmentCharts(page: AssessmentPage) {
	return {
		levels: bars(indicatorDistributionBars, [page.levels], FULL, 420),
		maturity: chart(maturityByTierOption, [page.maturity], FULL)
	};
}
