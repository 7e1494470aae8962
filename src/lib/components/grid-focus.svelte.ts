/**
 * The one tab stop of a grid of cells (HeatmapTable): the arrow keys move it one cell, Home and
 * End to the ends of its row, each kept inside the grid; the cell it moves to takes the focus.
 * Cells carry `data-cell="row-column"`.
 *
 *     const grid = new GridFocus(() => ({ rows: 40, columns: 12 }));
 *     <table {@attach grid.attach} onkeydown={grid.onkeydown}>…
 *     <button data-cell="{r}-{c}" tabindex={grid.isActive(r, c) ? 0 : -1} onfocus={() => grid.take(r, c)}>
 */
const MOVES: Record<string, [number, number]> = {
	ArrowUp: [-1, 0],
	ArrowDown: [1, 0],
	ArrowLeft: [0, -1],
	ArrowRight: [0, 1]
};

export class GridFocus {
	/** The cell that holds the tab stop. */
	#active = $state({ row: 0, column: 0 });
	#grid: HTMLElement | null = null;

	constructor(private readonly size: () => { rows: number; columns: number }) {}

	isActive(row: number, column: number): boolean {
		return this.#active.row === row && this.#active.column === column;
	}

	/** A cell focused some other way (a click, the tab key) holds the tab stop now. */
	take(row: number, column: number): void {
		this.#active = { row, column };
	}

	/** `{@attach}` to the element the cells are in. */
	readonly attach = (grid: HTMLElement): (() => void) => {
		this.#grid = grid;
		return () => (this.#grid = null);
	};

	readonly onkeydown = (event: KeyboardEvent): void => {
		const { row, column } = this.#active;
		const move = MOVES[event.key];
		if (move) this.#focus(row + move[0], column + move[1]);
		else if (event.key === 'Home') this.#focus(row, 0);
		else if (event.key === 'End') this.#focus(row, this.size().columns - 1);
		else return;
		event.preventDefault();
	};

	#focus(row: number, column: number): void {
		const { rows, columns } = this.size();
		const r = Math.max(0, Math.min(rows - 1, row));
		const c = Math.max(0, Math.min(columns - 1, column));
		this.#active = { row: r, column: c };
		this.#grid
			?.querySelector<HTMLElement>(`[data-cell="${r}-${c}"]`)
			?.focus({ preventScroll: false });
	}
}
