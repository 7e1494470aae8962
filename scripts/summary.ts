#!/usr/bin/env -S npx tsx
/**
 * `npm run summary -- --data <dir> [--year Y] [--drop-identifying]`
 *
 * Reads every .csv, .txt (Excel's "Unicode 文本") and .xlsx in <dir> — saying which other files
 * it leaves — with the same import code and SQL as the site, makes the cube and
 * prints the year's summary — a slice of the cube, like every figure of the site — as JSON on
 * stdout (format: docs/data-in.md), and the validation problems on stderr. Exit code 1 when a
 * file was refused (identifying columns) or not recognised, or the data could not be loaded;
 * 2 on bad usage, a year the data does not hold among them. Every failure is a message in
 * Chinese, never a stack trace.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadTables } from '../src/lib/db/load';
import { makeCube } from '../src/lib/db/make-cube';
import { NodeEngine, readSqlSources } from '../src/lib/db/node-engine';
import { summaryOf, YearNotInDataError } from '../src/lib/figures/summary';
import { importFiles } from '../src/lib/import/pipeline';
import { describeProblem } from '../src/lib/import/report';

/** The files read: what the 数据 page takes. */
const READ = /\.(csv|txt|xlsx)$/i;

const USAGE = '用法：npm run summary -- --data <目录> [--year 年度] [--drop-identifying]';

function stop(message: string, code: number): never {
	process.stderr.write(`${message}\n`);
	process.exit(code);
}

const usage = (message: string): never => stop(`${message}\n${USAGE}`, 2);

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

async function main(): Promise<number> {
	const all = readdirSync(dir)
		.filter((name) => !name.startsWith('.') && statSync(join(dir, name)).isFile())
		.sort();
	const names = all.filter((name) => READ.test(name));
	for (const name of all.filter((n) => !READ.test(n))) {
		process.stderr.write(`未读取：${name}（不是 CSV、TXT 或 Excel 工作簿 .xlsx）\n`);
	}
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
		const sql = readSqlSources();
		await loadTables(engine, sql, result.tables);
		const cube = await makeCube(engine, sql.cube, {
			data: 'user',
			asOf: new Date().toISOString(),
			files: names
		});
		const summary = summaryOf(cube, year);
		process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
	} finally {
		engine.close();
	}
	return refused ? 1 : 0;
}

try {
	process.exit(await main());
} catch (error) {
	if (error instanceof YearNotInDataError) usage(error.message);
	const reason = error instanceof Error ? error.message : String(error);
	stop(`数据未能载入或汇总：${reason}`, 1);
}
