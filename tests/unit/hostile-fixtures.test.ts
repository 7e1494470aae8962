/**
 * The hostile import corpus (tests/fixtures/hostile/, listed in its README.md; issue #20): files
 * real clerks and real tools produce, each broken in one way. Every one is imported and its exact
 * outcome asserted — status, kind, encoding, counts (rows read = counted independently = loaded
 * + rejected), each problem with its line, column and reason — and every file that loads is then
 * loaded into DuckDB, whose tables must hold exactly the rows the report says were loaded.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { importFiles, type ImportResult } from '../../src/lib/import/pipeline';
import type { InputFile } from '../../src/lib/import/read-file';
import type { FileReport } from '../../src/lib/import/report';
import { TEXT_EXPECTED, type Expected } from './hostile-expected';
import { VALUE_EXPECTED } from './hostile-expected-values';

const DIR = 'tests/fixtures/hostile';
const bytesOf = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));

const EXPECTED: Record<string, Expected> = { ...TEXT_EXPECTED, ...VALUE_EXPECTED };

/** Fixtures imported in the test of two files of one name, not alone. */
const PAIRED = ['dup-name-first.csv', 'dup-name-second.csv'];

let engine: NodeEngine;
beforeAll(async () => {
	engine = await NodeEngine.create();
});
afterAll(() => engine?.close());

/** The tables as DuckDB holds them: rows per table and source file. */
async function loadedCounts(result: ImportResult) {
	await loadTables(engine, readSqlSources(), result.tables);
	const counts: Record<string, number> = {};
	for (const table of ['declarations', 'scenarios', 'baseline', 'region_targets']) {
		const rows = await engine.query<{ file: string; n: number }>(
			`SELECT source_file::VARCHAR AS file, count(*)::INTEGER AS n FROM ${table} GROUP BY ALL`
		);
		for (const row of rows) counts[row.file] = (counts[row.file] ?? 0) + row.n;
	}
	return counts;
}

function problemsOf(report: FileReport) {
	return report.problems.map((p) => [p.line, p.column, p.reason, p.severity]);
}

describe('the hostile corpus', () => {
	it.each(Object.entries(EXPECTED))('%s', async (name, expected) => {
		const result = importFiles([{ name, bytes: bytesOf(name) }]);
		const report = result.reports[0] as FileReport;
		expect(report).toMatchObject({
			file: name,
			status: expected.status ?? 'loaded',
			kind: expected.kind === undefined ? 'declarations' : expected.kind,
			rowsRead: expected.counts[0],
			rowsCounted: expected.counts[0],
			rowsLoaded: expected.counts[1],
			rowsRejected: expected.counts[2],
			rowsWithWarnings: expected.counts[3]
		});
		if (expected.encoding) expect(report.encoding).toBe(expected.encoding);
		expect(report.rejectedRows).toHaveLength(report.rowsRejected);
		expect(problemsOf(report)).toEqual(
			expected.problems.map(([line, column, reason, severity]) => [
				line,
				column,
				expect.stringContaining(reason),
				severity ?? 'error'
			])
		);
		// Every rejected row is named by a problem on its line.
		const errorLines = new Set(
			report.problems.filter((p) => p.severity === 'error').map((p) => p.line)
		);
		if (report.status === 'loaded') {
			for (const row of report.rejectedRows)
				expect(errorLines.has(row.line), `${row.line}`).toBe(true);
		}
		expected.then?.(result, report);
		if (report.status === 'loaded') {
			expect(await loadedCounts(result)).toEqual(
				report.rowsLoaded > 0 ? { [name]: report.rowsLoaded } : {}
			);
		}
	});

	it('two files of one name: the second is read as “… (2).csv”, both wholly, in DuckDB too', async () => {
		const inputs: InputFile[] = PAIRED.map((fixture) => ({
			name: 'dup-name.csv',
			bytes: bytesOf(fixture)
		}));
		const result = importFiles(inputs);
		expect(result.reports.map((r) => [r.file, r.rowsRead, r.rowsLoaded, r.rowsRejected])).toEqual([
			['dup-name.csv', 2, 2, 0],
			['dup-name (2).csv', 3, 3, 0]
		]);
		expect(problemsOf(result.reports[1] as FileReport)).toEqual([
			[
				null,
				null,
				'本次导入中另有文件名为“dup-name.csv”的文件，本文件在报告和数据（source_file）中记为“dup-name (2).csv”',
				'warning'
			]
		]);
		expect(result.sanitizedTexts.map((s) => [s.input, s.name])).toEqual([
			[0, 'dup-name.csv'],
			[1, 'dup-name (2).csv']
		]);
		expect(await loadedCounts(result)).toEqual({ 'dup-name.csv': 2, 'dup-name (2).csv': 3 });
	});

	it('has at least 60 files, each listed in README.md and given an outcome here', () => {
		const files = readdirSync(DIR).filter((name) => name.endsWith('.csv'));
		expect(files.length).toBeGreaterThanOrEqual(60);
		const readme = readFileSync(`${DIR}/README.md`, 'utf8');
		for (const name of files) {
			expect(readme, name).toContain(`\`${name}\``);
			expect(name in EXPECTED || PAIRED.includes(name), name).toBe(true);
		}
	});
});
