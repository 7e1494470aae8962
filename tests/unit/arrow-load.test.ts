/**
 * In the browser the 建设场景明细 rows reach DuckDB as Arrow (db/arrow.ts), in Node as CSV. Both
 * loads run here — Arrow into the very duckdb-wasm the site ships (its Node build, same engine
 * and SQL), CSV into @duckdb/node-api — and the tables and the views built on them must agree.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioColumnsToArrowIpc } from '../../src/lib/db/arrow';
import type { SqlEngine } from '../../src/lib/db/engine';
import { loadTableParts, loadTables, tableParts } from '../../src/lib/db/load';
import { cubeQueries } from '../../src/lib/db/make-cube';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { scenarios } from '../../src/lib/domain/catalogue';
import { countedTierOf } from '../../src/lib/domain/rules';
import { tierName, TIER_KEYS } from '../../src/lib/domain/catalogue';
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

/** duckdb-wasm's own Node build (blocking), as an SqlEngine that takes Arrow. */
async function wasmEngine(): Promise<SqlEngine> {
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
	const connection = db.connect();
	return {
		exec: async (sql) => void connection.query(sql),
		query: async <T>(sql: string) =>
			connection
				.query(sql)
				.toArray()
				.map((row) => {
					const object = row.toJSON();
					for (const [key, value] of Object.entries(object)) {
						if (typeof value === 'bigint') object[key] = Number(value);
					}
					return object as T;
				}),
		registerText: async (name, text) => {
			if (typeof text === 'string') db.registerFileText(name, text);
			else db.registerFileBuffer(name, text);
			return name;
		},
		unregister: async (path) => db.dropFile(path),
		insertArrow: async (table, ipc) =>
			connection.insertArrowFromIPCStream(ipc, { name: table, create: false })
	};
}

// The sample, and a second 建设场景明细 with a column outside the contract (each row's `extra`)
// and tiers 附件4 counts lower (counted_tier null or lower).
const encoder = new TextEncoder();
const sample = ['申报明细.csv', '建设场景明细.csv', '规上工业企业基数.csv'].map((name) => ({
	name,
	bytes: new Uint8Array(readFileSync(`data/sample/${name}`))
}));
const sampleIds = [
	...new Set(
		readFileSync('data/sample/建设场景明细.csv', 'utf8')
			.split('\n')
			.slice(1, 200)
			.map((line) => line.split(',')[0])
	)
];
const extraLines = ['申报编号,场景,场景层级,备注'];
scenarios.forEach((scenario, k) => {
	const tier = TIER_KEYS[k % 4] as (typeof TIER_KEYS)[number];
	extraLines.push(`${sampleIds[k % sampleIds.length]},${scenario.name},${tierName(tier)},备注${k}`);
});
const extraFile = { name: '补充场景.csv', bytes: encoder.encode(extraLines.join('\n') + '\n') };
const result = importFiles([...sample, extraFile]);

let node: NodeEngine;
let wasm: SqlEngine;
beforeAll(async () => {
	node = await NodeEngine.create();
	await loadTables(node, readSqlSources(), result.tables);
	wasm = await wasmEngine();
	await loadTableParts(
		wasm,
		readSqlSources(),
		tableParts(result.tables, { scenariosAsArrow: true })
	);
}, 60_000);
afterAll(() => node?.close());

describe('建设场景明细 as Arrow', () => {
	it('holds every row as it is in the table', () => {
		const rows = result.tables.scenarios;
		const ipc = scenarioColumnsToArrowIpc(rows.columnsIn(0, rows.length), '建设场景明细.csv');
		const table = tableFromIPC(ipc);
		expect(table.numRows).toBe(rows.length);
		const at = (i: number) => table.get(i)?.toJSON();
		for (const i of [0, 1, rows.length - 1]) {
			const row = rows.at(i);
			expect(at(i)).toMatchObject({
				declaration_id: row?.declaration_id,
				scenario_no: row?.scenario_no,
				scenario_tier: row?.scenario_tier,
				counted_tier: row?.counted_tier,
				source_file: '建设场景明细.csv',
				source_line: row?.source_line,
				extra: row?.extra
			});
		}
		// Each 申报编号 once in the dictionary.
		const ids = new Set(rows.toArray().map((r) => r.declaration_id));
		expect(table.getChild('declaration_id')?.data[0]?.dictionary?.length).toBe(ids.size);
	});

	it('is used for the scenarios only, one part per file', () => {
		const parts = tableParts(result.tables, { scenariosAsArrow: true });
		expect(parts.scenarios.map((p) => [p.sourceFile, p.format])).toEqual([
			['建设场景明细.csv', 'arrow'],
			['补充场景.csv', 'arrow']
		]);
		expect(parts.declarations.map((p) => p.format)).toEqual(['csv']);
	});

	it('loads into duckdb-wasm the same table, views and cube, as CSV into Node', async () => {
		const scenarioRows = 'SELECT * FROM scenarios ORDER BY source_file, source_line';
		const fromArrow = await wasm.query(scenarioRows);
		expect(fromArrow).toHaveLength(result.tables.scenarios.length);
		expect(fromArrow).toEqual(await node.query(scenarioRows));
		// The file outside the contract's columns keeps them, and 附件4 lowers some tiers.
		expect(fromArrow.filter((r) => r.extra !== null).length).toBe(scenarios.length);
		const lowered = scenarios.filter((s, k) => countedTierOf(s.no, TIER_KEYS[k % 4]!).note);
		expect(lowered.length).toBeGreaterThan(0);
		for (const sql of [
			'SELECT * FROM declaration_overview ORDER BY declaration_id',
			...Object.values(cubeQueries(readSqlSources().cube))
		]) {
			expect(await wasm.query(sql), sql).toEqual(await node.query(sql));
		}
	});

	it('loads a table without any unlisted column (no extra to send) the same way', async () => {
		const sampleOnly = importFiles(sample);
		expect(sampleOnly.tables.scenarios.columnsIn(0, 1).extras).toBeNull();
		const nodeAlone = await NodeEngine.create();
		try {
			await loadTables(nodeAlone, readSqlSources(), sampleOnly.tables);
			const wasmAlone = await wasmEngine();
			await loadTableParts(
				wasmAlone,
				readSqlSources(),
				tableParts(sampleOnly.tables, { scenariosAsArrow: true })
			);
			const sql = 'SELECT * FROM scenarios ORDER BY source_line';
			const fromArrow = await wasmAlone.query(sql);
			expect(fromArrow).toHaveLength(sampleOnly.tables.scenarios.length);
			expect(fromArrow).toEqual(await nodeAlone.query(sql));
		} finally {
			nodeAlone.close();
		}
	}, 60_000);
});
