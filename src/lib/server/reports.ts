/**
 * The published annual reports of the build's data: disclosure rule from
 * `DISCLOSURE_MIN_COUNT` (k = 3 by default), every year published once per build, charts drawn
 * to SVG here so the pages need no script.
 */
import { reportChartOptions } from '../charts/report';
import { renderChartSvg } from '../charts/svg';
import { disclosureRuleFrom } from '../report/disclosure';
import { computeReport, publishedYears } from '../report/compute';
import type { PublishedYear } from '../report/model';
import type { AnnualReport } from '../report/view';
import { buildData } from './build-data';

export interface ReportPageData {
	report: AnnualReport;
	/** SVG text per chart name (trend, ranking, heatmap). */
	charts: Record<string, string>;
}

let years: Promise<PublishedYear[]> | null = null;

export const buildRule = () => disclosureRuleFrom(process.env.DISCLOSURE_MIN_COUNT);

/** The years of the build's data, published. */
export async function buildReportYears(): Promise<PublishedYear[]> {
	years ??= buildData().then((data) => publishedYears(data.cube, buildRule()));
	return years;
}

/** A report page of the build's data with its charts as SVG; null when the year is not in the data. */
export async function buildReportPage(
	year: number,
	region: string | null
): Promise<ReportPageData | null> {
	const data = await buildData();
	const report = computeReport(data.cube, await buildReportYears(), year, region, buildRule(), {
		source: data.source,
		asOf: data.builtAt,
		files: data.files
	});
	if (!report) return null;
	const charts = Object.fromEntries(
		reportChartOptions(report).map((c) => [c.name, renderChartSvg(c.option, c.width, c.height)])
	);
	return { report, charts };
}
