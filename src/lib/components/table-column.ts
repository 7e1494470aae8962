/** A column of DataTable: how a row's cell is exported to CSV and shown on the page. */
export interface Column<R> {
	label: string;
	/** The cell's value, as exported to CSV. */
	value: (row: R) => string | number | null;
	/** How the page shows it (defaults to the value). */
	display?: (row: R) => string;
	numeric?: boolean;
}
