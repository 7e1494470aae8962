/**
 * The cube's tables are columns, not rows: a few typed arrays per table, so that a cube of a
 * million scenario rows' aggregates is a few megabytes that IndexedDB and `fetch` hand over as
 * bytes, and a filter change reads numbers, not objects. Pure.
 *
 * - an integer column is the narrowest signed typed array that holds it; NULL is the array
 *   type's lowest value (−128, −32768 or −2³¹), which no count, year, tier or level takes;
 * - a text column is codes into a dictionary of its distinct values (NULL among them);
 * - a number that is not whole (a 盟市目标) is a Float64Array with NaN for NULL.
 */

export type IntArray = Int8Array | Int16Array | Int32Array;

export interface IntColumn {
	kind: 'int';
	values: IntArray;
}

export interface FloatColumn {
	kind: 'float';
	values: Float64Array;
}

export interface TextColumn {
	kind: 'text';
	/** An index into `dictionary` per row. */
	codes: IntArray;
	dictionary: (string | null)[];
}

export type Column = IntColumn | FloatColumn | TextColumn;

export interface CubeTable {
	length: number;
	columns: Record<string, Column>;
}

/** The NULL of an integer array: its type's lowest value. */
export function nullOf(values: IntArray): number {
	return values instanceof Int8Array ? -128 : values instanceof Int16Array ? -32768 : -2147483648;
}

/** The narrowest signed integer array for values in [min, max], with room for the NULL sentinel. */
function intArrayFor(min: number, max: number, length: number): IntArray {
	if (min > -128 && max < 128) return new Int8Array(length);
	if (min > -32768 && max < 32768) return new Int16Array(length);
	return new Int32Array(length);
}

function intColumn(values: readonly (number | null)[]): IntColumn {
	let min = 0;
	let max = 0;
	for (const v of values) {
		if (v === null) continue;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	const array = intArrayFor(min, max, values.length);
	const none = nullOf(array);
	values.forEach((v, i) => (array[i] = v ?? none));
	return { kind: 'int', values: array };
}

function textColumn(values: readonly (string | null)[]): TextColumn {
	const index = new Map<string | null, number>();
	const codes = values.map((v) => {
		let code = index.get(v);
		if (code === undefined) index.set(v, (code = index.size));
		return code;
	});
	const column = intColumn(codes);
	return { kind: 'text', codes: column.values, dictionary: [...index.keys()] };
}

/** A column's name and kind, as the query that fills it declares (DuckDB's DESCRIBE). */
export interface ColumnSpec {
	name: string;
	kind: Column['kind'];
}

/** A table from rows as a query gives them (booleans as 0/1). */
export function tableFromRows(
	columns: readonly ColumnSpec[],
	rows: readonly Record<string, unknown>[]
): CubeTable {
	const table: CubeTable = { length: rows.length, columns: {} };
	for (const { name, kind } of columns) {
		const values = rows.map((row) => {
			const value = row[name];
			if (typeof value === 'boolean') return value ? 1 : 0;
			return value === undefined ? null : (value as string | number | null);
		});
		if (kind === 'text') {
			table.columns[name] = textColumn(values.map((v) => (v === null ? null : String(v))));
		} else if (kind === 'float') {
			table.columns[name] = {
				kind: 'float',
				values: Float64Array.from(values, (v) => (v === null ? NaN : Number(v)))
			};
		} else {
			table.columns[name] = intColumn(values.map((v) => (v === null ? null : Number(v))));
		}
	}
	return table;
}

function columnOf(table: CubeTable, name: string): Column {
	const column = table.columns[name];
	if (!column) throw new Error(`cube table has no column ${name}`);
	return column;
}

/** An integer column's values (throws for another kind: a cube made by other code). */
export function ints(table: CubeTable, name: string): IntArray {
	const column = columnOf(table, name);
	if (column.kind !== 'int') throw new Error(`cube column ${name} is ${column.kind}, not int`);
	return column.values;
}

/** A text column (codes and dictionary). */
export function texts(table: CubeTable, name: string): TextColumn {
	const column = columnOf(table, name);
	if (column.kind !== 'text') throw new Error(`cube column ${name} is ${column.kind}, not text`);
	return column;
}

/** A row's value of any column: a number, a string, or null. */
export function valueAt(table: CubeTable, name: string, i: number): number | string | null {
	const column = columnOf(table, name);
	if (column.kind === 'text') return column.dictionary[column.codes[i] ?? 0] ?? null;
	const value = column.values[i] ?? NaN;
	if (column.kind === 'float') return Number.isNaN(value) ? null : value;
	return value === nullOf(column.values) ? null : value;
}

/** A text column's value at row i. */
export function textAt(column: TextColumn, i: number): string | null {
	return column.dictionary[column.codes[i] ?? 0] ?? null;
}

/** The code of `value` in a text column, or −1 when no row has it (a filter then matches none). */
export function codeOf(column: TextColumn, value: string | null): number {
	return column.dictionary.indexOf(value);
}

/** Every row as an object (small tables: the 盟市目标, the pipeline, lists). */
export function rowsOf(table: CubeTable): Record<string, number | string | null>[] {
	const names = Object.keys(table.columns);
	return Array.from({ length: table.length }, (_, i) =>
		Object.fromEntries(names.map((name) => [name, valueAt(table, name, i)]))
	);
}
