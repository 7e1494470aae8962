/**
 * Every CSV the site exports (tables, the SQL console's result, the import's problems and
 * rejected rows) goes through `toExcelCsv`: a spreadsheet that opens it runs no cell as a
 * formula, and every value reads back as it was, behind one apostrophe where one was needed.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toExcelCsv } from '../../src/lib/import/csv';
import { problemsCsv, rejectedRowsCsv } from '../../src/lib/import/report';

/** The cells as a spreadsheet reads them (BOM checked and dropped, CRLF records). */
function readBack(csv: string): string[][] {
	expect(csv.startsWith('\uFEFF')).toBe(true);
	const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

/** What Excel and WPS would take for a formula: = + - @ after any leading white space or control characters. */
function runsAsFormula(cell: string): boolean {
	const first = [...cell].find((c) => !(/\s/.test(c) || c.charCodeAt(0) < 0x20));
	return /^[\t\r\n]/.test(cell) || (first !== undefined && '=+-@'.includes(first));
}

const FORMULAS = [
	'=1+1',
	'+cmd|/C calc!A0',
	'-1+2',
	'@SUM(A1:A2)',
	'\r\n=1+1',
	'\n=HYPERLINK("http://x")',
	'\r=1',
	'\t=1',
	' =1+1',
	'   @SUM(1)',
	'\u3000=1',
	'\u00a0+1',
	' \t\r\n-2',
	'\tplain text after a tab',
	'\rplain text after a CR',
	'\nplain text after a LF'
];
const HARMLESS = [
	'申报编号 A=1',
	'a-b',
	'1+1',
	'x@y.cn',
	'',
	' leading space',
	'"quoted", with comma'
];

describe('toExcelCsv', () => {
	it('neutralises every cell a spreadsheet would run, in the header and the rows, and keeps the rest', () => {
		const csv = toExcelCsv(
			['=HEADER', 'ok'],
			[...FORMULAS, ...HARMLESS].map((v) => [v, v])
		);
		const [header, ...rows] = readBack(csv);
		expect(header).toEqual(["'=HEADER", 'ok']);
		expect(rows.map((r) => r[0])).toEqual([...FORMULAS.map((v) => `'${v}`), ...HARMLESS]);
		expect(rows.flat().filter(runsAsFormula)).toEqual([]);
	});

	it('writes numbers, booleans and nulls as they are (a negative number is a number)', () => {
		const [, row] = readBack(toExcelCsv(['a', 'b', 'c', 'd'], [[-1.5, true, null, undefined]]));
		expect(row).toEqual(['-1.5', 'true', '', '']);
	});

	it('keeps a line break inside a cell as it is, and separates records with CRLF', () => {
		const csv = toExcelCsv(['a'], [['line 1\nline 2'], ['x\r\ny']]);
		expect(csv).toBe('\uFEFFa\r\n"line 1\nline 2"\r\n"x\r\ny"\r\n');
	});
});

describe("the import report's CSVs go through it", () => {
	it('problems and rejected rows carry no runnable cell', () => {
		// Only the fields the two CSVs read.
		const report = {
			file: '\r\n=1+1.csv',
			headers: [' =盟市', '旗县区'],
			problems: FORMULAS.map((value, i) => ({
				file: '\r\n=1+1.csv',
				line: i + 2,
				column: ' =col',
				value,
				severity: 'error',
				reason: '\t=reason'
			})),
			rejectedRows: FORMULAS.map((value, i) => ({
				line: i + 2,
				reasons: ['@reason'],
				cells: [value, '-x']
			}))
		};
		for (const csv of [
			problemsCsv([report] as unknown as Parameters<typeof problemsCsv>[0]),
			rejectedRowsCsv(report as unknown as Parameters<typeof rejectedRowsCsv>[0])
		]) {
			const cells = readBack(csv).flat();
			expect(cells.filter(runsAsFormula)).toEqual([]);
		}
	});
});
