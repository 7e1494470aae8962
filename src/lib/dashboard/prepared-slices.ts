/**
 * A page's slices of the cube by filters: the ones shown, and those one pick away in the filter
 * bar, sliced ahead while the browser is idle. A pick then shows figures already sliced instead
 * of slicing them on its path (1–4 ms a page in Chromium on this host for a filter seen first:
 * the slicing code runs cold there, 0.1–0.8 ms warm in Node). No DOM: the idle scheduler is given.
 */
import type { DashboardFilters } from '../figures/types';

/** Runs `work` when the browser is idle; returns a function that cancels it. */
export type IdleScheduler = (work: (deadline: IdleDeadline) => void) => () => void;

/** The browser's idle callbacks (a timer where there are none). */
export const whenIdle: IdleScheduler = (work) => {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback(work);
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(() => work({ didTimeout: false, timeRemaining: () => 8 }), 50);
	return () => clearTimeout(id);
};

/**
 * Slicing ahead stops for the idle period once less than this is left of it, or once it has
 * taken this long (ms): a slice seen first takes a few ms, and a pick that comes meanwhile
 * waits for the slice under way.
 */
const IDLE_SLICING_MS = 4;

/** One key per set of filter values. */
export function filtersKey(f: DashboardFilters): string {
	return `${f.year}|${f.region}|${f.industry}|${f.tier}|${f.status}`;
}

export class PreparedSlices<C extends object, T> {
	/** The cube the slices are of: another cube (an import, a reload of the detail) drops them. */
	private cube: C | null = null;
	private slices = new Map<string, T | null>();
	/** The filters still to slice ahead, the first first. */
	private queue: DashboardFilters[] = [];
	/** The picks last asked for, not yet queued (and the filters shown then). */
	private wanted: { shown: DashboardFilters; picks: readonly DashboardFilters[] } | null = null;
	private cancel: (() => void) | null = null;

	constructor(
		private readonly slice: (cube: C, filters: DashboardFilters) => T | null,
		private readonly idle: IdleScheduler = whenIdle
	) {}

	/** The slice for the filters: the one sliced ahead, or sliced now. */
	get(cube: C, filters: DashboardFilters): T | null {
		this.use(cube);
		const key = filtersKey(filters);
		if (this.slices.has(key)) return this.slices.get(key) as T | null;
		const slice = this.slice(cube, filters);
		this.slices.set(key, slice);
		return slice;
	}

	/**
	 * Slice `picks` ahead while the browser is idle, in their order, in place of any picks still
	 * waiting; only the slices for `picks` and `shown` are kept. Called on a pick's path, so it
	 * only notes them: the rest is done when idle.
	 */
	prepare(cube: C, shown: DashboardFilters, picks: readonly DashboardFilters[]): void {
		this.use(cube);
		this.wanted = { shown, picks };
		this.schedule();
	}

	/** No more slicing ahead (the page is left). */
	stop(): void {
		this.queue = [];
		this.wanted = null;
		this.cancel?.();
		this.cancel = null;
	}

	/** How many slices are kept (for tests). */
	get size(): number {
		return this.slices.size;
	}

	private use(cube: C): void {
		if (cube === this.cube) return;
		this.cube = cube;
		this.slices.clear();
		this.queue = [];
		this.wanted = null;
	}

	/** The picks asked for become the queue; slices neither shown nor one pick away go. */
	private takeWanted(): void {
		if (!this.wanted) return;
		const { shown, picks } = this.wanted;
		this.wanted = null;
		const keep = new Set([shown, ...picks].map(filtersKey));
		for (const key of this.slices.keys()) if (!keep.has(key)) this.slices.delete(key);
		this.queue = picks.filter((f) => !this.slices.has(filtersKey(f)));
	}

	private schedule(): void {
		if (this.cancel || (this.queue.length === 0 && !this.wanted)) return;
		this.cancel = this.idle((deadline) => {
			this.cancel = null;
			this.takeWanted();
			const cube = this.cube;
			const until = performance.now() + IDLE_SLICING_MS;
			while (
				cube &&
				this.queue.length > 0 &&
				deadline.timeRemaining() >= IDLE_SLICING_MS &&
				performance.now() < until
			) {
				const next = this.queue.shift() as DashboardFilters;
				const key = filtersKey(next);
				if (!this.slices.has(key)) this.slices.set(key, this.slice(cube, next));
			}
			this.schedule();
		});
	}
}
