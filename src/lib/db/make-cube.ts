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
import { tableFromRows, type ColumnSpec, type CubeTable } from '../cube/table';
import type { SqlEngine } from './engine';

/** cube.sql's sections by table name (each one query, ending with `;`). */
export function cubeQueries(cubeSql: string): Record<CubeTableName, string> {
	const queries: Partial<Record<string, string>> = {};
	for (const section of cubeSql.split(/^-- @table /m).slice(1)) {
		const name = section.slice(0, section.indexOf('\n')).trim();
		const body = section
			.slice(section.indexOf('\n') + 1)
			.replace(/^--.*$/gm, '')
			.trim()
			.replace(/;$/, '');
		queries[name] = body;
	}
	for (const name of CUBE_TABLES) {
		if (!queries[name]) throw new Error(`cube.sql has no table ${name}`);
	}
	return queries as Record<CubeTableName, string>;
}

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
	const queries = cubeQueries(cubeSql);
	const tables = {} as Record<CubeTableName, CubeTable>;
	for (const [i, name] of CUBE_TABLES.entries()) {
		tables[name] = await cubeTable(engine, queries[name]);
		onTable?.(i + 1, CUBE_TABLES.length);
	}
	return { version: CUBE_VERSION, origin, tables };
}
