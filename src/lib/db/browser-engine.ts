/**
 * SqlEngine on duckdb-wasm, self-hosted: the eh and mvp bundles (wasm + worker) are emitted by
 * Vite as the site's own files, so nothing comes from a CDN. One shared start-up promise; the
 * library itself is imported dynamically, in the browser only (never during prerendering).
 */
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { plainRows } from './arrow-rows';
import type { SqlEngine, SqlSources } from './engine';
import { EngineStartError } from './engine-failure';
import cubeSql from './cube.sql?raw';
import drillSql from './drill.sql?raw';
import { lockdownSql, privateLoadDirectory } from './lockdown';
import schemaSql from './schema.sql?raw';
import viewsSql from './views.sql?raw';

export const SQL_SOURCES: SqlSources = {
	schema: schemaSql,
	views: viewsSql,
	cube: cubeSql,
	drill: drillSql
};

/** Which bundle to run: 'auto' lets duckdb-wasm pick (eh where WebAssembly exceptions exist). */
export type BundleChoice = 'auto' | 'eh' | 'mvp';

/** `?duckdb=mvp` in the page URL forces the bundle for old browser cores (and for testing it). */
export function bundleChoiceFromUrl(url: URL): BundleChoice {
	const value = url.searchParams.get('duckdb');
	return value === 'eh' || value === 'mvp' ? value : 'auto';
}

export class BrowserEngine implements SqlEngine {
	/** Settings are applied and locked at start (lockdown.ts), before any data is loaded. */
	readonly settingsLocked = true;

	private constructor(
		readonly db: AsyncDuckDB,
		private readonly connection: AsyncDuckDBConnection,
		readonly bundle: 'eh' | 'mvp',
		/** The one directory DuckDB may read: where the site registers its own files. */
		private readonly loadDirectory: string
	) {}

	static async start(choice: BundleChoice): Promise<BrowserEngine> {
		if (typeof WebAssembly === 'undefined')
			throw new EngineStartError('no-webassembly', 'WebAssembly is not available');
		const duckdb = await import('@duckdb/duckdb-wasm');
		const bundles = {
			mvp: {
				mainModule: new URL(mvpWasm, location.href).href,
				mainWorker: new URL(mvpWorker, location.href).href
			},
			eh: {
				mainModule: new URL(ehWasm, location.href).href,
				mainWorker: new URL(ehWorker, location.href).href
			}
		};
		const bundle = choice === 'auto' ? await duckdb.selectBundle(bundles) : bundles[choice];
		if (!bundle.mainWorker) throw new Error('duckdb-wasm: no worker for the chosen bundle');
		await checkWasmResponse(bundle.mainModule);
		const worker = new Worker(new URL('./duckdb-guard.worker.ts', import.meta.url));
		worker.postMessage({ duckdbWorker: bundle.mainWorker });
		const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
		// A failure inside duckdb-wasm's worker is not always passed back: listen for it too.
		await Promise.race([db.instantiate(bundle.mainModule), workerFailure(worker)]);
		const connection = await db.connect();
		// No file, URL or extension from here on, for every connection (the console's too).
		const loadDirectory = privateLoadDirectory();
		await connection.query(lockdownSql(loadDirectory));
		return new BrowserEngine(
			db,
			connection,
			bundle.mainModule === bundles.mvp.mainModule ? 'mvp' : 'eh',
			loadDirectory
		);
	}

	async exec(sql: string): Promise<void> {
		await this.connection.query(sql);
	}

