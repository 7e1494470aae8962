/**
 * DuckDB's lock (src/lib/db/lockdown.ts) on the very duckdb-wasm the site ships, in its Node
 * build (same engine, same settings; Node's runtime reads real files where the browser's would
 * fetch URLs): before the lock a query reads a file from disk, after it the same query is
 * refused, no statement can undo it, and the site's own loads — the first and every later
 * import — still go through the one allowed directory and as Arrow.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/lib/db/engine';
import { loadTableParts, tableParts } from '../../src/lib/db/load';
import { lockdownSql, privateLoadDirectory } from '../../src/lib/db/lockdown';
import { readSqlSources } from '../../src/lib/db/node-engine';
import { importFiles } from '../../src/lib/import/pipeline';

const require = createRequire(import.meta.url);

interface BlockingConnection {
	query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
	insertArrowFromIPCStream(ipc: Uint8Array, options: { name: string; create: boolean }): void;
}
interface BlockingDb {
	instantiate(): Promise<void>;
	open(config: object): void;
	connect(): BlockingConnection;
	registerFileBuffer(name: string, bytes: Uint8Array): void;
	registerFileText(name: string, text: string): void;
	dropFile(name: string): void;
}

async function openDb(): Promise<BlockingDb> {
	const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs') as {
		createDuckDB(bundles: object, logger: object, runtime: object): Promise<BlockingDb>;
		VoidLogger: new () => object;
		NODE_RUNTIME: object;
	};
	const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
	const db = await duckdb.createDuckDB(
		{
			mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
			eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: '' }
		},
		new duckdb.VoidLogger(),
		duckdb.NODE_RUNTIME
	);
	await db.instantiate();
	db.open({});
	return db;
}

/** What a query gives: its first row, or DuckDB's error message. */
function attempt(connection: BlockingConnection, sql: string): string {
	try {
		const row = connection.query(sql).toArray()[0]?.toJSON() ?? {};
		return `ok ${JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? Number(v) : v))}`;
	} catch (error) {
		return (error as Error).message.split('\n')[0] ?? '';
	}
}

const sampleFile = resolve('data/sample', readdirSync('data/sample')[0] as string);
const readSample = `SELECT count(*) AS n FROM read_csv('${sampleFile}')`;

let db: BlockingDb;
let main: BlockingConnection;
let loadDirectory: string;

beforeAll(async () => {
	db = await openDb();
	main = db.connect();
	expect(attempt(main, readSample), 'before the lock, a file on disk is read').toMatch(/^ok /);
	loadDirectory = privateLoadDirectory();
	main.query(lockdownSql(loadDirectory));
}, 60_000);

describe('the locked database', () => {
	it('reads no file, URL or database, on any connection, by any route', () => {
		const console = db.connect();
		for (const sql of [
			readSample,
			`SELECT count(*) FROM '${sampleFile}'`,
			`SELECT count(*) FROM "${sampleFile}"`,
			`SELECT * FROM "read_text"('${sampleFile}')`,
			`SELECT * FROM query('SELECT * FROM read_csv(''${sampleFile}'')')`,
			`SELECT * FROM glob('${dirname(sampleFile)}/*')`,
			`ATTACH '${sampleFile}.db' AS x`,
			`COPY (SELECT 1) TO '${resolve('test-results', 'lockdown-out.csv')}'`,
			"SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')",
			`SELECT * FROM read_csv('${loadDirectory}../${sampleFile}')`
		]) {
			expect(attempt(console, sql), sql).toMatch(
				/^Permission Error: Cannot access file .* disabled by configuration/
			);
		}
		expect(attempt(console, 'LOAD json')).toMatch(/^Permission Error: Loading external/);
	});

	it('no statement can undo the lock', () => {
		const console = db.connect();
		for (const sql of [
			'SET enable_external_access = true',
			'RESET enable_external_access',
			'SET lock_configuration = false',
			"SET allowed_directories = ['/']",
			'SET autoload_known_extensions = true'
		]) {
			expect(attempt(console, sql), sql).toMatch(/the configuration has been locked/);
		}
		expect(
			attempt(
				console,
				"SELECT list(value ORDER BY name) AS v FROM duckdb_settings() WHERE name IN ('enable_external_access', 'lock_configuration', 'autoload_known_extensions', 'autoinstall_known_extensions')"
			)
		).toBe('ok {"v":["false","false","false","true"]}');
	});

	it('the site still loads its data after the lock, again and again (a later import)', async () => {
		const connection = db.connect();
		const engine: SqlEngine = {
			settingsLocked: true,
			exec: async (sql) => void connection.query(sql),
			query: async <T>(sql: string) =>
				connection
					.query(sql)
					.toArray()
					.map((row) => row.toJSON() as T),
			registerText: async (name, text) => {
				const path = `${loadDirectory}${name}`;
				if (typeof text === 'string') db.registerFileText(path, text);
				else db.registerFileBuffer(path, text);
				return path;
			},
			unregister: async (path) => db.dropFile(path),
			insertArrow: async (table, ipc) =>
				connection.insertArrowFromIPCStream(ipc, { name: table, create: false })
		};
		const inputs = readdirSync('data/sample').map((name) => ({
			name,
			bytes: readFileSync(`data/sample/${name}`)
		}));
		const tables = importFiles(inputs).tables;
		for (let load = 0; load < 2; load++) {
			// CSV parts through the allowed directory, 建设场景明细 as Arrow (as in the browser).
			await loadTableParts(
				engine,
				readSqlSources(),
				tableParts(tables, { scenariosAsArrow: true })
			);
			expect(attempt(connection, 'SELECT count(*)::INTEGER AS n FROM declarations')).toBe(
				`ok {"n":${tables.declarations.length}}`
			);
			expect(attempt(connection, 'SELECT count(*)::INTEGER AS n FROM scenarios')).toBe(
				`ok {"n":${tables.scenarios.length}}`
			);
		}
	}, 60_000);
});
