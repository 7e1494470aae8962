#!/usr/bin/env -S npx tsx
/**
 * `npm run summary -- --data <dir> [--year Y] [--drop-identifying]`
 *
 * Reads every .csv in <dir> with the same import code and SQL as the site, prints the year's
 * summary as JSON on stdout (format: docs/data-in.md), and the validation problems on stderr.
 * Exit code 1 when a file was refused (identifying columns) or not recognised, 2 on bad usage.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadTables } from '../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../src/lib/db/node-engine';
import { computeSummary } from '../src/lib/db/summary';
import { importFiles } from '../src/lib/import/pipeline';
import { describeProblem } from '../src/lib/import/report';

function usage(message: string): never {
	process.stderr.write(
		`${message}\n用法：npm run summary -- --data <目录> [--year 年度] [--drop-identifying]\n`
	);
	process.exit(2);
}

const args = process.argv.slice(2);
const option = (name: string) => {
	const i = args.indexOf(name);
	return i >= 0 ? args[i + 1] : undefined;
};
const dir = option('--data') ?? usage('缺少 --data');
const yearText = option('--year');
const year = yearText === undefined ? undefined : Number(yearText);
if (year !== undefined && !Number.isInteger(year)) usage(`--year 应为年份：${yearText}`);
if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) usage(`不是目录：${dir}`);

const names = readdirSync(dir)
	.filter((name) => name.toLowerCase().endsWith('.csv'))
	.sort();
const inputs = names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
const dropAll = args.includes('--drop-identifying') ? new Set(names) : undefined;
const result = importFiles(inputs, { dropIdentifyingColumns: dropAll });

let refused = false;
for (const report of result.reports) {
	process.stderr.write(
		`${report.file}：${report.kindLabel}，${report.encoding}，读取 ${report.rowsRead} 行，导入 ${report.rowsLoaded} 行，拒绝 ${report.rowsRejected} 行，有警告 ${report.rowsWithWarnings} 行\n`
	);
	if (report.status === 'refused' || report.status === 'unrecognised') refused = true;
	for (const problem of report.problems) {
		process.stderr.write(
			`  [${problem.severity === 'error' ? '错误' : '警告'}] ${describeProblem(problem)}\n`
		);
	}
}
for (const note of result.notes) process.stderr.write(`注意：${note}\n`);

const engine = await NodeEngine.create();
try {
	await loadTables(engine, readSqlSources(), result.tables);
	const summary = await computeSummary(engine, year);
	process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
} finally {
	engine.close();
}
process.exit(refused ? 1 : 0);
