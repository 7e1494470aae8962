/**
 * One Node benchmark run, in its own process so peak memory is its own:
 * `tsx scripts/bench-node.ts <dir>` prints JSON: import (parse + validate), load, summary and
 * view times, rows/s and peak RSS. Called by scripts/bench.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTables } from '../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../src/lib/db/node-engine';
import { computeSummary } from '../src/lib/db/summary';
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
await loadTables(engine, readSqlSources(), result.tables);
const t2 = performance.now();
await computeSummary(engine);
const t3 = performance.now();
const views = await timeViews(engine);
engine.close();
const rows = result.reports.reduce((n, r) => n + r.rowsRead, 0);
console.log(
	JSON.stringify({
		rows,
		scenarioRows: result.tables.scenarios.length,
		importMs: t1 - t0,
		loadMs: t2 - t1,
		summaryMs: t3 - t2,
		rowsPerSecond: rows / ((t2 - t0) / 1000),
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		views
	})
);
