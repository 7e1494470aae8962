/**
 * A Node DuckDB loaded with files as the site loads them, plus the oracle's per-figure views
 * (views.sql here), for the tests that hold the cube's slices to SQL.
 */
import { readFileSync } from 'node:fs';
import { makeCube } from '../../src/lib/db/make-cube';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import type { Cube } from '../../src/lib/cube/cube';
import type { Summary } from '../../src/lib/figures/summary';
import { importFiles } from '../../src/lib/import/pipeline';
import { oracleSummary } from './summary';

const ORACLE_VIEWS = readFileSync(new URL('./views.sql', import.meta.url), 'utf8');

/** The files' data in DuckDB with the oracle's views, and its cube. */
export async function oracleEngine(
	inputs: { name: string; bytes: Uint8Array }[]
): Promise<{ engine: NodeEngine; cube: Cube }> {
	const engine = await NodeEngine.create();
	const sql = readSqlSources();
	await loadTables(engine, sql, importFiles(inputs).tables);
	const cube = await makeCube(engine, sql.cube, {
		data: 'user',
		asOf: '2026-12-02T00:00:00.000Z',
		files: inputs.map((i) => i.name)
	});
	await engine.exec(ORACLE_VIEWS);
	return { engine, cube };
}

/** The files' summary as the SQL oracle computes it (tests/oracle/summary.ts). */
export async function oracleSummaryOf(
	inputs: { name: string; bytes: Uint8Array }[],
	year?: number
): Promise<Summary | null> {
	const { engine } = await oracleEngine(inputs);
	try {
		return await oracleSummary(engine, year);
	} finally {
		engine.close();
	}
}
