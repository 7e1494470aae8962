/**
 * Where a table's columns are, for the box that outlines the selected one (HeatmapTable's
 * `.column-mark`): a change of selection moves that box and touches no cell, so the table is
 * neither restyled nor repainted (outlining its ~50 cells one by one did both, on every change).
 * The places are measured when the table's size changes (a ResizeObserver: after layout, so
 * nothing is laid out early) — sorting, values shown, new labels — never on a change of the
 * selection.
 *
 *     const places = new ColumnPlaces();
 *     <table {@attach places.attach}>…  {@const box = places.box(column)}
 */
export interface ColumnBox {
	left: number;
	width: number;
	top: number;
	height: number;
}

export class ColumnPlaces {
	/** Each body column's left and width (the row header's column left out). */
	#columns: { left: number; width: number }[] = $state.raw([]);
	/** From the header's top to the table's foot. */
	#body = $state.raw({ top: 0, height: 0 });

	/** The `column`-th body column, header to foot, in the box the table is placed in. */
	box(column: number): ColumnBox | undefined {
		const place = this.#columns[column];
		return place && { ...place, ...this.#body };
	}

	/** `{@attach}` to the table: measures it whenever its size changes. */
	readonly attach = (table: HTMLTableElement): (() => void) => {
		const observer = new ResizeObserver(() => {
			const headers = [...(table.tHead?.rows[0]?.cells ?? [])].slice(1);
			// A header's offsets are from its table; the table's from the box the mark is in.
			this.#columns = headers.map((th) => ({
				left: table.offsetLeft + th.offsetLeft,
				width: th.offsetWidth
			}));
			const top = headers[0]?.offsetTop ?? 0;
			this.#body = { top: table.offsetTop + top, height: table.offsetHeight - top };
		});
		observer.observe(table);
		return () => observer.disconnect();
	};
}
