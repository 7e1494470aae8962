/**
 * The report preview: the same report as the build publishes, computed from the data loaded
 * in this browser (the DuckDB of the 数据 page), for any year and scope. Charts are drawn to
 * SVG in the page with the same builders; ECharts is loaded only when a report is drawn.
 */
import { dataset } from '../../data/dataset.svelte';
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
	private version = -1;
	private ticket = 0;

	constructor(private readonly rule: DisclosureRule) {}

	/** Recompute when the data changed or the user picked another year or scope. */
	async refresh(): Promise<void> {
		const engine = dataset.engine;
		if (dataset.phase !== 'ready' || !engine) return;
		const ticket = ++this.ticket;
		this.busy = true;
		try {
			if (this.version !== dataset.version) {
				this.published = await publishedYears(engine, this.rule);
				this.version = dataset.version;
				this.years = this.published.map((y) => y.year);
				if (this.year === null || !this.years.includes(this.year))
					this.year = this.years.at(-1) ?? null;
			}
			if (this.year === null) {
				this.report = null;
				return;
			}
			const report = await computeReport(
				engine,
				this.published,
				this.year,
				this.region,
				this.rule,
				{
					source: 'browser',
					asOf: new Date(Date.now()).toISOString(), // eslint-disable-line svelte/prefer-svelte-reactivity -- a one-off timestamp, not state
					files: dataset.reports.map((r) => r.file)
				}
			);
			const { renderChartSvg } = await import('../../charts/svg');
			if (ticket !== this.ticket) return;
			this.charts = report
				? Object.fromEntries(
						reportChartOptions(report).map((c) => [
							c.name,
							renderChartSvg(c.option, c.width, c.height)
						])
					)
				: {};
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
