/**
 * Property test of the import (issue #20): valid files mutated at random — bytes, quotes, line
 * breaks, cells, encodings, truncation, duplicated names — with a fixed seed. For every case:
 * no uncaught error, and for every file rows in = rows read = loaded + rejected, where "rows in"
 * is counted by the tests' own reader (csv-oracle.ts: the text split into physical lines first,
 * records put together line by line — no code shared with the import's reader or with its own
 * count, record-count.ts), from the text the import decoded, at the delimiter PapaParse
 * guessed. Every sixth case is loaded into DuckDB too, whose tables must hold exactly the rows
 * the reports say were loaded, per file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { guessDelimiter } from '../../src/lib/import/csv-records';
import { decodeCsvBytes } from '../../src/lib/import/decode';
import { importFiles, type ImportResult } from '../../src/lib/import/pipeline';
import type { InputFile } from '../../src/lib/import/read-file';
import { encodeGbk } from '../fixtures/gbk.mjs';
import { oracleRowCount } from './csv-oracle';

const CASES = 300;

let seed = 20_261_202;
/** 0 … n-1, from a fixed linear congruential generator: the same cases every run. */
const random = (n: number) => {
	seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
	return ((seed >>> 8) % 0x10000) % n;
};
const pick = <T>(items: readonly T[]): T => items[random(items.length)] as T;

/** The first lines of a file (its header and some rows). */
const head = (path: string, lines: number) =>
	readFileSync(path, 'utf8').split(/\r?\n/).slice(0, lines).join('\n') + '\n';

const BASES = [
	{ name: '申报明细.csv', text: head('data/sample/申报明细.csv', 40) },
	{ name: '建设场景明细.csv', text: head('data/sample/建设场景明细.csv', 60) },
	{ name: '规上工业企业基数.csv', text: head('data/sample/规上工业企业基数.csv', 40) },
	{ name: 'targets.csv', text: readFileSync('tests/fixtures/import/targets.csv', 'utf8') },
	{
		name: 'regions.csv',
		text: readFileSync('tests/fixtures/import/decl-region-aliases.csv', 'utf8')
	},
	{
		name: 'multiline.csv',
		text: readFileSync('tests/fixtures/import/decl-quoted-multiline.csv', 'utf8')
	}
];

/** Cells a clerk, a tool or an attacker might put anywhere. */
const HOSTILE_CELLS = [
	'"',
	'""',
	'"x',
	'x"',
	'"a""b"',
	'1e309',
	'NaN',
	'12 34',
	'1,2,3,4',
	'9'.repeat(30),
	'2147483648',
	'-1',
	'3.5',
	'x'.repeat(40_000),
	'\uFDFA'.repeat(2_000),
	'13812345678',
	'+86 138 1234 5678',
	'a@b.cn',
	'110101199003071234',
	'\uFFFD',
	'\u200B',
	'=1+1',
	',',
	'\r',
	'\n',
	'\t',
	'　',
	'',
	'<script>x</script>'
];

/** One mutation of a text (before encoding). */
function mutateText(text: string): string {
	const at = random(text.length + 1);
	switch (random(8)) {
		case 0: // a quote somewhere
			return text.slice(0, at) + '"' + text.slice(at);
		case 1: // a character gone
			return text.slice(0, at) + text.slice(at + 1);
		case 2: {
			// a line break of another kind
			const breaks = [...text.matchAll(/\r\n|\r|\n/g)];
			const hit = breaks.length > 0 ? pick(breaks) : null;
			if (!hit || hit.index === undefined) return text;
			return (
				text.slice(0, hit.index) +
				pick(['\r', '\n', '\r\n', '\n\r', '']) +
				text.slice(hit.index + hit[0].length)
			);
		}
		case 3: // a line break somewhere
			return text.slice(0, at) + pick(['\r', '\n', '\r\n']) + text.slice(at);
		case 4: {
			// a cell replaced
			const lines = text.split('\n');
			const index = random(lines.length);
			const cells = (lines[index] ?? '').split(',');
			cells[random(cells.length)] = pick(HOSTILE_CELLS);
			lines[index] = cells.join(',');
			return lines.join('\n');
		}
		case 5: {
			// a line repeated
			const lines = text.split('\n');
			const index = random(lines.length);
			lines.splice(index, 0, lines[index] ?? '');
			return lines.join('\n');
		}
		case 6: // a BOM, or a second one
			return '\uFEFF' + text;
		default: // the text cut short
			return text.slice(0, at);
	}
}

