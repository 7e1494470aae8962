/** A column of DataTable: how a row's cell is exported (CSV, .xlsx) and shown on the page. */
export interface Column<R> {
	label: string;
	/** The cell's value, as exported to CSV. */
	value: (row: R) => string | number | null;
	/** How the page shows it (defaults to the value). */
	display?: (row: R) => string;
	numeric?: boolean;
	/**
	 * The unit of its numbers, written in exported headers ("覆盖率（%）"): '%' when the value is
	 * in percent (3.4 = 3.4%; the .xlsx stores 0.034 formatted as a percentage), '家', '份'…
	 */
	unit?: string;
}
