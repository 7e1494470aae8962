/**
 * The wiring every dashboard page shares: filters read from and written to the URL (a link
 * reopens the same view, the back button works), the dataset started on mount, and the page's
 * figures recomputed in DuckDB whenever the filters or the loaded data change.
 *
 * Filters picked in the bar are shown first and written to the URL right after the frame that
 * shows them: SvelteKit's navigation (the browser's `history.pushState` among it) costs ~5 ms
 * here, which a user would otherwise wait for before seeing the new figures.
 */
import { onMount } from 'svelte';
import { afterNavigate, beforeNavigate, goto } from '$app/navigation';
import { page } from '$app/state';
import { browser } from '$app/environment';
import { dataset } from '../data/dataset.svelte';
import { regions } from '../domain/catalogue';
import type { SqlEngine } from '../db/engine';
import { filtersFromSearch, filtersToSearch, sameFilters } from './filters';
import { LivePage } from './live.svelte';
import { NO_FILTERS, type DashboardFilters } from './types';

/**
 * `initial` and `fixed` are read through functions because the page's data changes when the
 * user moves between pages of one route (one league-city to another) without a reload.
 */
/** What a dashboard page reads and calls (see DashboardFrame.svelte). */
export interface Board<T> {
	live: LivePage<T>;
	readonly filters: DashboardFilters;
	/** The figures to show: live ones, or prerendered ones while they still fit the filters. */
	readonly shown: T | null;
	setFilters(next: DashboardFilters): void;
	/** Filter by a 盟市 from its full or short name (a click on the map or a ranking bar). */
	selectRegion(name: string): void;
}

export function useDashboard<T>(
	initial: () => T | null,
	compute: (engine: SqlEngine, filters: DashboardFilters) => Promise<T | null>,
	fixed: () => Partial<DashboardFilters> = () => ({})
): Board<T> {
	const live = new LivePage(initial(), compute);
	/** The filters the user can change: the page's fixed ones (a 盟市 page's region) as none. */
	const unfixed = (f: DashboardFilters): DashboardFilters => ({
		...f,
		...Object.fromEntries(Object.keys(fixed()).map((k) => [k, null]))
	});
	/** Filters picked in the bar and shown, whose URL is not written yet (see above). */
	let picked: DashboardFilters | null = $state.raw(null);
	/** The pick whose URL is still to be written: none once another navigation has begun. */
	let toWrite: DashboardFilters | null = null;
	/** The URL being written for a pick (its own navigation, which must not cancel it). */
	let writing: string | null = null;
	/** The filters last given out: the same object while their values stay the same. */
	let given: DashboardFilters = NO_FILTERS;
	// Prerendering has no query string: the prerendered figures are for no filters.
	const filters = $derived.by<DashboardFilters>(() => {
		const next = {
			...(picked ?? (browser ? filtersFromSearch(page.url.searchParams) : NO_FILTERS)),
			...fixed()
		};
		// Once the URL catches up with a pick, the figures are not computed again.
		if (!sameFilters(next, given)) given = next;
		return given;
	});

	// Any other navigation before the URL was written (back, forward, a link, another goto) wins:
	// the pick's URL is not written after it, and once it has landed its URL's filters apply (the
	// pick stays shown until then, so nothing is computed for the filters being left).
	const ours = (to: { url: URL } | null) => writing !== null && to?.url.href === writing;
	beforeNavigate(({ to }) => {
		if (!ours(to)) toWrite = null;
	});
	afterNavigate(({ to }) => {
		if (!ours(to)) picked = null;
	});

	$effect.pre(() => {
		live.reset(initial());
	});

	onMount(() => {
		dataset.init();
	});

	$effect(() => {
		const current = filters;
		if (dataset.phase === 'ready' && dataset.engine && dataset.version > 0) {
			live.refresh(dataset.engine, current);
		}
	});

	const board: Board<T> = {
		live,
		get filters() {
			return filters;
		},
		/** The figures to show: live ones, or prerendered ones while they still fit the filters. */
		get shown(): T | null {
			// Prerendered figures are for the page's fixed filters and no others.
			return live.shown(unfixed(filters));
		},
		setFilters(next: DashboardFilters) {
			const pick = unfixed(next);
			// The current page's own pathname, which already carries the base path.
			const path = page.url.pathname;
			const url = `${path}${filtersToSearch(pick)}`;
			if (url === `${path}${page.url.search}` && !picked) return; // already shown and in the URL
			picked = pick;
			toWrite = pick;
			afterNextFrame(() => {
				// A newer pick, another navigation, or another page by now: not written.
				if (toWrite !== pick || page.url.pathname !== path) return;
				toWrite = null;
				if (url === `${path}${page.url.search}`) {
					picked = null; // back to the URL's own filters (A → B → A within a frame)
					return;
				}
				writing = `${location.origin}${url}`;
				// eslint-disable-next-line svelte/no-navigation-without-resolve
				goto(url, { keepFocus: true, noScroll: true }).finally(() => {
					writing = null;
					if (picked === pick) picked = null;
				});
			});
		},
		selectRegion(name: string) {
			const region = regions.find((r) => r.name === name || r.shortName === name);
			if (region) board.setFilters({ ...filters, region: region.code });
		}
	};
	return board;
}

/** Runs `task` once the browser has shown the next frame (a task queued from its animation frame). */
function afterNextFrame(task: () => void): void {
	requestAnimationFrame(() => setTimeout(task, 0));
}
