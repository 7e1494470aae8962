/**
 * The annual report's charts, from its published figures only (hidden counts and rates never
 * reach a chart): the coverage trend (a model Svelte draws, as on the dashboard), the 盟市 ranking
 * and the scenario heatmap (ECharts options drawn to SVG), built by the dashboard's builders. Pure.
 */
import type { EChartsOption } from 'echarts';
import type { RegionRow, TrendPoint } from '../figures/types';
import { targets, tiers } from '../domain/catalogue';
import { shownRate } from '../report/model';
import type { AnnualReport } from '../report/view';
import { regionRankingOption } from './regions';
import { scenarioHeatmapOption } from './scenarios';
import type { LineModel } from './drawn';
import { coverageTrendLines, planTrendOf } from './trend';

const NO_TIERS = { basic: 0, advanced: 0, excellent: 0, leading: 0 };

/** The published rate of each year as a trend point (its counts are not on the chart). */
function trendPoints(report: AnnualReport): TrendPoint[] {
	return report.trend.map((p) => ({
		year: p.year,
		coverage: { numerator: 0, denominator: null, rate: p.rate },
		tiers: NO_TIERS,
		basicStarts: { declared: 0, awarded: 0 }
	}));
}

export const TIER_COLUMNS = tiers.map((t) => ({ key: String(t.rank), label: `${t.name}及以上` }));

/** The report's coverage trend, printed at 680 × 300 px (AnnualReport.svelte draws it). */
export const REPORT_TREND_SIZE = { width: 680, height: 300 };

/** The report's coverage trend: the published rates, against the plan's path region-wide. */
export function reportTrendLines(report: AnnualReport): LineModel {
	// A 盟市's report is not read against the region's target (issue #21).
	const plan = report.region === null ? planTrendOf(report.trend, report.year) : null;
	return coverageTrendLines(trendPoints(report), plan);
}

/** The report's other charts' options by name, with the size each is printed at (px at 96 dpi). */
export function reportChartOptions(
	report: AnnualReport
): { name: string; option: EChartsOption; width: number; height: number }[] {
	const charts = [];
	if (report.region === null) {
		const rows: RegionRow[] = report.regionRows.map((row) => ({
			code: row.code,
			name: row.name,
			shortName: row.shortName,
			coverage: { numerator: 0, denominator: row.denominator, rate: shownRate(row.rate) },
			tiers: NO_TIERS,
			basicStarts: { declared: 0, awarded: 0 },
			declarations: 0,
			rejected: 0,
			flagged: 0
		}));
		const ranking = regionRankingOption(rows, targets.coverage.rate);
		charts.push({
			name: 'ranking',
			option: { ...ranking, tooltip: undefined },
			width: 680,
			height: 420
		});
	}
	const heatmap = scenarioHeatmapOption(report.scenarios, TIER_COLUMNS, 'tier');
	charts.push({
		name: 'heatmap',
		option: { ...heatmap, tooltip: undefined },
		width: 680,
		height: 860
	});
	return charts;
}
