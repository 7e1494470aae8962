/**
 * The report preview: the same report as the build publishes, sliced from the cube the pages
 * show (the user's imported data, or the build's without any), for any year and scope. Charts
 * are drawn to SVG in the page with the same builders; ECharts is loaded only when a report is
 * drawn. No DuckDB: the report is a slice of the cube like every other figure.
 */
import type { Cube } from '../../cube/cube';
import { reportChartOptions } from '../../charts/report';
import { computeReport, publishedYears } from '../../report/compute';
import type { DisclosureRule } from '../../report/disclosure';
import type { PublishedYear } from '../../report/model';
import type { AnnualReport } from '../../report/view';

export class ReportPreview {
	years: number[] = $state([]);
	year: number | null = $state(null);
	region: string | null = $state(null);
	report: AnnualReport | null = $state(null);
	charts: Record<string, string> = $state({});
	busy = $state(false);
	error: string | null = $state(null);
	private published: PublishedYear[] = [];
	private cube: Cube | null = null;
	private ticket = 0;

	constructor(private readonly rule: DisclosureRule) {}

	/** Recompute for a new cube, or for the year or scope the user picked. */
	async refresh(cube: Cube): Promise<void> {
		const ticket = ++this.ticket;
		this.busy = true;
		try {
			if (this.cube !== cube) {
				this.published = publishedYears(cube, this.rule);
				this.cube = cube;
				this.years = this.published.map((y) => y.year);
				if (this.year === null || !this.years.includes(this.year))
					this.year = this.years.at(-1) ?? null;
			}
			const report =
				this.year === null
					? null
					: computeReport(cube, this.published, this.year, this.region, this.rule, {
							source: cube.origin.data === 'user' ? 'browser' : cube.origin.data,
							asOf: cube.origin.asOf,
							files: cube.origin.files
						});
			const charts = report ? await drawCharts(report) : {};
			if (ticket !== this.ticket) return;
			this.charts = charts;
			this.report = report;
			this.error = null;
		} catch (error) {
			if (ticket === this.ticket)
				this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (ticket === this.ticket) this.busy = false;
		}
	}
}

async function drawCharts(report: AnnualReport): Promise<Record<string, string>> {
	const { renderChartSvg } = await import('../../charts/svg');
	return Object.fromEntries(
		reportChartOptions(report).map((c) => [c.name, renderChartSvg(c.option, c.width, c.height)])
	);
}
