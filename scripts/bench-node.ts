/**
 * One Node benchmark run, in its own process so peak memory is its own:
 * `tsx scripts/bench-node.ts <dir>` prints JSON: import (parse + validate), load, cube and
 * view times, the cube's size, rows/s and peak RSS. Called by scripts/bench.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTables } from '../src/lib/db/load';
import { encodeCube } from '../src/lib/cube/cube';
import { makeCube } from '../src/lib/db/make-cube';
import { NodeEngine, readSqlSources } from '../src/lib/db/node-engine';
import { timeViews } from '../src/lib/db/view-timings';
import { importFiles } from '../src/lib/import/pipeline';

const dir = process.argv[2];
if (!dir) throw new Error('usage: bench-node.ts <dir>');
const inputs = readdirSync(dir)
	.filter((n) => n.endsWith('.csv'))
	.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));

const t0 = performance.now();
const result = importFiles(inputs);
const t1 = performance.now();
const engine = await NodeEngine.create();
const sql = readSqlSources();
await loadTables(engine, sql, result.tables);
const t2 = performance.now();
const cube = await makeCube(engine, sql.cube, {
	data: 'user',
	asOf: new Date().toISOString(),
	files: inputs.map((i) => i.name)
});
const t3 = performance.now();
const { core, detail } = encodeCube(cube);
const cubeBytes = core.length + detail.length;
const cubeCoreBytes = core.length;
const views = await timeViews(engine, sql);
engine.close();
const rows = result.reports.reduce((n, r) => n + r.rowsRead, 0);
console.log(
	JSON.stringify({
		rows,
		scenarioRows: result.tables.scenarios.length,
		importMs: t1 - t0,
		loadMs: t2 - t1,
		summaryMs: t3 - t2,
		cubeBytes,
		cubeCoreBytes,
		rowsPerSecond: rows / ((t2 - t0) / 1000),
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		views
	})
);
