/**
 * Imported tables → DuckDB: create the schema and reference tables, write each table as
 * normalised CSV and COPY it in (the table's own types parse it), then create the views.
 * Fast and light at a million rows, and the same in the browser and in Node. In the browser
 * the parts are made in the import worker and only handed to DuckDB here, and the 建设场景明细
 * rows go as Arrow instead of CSV (arrow.ts: less to make, less to move, nothing to parse; the
 * Node host has no Arrow reader offline, so it keeps CSV — a test loads both ways and compares).
 *
 * A table's rows come in one CSV per source file without the `source_file` column: the file's
 * name is the column's default while that CSV is copied in, instead of being written out on
 * each of a million rows (it was over half the bytes of the scenario CSV).
 */
import { objectsToCsvBytes } from '../import/csv';
import { scenarioColumnsToArrowIpc } from './arrow';
import { ScenarioRows } from '../import/scenario-rows';
import { TABLE_COLUMNS, type ImportedTables, type TableName } from '../import/tables';
import { ENGINE_SETTINGS_SQL, sqlString, type SqlEngine, type SqlSources } from './engine';
import { referenceTablesSql } from './reference';

/** The rows of one table from one source file (null for a table without one), as DuckDB reads them. */
export interface TablePart {
	sourceFile: string | null;
	/** UTF-8 CSV with a header row, or an Arrow IPC stream (建设场景明细 rows in the browser). */
	format: 'csv' | 'arrow';
	bytes: Uint8Array;
}

/** Each table as its parts, in row order (an empty table has none). */
export type TableParts = Record<TableName, TablePart[]>;

/** The columns a table's CSV carries: all but `source_file`, which the load sets per part. */
export function csvColumnsOf(table: TableName): readonly string[] {
	return TABLE_COLUMNS[table].filter((column) => column !== 'source_file');
}

/** Runs of consecutive rows from one source file (one run, file null, for a table without one). */
function fileRuns(
	rows: readonly object[] | ScenarioRows
): { name: string | null; start: number; end: number }[] {
	if (rows instanceof ScenarioRows) return rows.fileRuns();
	const fileOf = (row: object) => ('source_file' in row ? (row.source_file as string) : null);
	const runs: { name: string | null; start: number; end: number }[] = [];
	for (let start = 0; start < rows.length;) {
		const name = fileOf(rows[start] as object);
		let end = start + 1;
		while (end < rows.length && fileOf(rows[end] as object) === name) end++;
		runs.push({ name, start, end });
		start = end;
	}
	return runs;
}

/**
 * Each table as bytes, one part per run of rows from the same source file: UTF-8 CSV, or for
 * the 建设场景明细 rows an Arrow IPC stream when `scenariosAsArrow` (an engine with `insertArrow`).
 */
export function tableParts(
	tables: ImportedTables,
	options: { scenariosAsArrow?: boolean } = {}
): TableParts {
	const parts = {} as TableParts;
	for (const table of Object.keys(TABLE_COLUMNS) as TableName[]) {
		const rows: readonly object[] | ScenarioRows = tables[table];
		const columns = csvColumnsOf(table);
		parts[table] = fileRuns(rows).map(({ name, start, end }): TablePart => {
			if (options.scenariosAsArrow && rows instanceof ScenarioRows) {
				return {
					sourceFile: name,
					format: 'arrow',
					bytes: scenarioColumnsToArrowIpc(rows.columnsIn(start, end), name ?? '')
				};
			}
			const range =
				start === 0 && end === rows.length
					? rows
					: { length: end - start, at: (i: number) => rows.at(start + i) };
			return { sourceFile: name, format: 'csv', bytes: objectsToCsvBytes(columns, range) };
		});
	}
	return parts;
}

const TABLES_WITH_SOURCE_FILE = (Object.keys(TABLE_COLUMNS) as TableName[]).filter((table) =>
	TABLE_COLUMNS[table].some((column) => column === 'source_file')
);

/**
 * `source_file` as an ENUM of this load's file names: one byte a row instead of the name's
 * bytes on each of a million rows (it still reads, compares and prints as text).
 */
function sourceFileTypeSql(parts: TableParts): string | null {
	const names = new Set<string>();
	for (const ofTable of Object.values(parts)) {
		for (const part of ofTable) if (part.sourceFile !== null) names.add(part.sourceFile);
	}
	if (names.size === 0) return null;
	return [
		'DROP TYPE IF EXISTS source_file_name;',
		`CREATE TYPE source_file_name AS ENUM (${[...names].map(sqlString).join(', ')});`,
		...TABLES_WITH_SOURCE_FILE.map(
			(table) => `ALTER TABLE ${table} ALTER COLUMN source_file SET DATA TYPE source_file_name;`
		)
	].join('\n');
}

const generations = new WeakMap<SqlEngine, number>();

/** How many times data has been loaded into this engine: caches of derived figures key on it. */
export function loadGeneration(engine: SqlEngine): number {
	return generations.get(engine) ?? 0;
}

/**
 * Puts one part's rows into its table: an Arrow part appended as it is (it carries `source_file`),
 * a CSV part copied in (its `source_file` comes from the column's default).
 */
async function loadPart(engine: SqlEngine, table: TableName, part: TablePart, index: number) {
	if (part.format === 'arrow') {
		if (table !== 'scenarios' || !engine.insertArrow) {
			throw new Error(`${table}: Arrow parts are for the scenarios table in duckdb-wasm only`);
		}
		await engine.insertArrow(table, part.bytes);
		return;
	}
	const columns = csvColumnsOf(table).join(', ');
	const path = await engine.registerText(`${table}-${index}.csv`, part.bytes);
	await engine.exec(
		`COPY ${table} (${columns}) FROM ${sqlString(path)} (FORMAT csv, HEADER true, NULLSTR '', QUOTE '"', ESCAPE '"')`
	);
	await engine.unregister(path);
}

export async function loadTableParts(
	engine: SqlEngine,
	sources: SqlSources,
	parts: TableParts,
	onTable?: (table: TableName) => void
): Promise<void> {
	if (!engine.settingsLocked) await engine.exec(ENGINE_SETTINGS_SQL);
	await engine.exec(sources.schema);
	await engine.exec(referenceTablesSql());
	const sourceFileType = sourceFileTypeSql(parts);
	if (sourceFileType) await engine.exec(sourceFileType);
	for (const table of Object.keys(TABLE_COLUMNS) as TableName[]) {
		onTable?.(table);
		for (const [i, part] of parts[table].entries()) {
			if (part.sourceFile !== null) {
				await engine.exec(
					`ALTER TABLE ${table} ALTER COLUMN source_file SET DEFAULT ${sqlString(part.sourceFile)}`
				);
			}
			await loadPart(engine, table, part, i);
		}
		if (TABLES_WITH_SOURCE_FILE.includes(table)) {
			await engine.exec(`ALTER TABLE ${table} ALTER COLUMN source_file DROP DEFAULT`);
		}
	}
	await engine.exec(sources.views);
	generations.set(engine, loadGeneration(engine) + 1);
}

export async function loadTables(
	engine: SqlEngine,
	sources: SqlSources,
	tables: ImportedTables
): Promise<void> {
	await loadTableParts(engine, sources, tableParts(tables));
}
