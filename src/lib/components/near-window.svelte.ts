/**
 * What a part of a page far above or below the window shows while the figures change: its newest
 * value while it is within NEAR_MARGIN of the window, the value it already shows while it is
 * farther away — until it comes near, or the page is printed. So a filter change updates (lays
 * out, paints) only what a user can see; the rest follows before it scrolls into view (#21).
 *
 * Used by the charts Svelte draws and by the tables (DataTable, HeatmapTable); ECharts' charts
 * keep their own waiting option (Chart.svelte) for the same reason.
 *
 *     const shown = new ShownWhileNear(() => rows);
 *     <table {@attach shown.attach} data-waiting={shown.waiting}>…{#each shown.value as row}
 */
import { NEAR_MARGIN } from './chart-update';

export class ShownWhileNear<T> {
	readonly #newest: () => T;
	/** Within NEAR_MARGIN of the window (until the first report: assume so). */
	#near = $state(true);
	/** Bumped to show the newest value wherever the element is (printing). */
	#pulled = $state(0);
	#pullShown = 0;
	/** The value shown: none yet (undefined or null) takes the newest at once. */
	#kept: T | undefined = undefined;
	readonly #value = $derived.by(() => {
		const next = this.#newest();
		const pulled = this.#pulled;
		if (
			this.#near ||
			pulled !== this.#pullShown ||
			this.#kept === undefined ||
			this.#kept === null
		) {
			this.#kept = next;
			this.#pullShown = pulled;
		}
		return this.#kept;
	});

	/**
	 * `newest` is read in a reactive context: the value follows it while near. It may build a new
	 * object each time (`{ rows, caption }`): the same fields show the same.
	 */
	constructor(newest: () => T) {
		this.#newest = newest;
	}

	/** The value to show. */
	get value(): T {
		return this.#value;
	}

	/** A newer value waits until the element comes near (for `data-waiting`, `aria-busy`). */
	get waiting(): boolean {
		return !sameFields(this.#value, this.#newest());
	}

	/** Show the newest value now, wherever the element is. */
	showNewest(): void {
		this.#pulled++;
	}

	/** `{@attach}` to the element whose nearness decides: watches it, and the page's printing. */
	readonly attach = (element: Element): (() => void) => {
		const nearness = new IntersectionObserver(
			(entries) => {
				this.#near = entries.at(-1)?.isIntersecting ?? this.#near;
			},
			{ rootMargin: NEAR_MARGIN }
		);
		nearness.observe(element);
		const print = () => this.showNewest();
		addEventListener('beforeprint', print);
		return () => {
			nearness.disconnect();
			removeEventListener('beforeprint', print);
		};
	};
}

/** The same value, or objects whose own fields are the same values. */
function sameFields(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	const keys = Object.keys(a);
	return (
		keys.length === Object.keys(b).length &&
		keys.every((k) =>
			Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])
		)
	);
}

/**
 * A long chart's or table's rows in blocks, each shown while near the window as a whole part is
 * (ShownWhileNear): a change updates the blocks a user can see at once, the others as they come
 * near or the page is printed. Attach each block to the element that draws it.
 *
 *     const body = new BlocksWhileNear(() => runsOf(rows, 8, MAX), MAX);
 *     {#each body.blocks as block, k (k)}{#if block.value}<tbody {@attach block.attach}>…
 */
export class BlocksWhileNear<T> {
	readonly #cut: () => readonly (readonly T[])[];
	readonly #newest = $derived.by(() => this.#cut());
	/** At most `maxBlocks`: a block past the newest's count shows nothing once near. */
	readonly blocks: readonly ShownWhileNear<readonly T[] | null>[];
	readonly #starts = $derived.by(() => {
		let start = 0;
		return this.blocks.map((block) => {
			const first = start;
			start += block.value?.length ?? 0;
			return first;
		});
	});

	/** `cut` gives the newest rows in blocks (charts/blocks.ts), read in a reactive context. */
	constructor(cut: () => readonly (readonly T[])[], maxBlocks: number) {
		this.#cut = cut;
		this.blocks = Array.from(
			{ length: maxBlocks },
			(_, k) => new ShownWhileNear<readonly T[] | null>(() => this.#newest[k] ?? null)
		);
	}

	/** Each block's first row's place among the rows shown (keyboard positions, y). */
	get starts(): readonly number[] {
		return this.#starts;
	}

	/** Some block waits with older rows than the newest. */
	get waiting(): boolean {
		return this.blocks.some((block) => block.waiting);
	}

	/** Show the newest rows in every block now, wherever it is (sorting, an export). */
	showNewest(): void {
		for (const block of this.blocks) block.showNewest();
	}
}
