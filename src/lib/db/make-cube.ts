/**
 * The cube of the loaded data: each `-- @table` section of cube.sql run once, its rows made
 * into columns (cube/table.ts). In Node at build time and for `npm run summary`, in
 * duckdb-wasm after an import or to rebuild a user's cube from their stored files.
 */
import {
	CUBE_TABLES,
	CUBE_VERSION,
	type Cube,
	type CubeOrigin,
	type CubeTableName
} from '../cube/cube';
import { DRILL_TABLES, DRILL_VERSION, type DrillRows } from '../cube/drill';
import { tableFromRows, type ColumnSpec, type CubeTable } from '../cube/table';
import type { SqlEngine } from './engine';

/** A .sql file's `-- @table` sections by table name (each one query, ending with `;`). */
export function sqlSections<N extends string>(sql: string, names: readonly N[]): Record<N, string> {
	const queries: Partial<Record<string, string>> = {};
	for (const section of sql.split(/^-- @table /m).slice(1)) {
		const name = section.slice(0, section.indexOf('\n')).trim();
		const body = section
			.slice(section.indexOf('\n') + 1)
			.replace(/^--.*$/gm, '')
			.trim()
			.replace(/;$/, '');
		queries[name] = body;
	}
	for (const name of names) {
		if (!queries[name]) throw new Error(`the SQL file has no table ${name}`);
	}
	return queries as Record<N, string>;
}

/** cube.sql's sections by table name. */
export const cubeQueries = (cubeSql: string): Record<CubeTableName, string> =>
	sqlSections(cubeSql, CUBE_TABLES);

/** The kind of column a DuckDB type is kept as: text, a whole number, or any number. */
function kindOf(duckdbType: string): ColumnSpec['kind'] {
	if (/^(VARCHAR|ENUM)/.test(duckdbType)) return 'text';
	if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(duckdbType)) return 'float';
	if (/^(TINYINT|SMALLINT|INTEGER|BOOLEAN)$/.test(duckdbType)) return 'int';
	throw new Error(`cube column of type ${duckdbType}: cast it in cube.sql`);
}

/** One table of the cube: its columns' names and kinds from DuckDB (an empty result has them too). */
async function cubeTable(engine: SqlEngine, query: string): Promise<CubeTable> {
	const described = await engine.query<{ column_name: string; column_type: string }>(
		`DESCRIBE ${query}`
	);
	const columns = described.map((c) => ({ name: c.column_name, kind: kindOf(c.column_type) }));
	return tableFromRows(columns, await engine.query(query));
}

/** Each named section of `sql` run on `engine` as a table, `onTable` told after each. */
export async function makeTables<N extends string>(
	engine: SqlEngine,
	sql: string,
	names: readonly N[],
	onTable?: (done: number, total: number) => void
): Promise<Record<N, CubeTable>> {
	const queries = sqlSections(sql, names);
	const tables = {} as Record<N, CubeTable>;
	for (const [i, name] of names.entries()) {
		tables[name] = await cubeTable(engine, queries[name]);
		onTable?.(i + 1, names.length);
	}
	return tables;
}

/**
 * The cube of the data loaded in `engine` (schema.sql and views.sql already run), with
 * `onTable` told after each table (a progress bar).
 */
export async function makeCube(
	engine: SqlEngine,
	cubeSql: string,
	origin: CubeOrigin,
	onTable?: (done: number, total: number) => void
): Promise<Cube> {
	return {
		version: CUBE_VERSION,
		origin,
		tables: await makeTables(engine, cubeSql, CUBE_TABLES, onTable)
	};
}

/** The rows behind the figures (drill.sql), made from the same loaded data as its cube. */
export async function makeDrillRows(
	engine: SqlEngine,
	drillSql: string,
	origin: CubeOrigin
): Promise<DrillRows> {
	return {
		version: DRILL_VERSION,
		origin,
		tables: await makeTables(engine, drillSql, DRILL_TABLES)
	};
}
