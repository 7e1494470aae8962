/**
 * A dashboard page's figures: the prerendered ones first (computed at build time, shown before
 * DuckDB has loaded), then live ones from the page's DuckDB for the current filters and data.
 * Browser only for `refresh`; the constructor runs during prerendering too.
 */
import { hasFilters } from './filters';
import type { SqlEngine } from '../db/engine';
import { NO_FILTERS, type DashboardFilters } from './types';

export type FigureSource = 'prerendered' | 'live';

export class LivePage<T> {
	/**
	 * Replaced whole on each refresh, never changed in place: raw, so reading the figures (cards,
	 * charts, the option memos' comparisons) does not go through deep reactive proxies.
	 */
	value: T | null = $state.raw(null);
	source: FigureSource = $state('prerendered');
	/** The filters `value` is for (NO_FILTERS for prerendered figures: for the page's own only). */
	valueFilters: DashboardFilters = $state.raw(NO_FILTERS);
	/** A live query is running (the figures shown may be for earlier filters). */
	busy = $state(false);
	error: string | null = $state(null);
	private ticket = 0;
	private initialValue: T | null = null;

	constructor(
		initial: T | null,
		private readonly compute: (engine: SqlEngine, filters: DashboardFilters) => Promise<T | null>
	) {
		this.value = initial;
		this.initialValue = initial;
	}

	/** Back to a page's prerendered figures (a different page of the same route). */
	reset(initial: T | null): void {
		if (initial === this.initialValue) return;
		this.initialValue = initial;
		this.ticket += 1;
		this.value = initial;
		this.valueFilters = NO_FILTERS;
		this.source = 'prerendered';
		this.busy = false;
	}

	/** Prerendered figures are for no filters: with filters set, they must not be shown. */
	shown(filters: DashboardFilters): T | null {
		return this.source === 'prerendered' && hasFilters(filters) ? null : this.value;
	}

	async refresh(engine: SqlEngine, filters: DashboardFilters): Promise<void> {
		const ticket = ++this.ticket;
		this.busy = true;
		try {
			const value = await this.compute(engine, filters);
			if (ticket !== this.ticket) return; // a newer refresh has started
			this.value = value;
			this.valueFilters = filters;
			this.source = 'live';
			this.error = null;
		} catch (error) {
			if (ticket === this.ticket)
				this.error = error instanceof Error ? error.message : String(error);
		} finally {
			if (ticket === this.ticket) this.busy = false;
		}
	}
}
