/**
 * The cube's tables as the slices read them: each table's columns looked up once per cube, and
 * a filter value turned into the code its text column uses, so a slice compares numbers. Pure.
 */
import type { Cube, CubeCore, CubeCoreTableName, CubeTableName } from '../cube/cube';
import { codeOf, ints, texts, type IntArray, type TextColumn } from '../cube/table';

/** A text filter that matches every row (no filter). −1, a code no row has, matches none. */
export const ANY = -2;

/** The code a text filter compares with: ANY for null, −1 when no row has the value. */
export function filterCode(column: TextColumn, value: string | null): number {
	return value === null ? ANY : codeOf(column, value);
}

/** The row's code passes the filter's code. */
export const passes = (code: number | undefined, filter: number) =>
	filter === ANY || code === filter;

/** An integer filter (a year, a tier; null: every row). */
export const passesNumber = (value: number | undefined, filter: number | null) =>
	filter === null || value === filter;

const memos = new WeakMap<object, Map<string, unknown>>();

/** `make()` once per cube (or set of drill rows) and key (a table's columns, a parsed dictionary …). */
export function oncePerCube<T>(cube: object, key: string, make: () => T): T {
	let memo = memos.get(cube);
	if (!memo) memos.set(cube, (memo = new Map()));
	if (!memo.has(key)) memo.set(key, make());
	return memo.get(key) as T;
}

const keptResults = new WeakMap<object, Map<string, Map<string, unknown>>>();

/** How many results of one figure are kept per cube: the filters one pick away and more. */
const KEPT_PER_FIGURE = 128;

/**
 * `make()`'s result for the cube, `name` and `key` — the filters the figure reads —, kept for
 * the next time that key comes (the last KEPT_PER_FIGURE keys). A figure that leaves a filter
 * out (one by 盟市 under a 盟市 filter) is then the same object whatever that filter is, so what
 * shows it has nothing to compare or redraw; so is a figure sliced ahead of a pick.
 */
export function keptPerKey<T>(cube: object, name: string, key: unknown, make: () => T): T {
	let figures = keptResults.get(cube);
	if (!figures) keptResults.set(cube, (figures = new Map()));
	let results = figures.get(name);
	if (!results) figures.set(name, (results = new Map()));
	const text = JSON.stringify(key);
	if (results.has(text)) return results.get(text) as T;
	const value = make();
	if (results.size >= KEPT_PER_FIGURE) results.delete(results.keys().next().value as string);
	results.set(text, value);
	return value;
}

/** The columns every declaration-keyed table has: year, 盟市, 行业, declared tier, status. */
export interface KeyColumns {
	length: number;
	year: IntArray;
	region: TextColumn;
	industry: TextColumn;
	tier: IntArray;
	status: TextColumn;
}

/** A table's key columns: of the core's tables from a core, of any from a whole cube. */
export function keyColumns(cube: CubeCore, name: CubeCoreTableName): KeyColumns;
export function keyColumns(cube: Cube, name: CubeTableName): KeyColumns;
export function keyColumns(cube: CubeCore, name: CubeTableName): KeyColumns {
	return oncePerCube(cube, `keys ${name}`, () => {
		// The overloads above hold a core to its own tables.
		const table = (cube as Cube).tables[name];
		return {
			length: table.length,
			year: ints(table, 'year'),
			region: texts(table, 'region'),
			industry: texts(table, 'industry'),
			tier: ints(table, 'tier'),
			status: texts(table, 'status')
		};
	});
}

/** A filter on the key columns, compiled for one table: a row passes when every part does. */
export interface KeyFilter {
	year: number | null;
	region: number;
	industry: number;
	tier: number | null;
	status: number;
}

export function keyFilter(
	keys: KeyColumns,
	f: {
		year: number | null;
		region: string | null;
		industry: string | null;
		tier: number | null;
		status: string | null;
	}
): KeyFilter {
	return {
		year: f.year,
		region: filterCode(keys.region, f.region),
		industry: filterCode(keys.industry, f.industry),
		tier: f.tier,
		status: filterCode(keys.status, f.status)
	};
}

/** Row i of a declaration-keyed table passes the filter. */
export function keyPasses(keys: KeyColumns, filter: KeyFilter, i: number): boolean {
	return (
		passesNumber(keys.year[i], filter.year) &&
		passes(keys.region.codes[i], filter.region) &&
		passes(keys.industry.codes[i], filter.industry) &&
		passesNumber(keys.tier[i], filter.tier) &&
		passes(keys.status.codes[i], filter.status)
	);
}