	async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
		return plainRows<T>(await this.connection.query(sql));
	}

	async registerText(name: string, text: string | Uint8Array): Promise<string> {
		// In the one directory the locked database may read. Bytes go to DuckDB's worker uncopied.
		const path = `${this.loadDirectory}${name}`;
		if (typeof text === 'string') await this.db.registerFileText(path, text);
		else await this.db.registerFileBuffer(path, text);
		return path;
	}

	async unregister(path: string): Promise<void> {
		await this.db.dropFile(path);
	}

	async insertArrow(table: string, ipc: Uint8Array): Promise<void> {
		// The bytes are transferred to DuckDB's worker, not copied.
		await this.connection.insertArrowFromIPCStream(ipc, { name: table, create: false });
	}

	/**
	 * A connection of its own for the SQL console, so its queries can be cancelled alone. It
	 * shares the database's locked settings: no file, URL or extension.
	 */
	async consoleConnection(): Promise<ConsoleConnection> {
		return new ConsoleConnection(await this.db.connect());
	}
}

export interface ConsoleResult {
	/** Column names as DuckDB gives them: possibly repeated, blank, or full of quotes and markup. */
	columns: string[];
	rows: unknown[][];
	/** More rows exist than were read. */
	truncated: boolean;
	ms: number;
}

/** Runs console queries as streams: at most `maxRows` are read, and a running query can be cancelled. */
export class ConsoleConnection {
	constructor(private readonly connection: AsyncDuckDBConnection) {}

	async run(sql: string, maxRows: number): Promise<ConsoleResult> {
		const started = performance.now();
		const reader = await this.connection.send(sql, true);
		const rows: unknown[][] = [];
		let columns: string[] = [];
		let truncated = false;
		for await (const batch of reader) {
			columns = batch.schema.fields.map((f) => f.name);
			// Read by position, never by name: a result may name two columns alike
			// (`SELECT 1 AS a, 2 AS a`, `count(*), count(*)`) or name one `__proto__`.
			const vectors = columns.map((_, i) => batch.getChildAt(i));
			for (let r = 0; r < batch.numRows; r++) {
				if (rows.length >= maxRows) {
					truncated = true;
					break;
				}
				rows.push(vectors.map((vector) => toDisplayValue(vector?.get(r))));
			}
			if (truncated) break;
		}
		if (truncated) await this.connection.cancelSent();
		if (columns.length === 0) columns = reader.schema?.fields.map((f) => f.name) ?? [];
		return { columns, rows, truncated, ms: performance.now() - started };
	}

	/** Stop the running query; it then fails with DuckDB's cancellation message. */
	async cancel(): Promise<boolean> {
		return this.connection.cancelSent();
	}
}

function toDisplayValue(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value instanceof Date) return value.toISOString();
	if (value !== null && typeof value === 'object')
		return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? Number(v) : v));
	return value;
}

/**
 * The server must send the wasm as application/wasm, or the browser refuses to compile it (and
 * duckdb-wasm's worker then never answers). A HEAD request says so before 34 MB are fetched.
 */
async function checkWasmResponse(url: string): Promise<void> {
	let response: Response;
	try {
		response = await fetch(url, { method: 'HEAD' });
	} catch (error) {
		throw new EngineStartError('wasm-download', `${url}: ${String(error)}`);
	}
	// Read the (empty) body, so the request completes rather than being dropped unread.
	await response.arrayBuffer().catch(() => undefined);
	if (!response.ok) throw new EngineStartError('wasm-download', `${url}: HTTP ${response.status}`);
	const type = response.headers.get('content-type') ?? '';
	if (!type.startsWith('application/wasm'))
		throw new EngineStartError('wasm-mime', `${url}: Content-Type ${type || '(none)'}`);
}

/** Rejects when the worker reports an uncaught error (it never resolves otherwise). */
function workerFailure(worker: Worker): Promise<never> {
	return new Promise((_, reject) => {
		worker.addEventListener(
			'error',
			(event) => {
				event.preventDefault();
				reject(new Error(event.message || 'worker error'));
			},
			{
				once: true
			}
		);
	});
}

let started: Promise<BrowserEngine> | null = null;

/** The one engine of the page, started on first use. */
export function browserEngine(choice: BundleChoice = 'auto'): Promise<BrowserEngine> {
	started ??= BrowserEngine.start(choice);
	return started;
}
