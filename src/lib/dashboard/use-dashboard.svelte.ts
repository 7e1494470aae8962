/**
 * The wiring every dashboard page shares: filters read from and written to the URL (a link
 * reopens the same view, the back button works), the cube found on mount (cube-source), and the
 * page's figures sliced from it whenever the filters or the cube change — no query, no DuckDB.
 * Until the cube is there the prerendered figures show, for the page's own filters only, and
 * never while this browser keeps imported data.
 *
 * Filters picked in the bar are shown first and written to the URL right after the frame that
 * shows them: SvelteKit's navigation (the browser's `history.pushState` among it) costs ~5 ms
 * here, which a user would otherwise wait for before seeing the new figures.
 */
import { onMount } from 'svelte';
import { afterNavigate, beforeNavigate, goto } from '$app/navigation';
import { page } from '$app/state';
import { browser } from '$app/environment';
import type { Cube, CubeCore } from '../cube/cube';
import { cubeSource } from '../data/cube-source.svelte';
import { regions } from '../domain/catalogue';
import { filtersFromSearch, filtersToSearch, hasFilters, sameFilters } from './filters';
import { sharedFilters } from './shared-filters.svelte';
import { NO_FILTERS, type DashboardFilters } from '../figures/types';
import { PreparedSlices } from './prepared-slices';

/**
 * Where the figures shown come from: the page's prerendered ones (the build's data, for the
 * page's own filters), or a slice of the cube in this browser (the build's or the user's).
 */
export type FigureSource = 'prerendered' | 'live';

/**
 * How a page's figures are sliced: from the cube's core (总览, 盟市, 行业, 计划落实), or from the
 * whole cube, whose detail the page then asks for (场景, a 盟市's page, 能力评估). The type holds a
 * core page to the core's tables.
 */
export type PageSlicer<T> =
	| { core: (cube: CubeCore, filters: DashboardFilters) => T | null }
	| { whole: (cube: Cube, filters: DashboardFilters) => T | null };

/**
 * `initial` and `fixed` are read through functions because the page's data changes when the
 * user moves between pages of one route (one league-city to another) without a reload.
 */
/** What a dashboard page reads and calls (see DashboardFrame.svelte). */
export interface Board<T> {
	readonly filters: DashboardFilters;
	/** The figures to show (null: none yet for these filters). */
	readonly shown: T | null;
	/** Where they come from. */
	readonly source: FigureSource;
	/** The filters `shown` is for (what tests and the bench wait for). */
	readonly shownFilters: DashboardFilters;
	/** The cube (or the part the page slices) could not be fetched: no filtered figures. */
	readonly unavailable: boolean;
	setFilters(next: DashboardFilters): void;
	/** Filter by a 盟市 from its full or short name (a click on the map or a ranking bar). */
	selectRegion(name: string): void;
	/** Slice the figures for these filters while the browser is idle (the picks one away). */
	prepare(picks: readonly DashboardFilters[]): void;
}

export function useDashboard<T>(
	initial: () => T | null,
	slicer: PageSlicer<T>,
	fixed: () => Partial<DashboardFilters> = () => ({})
): Board<T> {
	/**
	 * Until mounted, the page shows what was prerendered (hydration finds the same markup), but
	 * for figures of the build's data while this browser keeps imported data (see `shown`).
	 */
	let mounted = $state(false);
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

	/** The cube (or its core) the page slices. */
	const pageCube = (): object | null => ('whole' in slicer ? cubeSource.cube : cubeSource.core);
	/** Its slices: the ones shown, and those one pick away, made while the browser is idle. */
	const prepared = new PreparedSlices<object, T>((cube, f) =>
		'whole' in slicer ? slicer.whole(cube as Cube, f) : slicer.core(cube as CubeCore, f)
	);

	onMount(() => {
		mounted = true;
		void cubeSource.start();
		if ('whole' in slicer) cubeSource.needDetail();
		return () => prepared.stop();
	});

	// The next dashboard page the user opens keeps these filters (the page's fixed 盟市 among them).
	$effect(() => {
		sharedFilters.search = filtersToSearch(filters);
	});

	/** The cube's slice for the filters: computed once per cube and filters, or ahead of time. */
	const sliced = $derived.by(() => {
		if (!mounted) return null;
		const cube = pageCube();
		return cube && prepared.get(cube, filters);
	});
	const source: FigureSource = $derived(sliced ? 'live' : 'prerendered');
	const shown = $derived.by(() => {
		if (sliced) return sliced;
		// The build's data is not shown while imported data is kept here: its prerendered figures
		// (hidden by app.html's rule) are not even hydrated — their markup is dropped, and the
		// page does not build and tear down components it never shows before the user's.
		if (cubeSource.local) return null;
		if (!mounted) return initial();
		// Prerendered figures are for the page's fixed filters and no others.
		if (hasFilters(unfixed(filters))) return null;
		return initial();
	});

	const board: Board<T> = {
		get filters() {
			return filters;
		},
		get shown(): T | null {
			return shown;
		},
		get source() {
			return source;
		},
		get shownFilters() {
			return source === 'live' ? filters : NO_FILTERS;
		},
		get unavailable() {
			return (
				cubeSource.status === 'unavailable' || ('whole' in slicer && cubeSource.detailUnavailable)
			);
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
		},
		prepare(picks: readonly DashboardFilters[]) {
			const cube = pageCube();
			if (cube && sliced) prepared.prepare(cube, filters, picks);
		}
	};
	return board;
}

/** Runs `task` once the browser has shown the next frame (a task queued from its animation frame). */
function afterNextFrame(task: () => void): void {
	requestAnimationFrame(() => setTimeout(task, 0));
}
