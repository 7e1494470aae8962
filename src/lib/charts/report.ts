/**
 * The annual report's charts, from its published figures only (hidden counts and rates never
 * reach a chart): the coverage trend, the 盟市 ranking and the scenario heatmap, built by the
 * dashboard's option builders. Pure.
 */
import type { EChartsOption } from 'echarts';
import type { RegionRow, TrendPoint } from '../figures/types';
import { targets, tiers } from '../domain/catalogue';
import { shownRate } from '../report/model';
import type { AnnualReport } from '../report/view';
import { regionRankingOption } from './regions';
import { scenarioHeatmapOption } from './scenarios';
import { coverageTrendOption, planTrendOf } from './trend';

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

/** Chart options of a report by name, with the size each is printed at (px at 96 dpi). */
export function reportChartOptions(
	report: AnnualReport
): { name: string; option: EChartsOption; width: number; height: number }[] {
	// A 盟市's report is not read against the region's target (issue #21).
	const plan = report.region === null ? planTrendOf(report.trend, report.year) : null;
	const trend = coverageTrendOption(trendPoints(report), plan);
	// The trend's tooltip quotes counts; the printed SVG has no tooltip, and the points carry none.
	const charts = [
		{ name: 'trend', option: { ...trend, tooltip: undefined }, width: 680, height: 300 }
	];
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