/** One mutation of the bytes. */
function mutateBytes(bytes: Uint8Array): Uint8Array {
	if (bytes.length === 0) return bytes;
	const at = random(bytes.length);
	const out = new Uint8Array(bytes);
	switch (random(3)) {
		case 0: // a byte changed
			out[at] = random(256);
			return out;
		case 1: {
			// a byte inserted (0xFF is never UTF-8)
			const grown = new Uint8Array(bytes.length + 1);
			grown.set(bytes.subarray(0, at));
			grown[at] = pick([0xff, 0x80, 0xe8, 0xc0, 0x00, 0x22]);
			grown.set(bytes.subarray(at), at + 1);
			return grown;
		}
		default: // cut short
			return bytes.slice(0, at);
	}
}

function utf16le(text: string): Uint8Array {
	const out = new Uint8Array(2 + text.length * 2);
	out[0] = 0xff;
	out[1] = 0xfe;
	for (let i = 0; i < text.length; i++) {
		out[2 + i * 2] = text.charCodeAt(i) & 0xff;
		out[3 + i * 2] = text.charCodeAt(i) >> 8;
	}
	return out;
}

/** A text as some tool saves it: UTF-8, GBK (when it can be), or Excel's UTF-16. */
function encode(text: string): Uint8Array {
	const how = random(6);
	if (how === 0) {
		try {
			return encodeGbk(text);
		} catch {
			// Not all in GBK, or also valid UTF-8: UTF-8 then.
		}
	}
	if (how === 1) return utf16le(text);
	return new TextEncoder().encode(text);
}

function mutatedCase(): InputFile[] {
	const files: InputFile[] = [];
	for (let n = 1 + random(3); n > 0; n--) {
		const base = pick(BASES);
		let text = base.text;
		for (let m = random(5); m >= 0; m--) text = mutateText(text);
		let bytes = encode(text);
		for (let m = random(3) - 1; m > 0; m--) bytes = mutateBytes(bytes);
		// Now and then two files of one name.
		files.push({ name: random(4) === 0 ? 'same.csv' : base.name, bytes });
	}
	return files;
}

let engine: NodeEngine;
beforeAll(async () => {
	engine = await NodeEngine.create();
});
afterAll(() => engine?.close());

async function checkInDuckDb(result: ImportResult) {
	await loadTables(engine, readSqlSources(), result.tables);
	const held: Record<string, number> = {};
	for (const table of ['declarations', 'scenarios', 'baseline', 'region_targets']) {
		const rows = await engine.query<{ file: string; n: number }>(
			`SELECT source_file::VARCHAR AS file, count(*)::INTEGER AS n FROM ${table} GROUP BY ALL`
		);
		for (const row of rows) held[row.file] = (held[row.file] ?? 0) + row.n;
	}
	const reported = Object.fromEntries(
		result.reports.filter((r) => r.rowsLoaded > 0).map((r) => [r.file, r.rowsLoaded])
	);
	expect(held).toEqual(reported);
}

describe('the import of randomly mutated files', () => {
	it(`balances every file of ${CASES} cases against an independent count`, async () => {
		let rowsSeen = 0;
		let rejectedSeen = 0;
		let faultsSeen = 0;
		for (let c = 0; c < CASES; c++) {
			const inputs = mutatedCase();
			let result: ImportResult;
			try {
				result = importFiles(inputs);
			} catch (error) {
				throw new Error(`case ${c} threw: ${String(error)}`, { cause: error });
			}
			expect(new Set(result.reports.map((r) => r.file)).size, `case ${c}`).toBe(inputs.length);
			for (const [i, report] of result.reports.entries()) {
				const where = `case ${c}, ${report.file}`;
				const text = decodeCsvBytes(inputs[i]?.bytes ?? new Uint8Array()).text;
				const rowsIn = report.encoding === '—' ? 0 : oracleRowCount(text, guessDelimiter(text));
				expect(report.rowsRead, where).toBe(rowsIn);
				expect(report.rowsCounted, where).toBe(rowsIn);
				expect(report.rowsLoaded + report.rowsRejected, where).toBe(report.rowsRead);
				expect(report.rejectedRows, where).toHaveLength(report.rowsRejected);
				expect(
					report.problems.some((p) => p.reason.startsWith('行数核对不符')),
					where
				).toBe(false);
				for (const problem of report.problems) {
					expect(problem.file, where).toBe(report.file);
					expect(problem.reason, where).toMatch(/[\u4e00-\u9fff]/);
				}
				rowsSeen += report.rowsRead;
				rejectedSeen += report.rowsRejected;
				faultsSeen += report.problems.filter((p) =>
					/引号|解码|替换字符|上限/.test(p.reason)
				).length;
			}
			if (c % 6 === 0) await checkInDuckDb(result);
		}
		// The cases exercise what they should: many rows, many rejected, faults of every kind.
		expect(rowsSeen).toBeGreaterThan(10_000);
		expect(rejectedSeen).toBeGreaterThan(500);
		expect(faultsSeen).toBeGreaterThan(100);
	}, 120_000);
});
