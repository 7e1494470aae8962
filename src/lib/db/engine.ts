/**
 * The small contract every DuckDB host fulfils — duckdb-wasm in the browser, @duckdb/node-api
 * in Node (tests, prerendering, the CLI) — so that loading and every query share one code path.
 */
export interface SqlEngine {
	/** Run statements that return nothing (DDL, INSERT, COPY). */
	exec(sql: string): Promise<void>;
	/** Run one query; rows as plain objects. Cast in SQL: counts to INTEGER, rates to DOUBLE. */
	query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
	/** Make UTF-8 text readable by SQL (COPY … FROM / read_csv) and return the path to use. */
	registerText(name: string, text: string | Uint8Array): Promise<string>;
	/** Forget a text registered earlier (frees its memory). */
	unregister(path: string): Promise<void>;
	/**
	 * Append an Arrow IPC stream's rows to the existing `table`, whose columns it has, in order
	 * (arrow.ts). duckdb-wasm only: the Node host has no Arrow reader offline (DuckDB's arrow
	 * extension is a download), and is given CSV instead.
	 */
	insertArrow?(table: string, ipc: Uint8Array): Promise<void>;
	/**
	 * The engine applied its settings itself and locked them (duckdb-wasm: lockdown.ts); a load
	 * must not set them again, which a locked configuration refuses.
	 */
	readonly settingsLocked?: boolean;
}

/** The SQL files, read by each host its own way (Vite `?raw` in the browser, fs in Node). */
export interface SqlSources {
	schema: string;
	views: string;
	/** The cube's tables, one `-- @table` section each (make-cube.ts). */
	cube: string;
	/** The rows behind the figures (drill-through), likewise. */
	drill: string;
}

/** Settings every engine applies first: offline, so never try to download an extension. */
export const ENGINE_SETTINGS_SQL = `
SET autoinstall_known_extensions = false;
SET autoload_known_extensions = false;
`;

/** 'it''s' — a SQL string literal. */
export function sqlString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}
