/**
 * The on-demand CSV reader (csv-records.ts) against two others: PapaParse, wherever the text is
 * well-formed CSV with one kind of line break (there the grammar is PapaParse's), and the
 * line-by-line oracle of the tests (csv-oracle.ts) everywhere, quote faults and mixed line
 * breaks included. The import's own row count (record-count.ts) is held to the oracle too.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { objectsToCsvBytes, writeUtf8, toCsv } from '../../src/lib/import/csv';
import {
	isBlankRecord,
	readCsvRecords,
	TEXT_AFTER_QUOTE,
	UNCLOSED_QUOTE
} from '../../src/lib/import/csv-records';
import { countDataRows } from '../../src/lib/import/record-count';
import { oracleRecords, oracleRowCount } from './csv-oracle';

function allRecords(text: string): string[][] {
	const records = readCsvRecords(text);
	return Array.from({ length: records.length }, (_, i) => records.at(i));
}

function faults(text: string): (string | null)[] {
	const records = readCsvRecords(text);
	return Array.from({ length: records.length }, (_, i) => records.fault(i)?.reason ?? null);
}

/** PapaParse's records, a last one of one empty cell dropped (as the reader does). */
function papaRecords(text: string): string[][] {
	const records = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data;
	const last = records[records.length - 1];
	if (last && last.length === 1 && last[0] === '') records.pop();
	return records;
}

/** Text PapaParse reads without error, with one kind of line break that it guesses right. */
function papaReadsAlike(text: string): boolean {
	const styles = [/\r\n/, /\r(?!\n)/, /(?<!\r)\n/].filter((style) => style.test(text)).length;
	const parsed = Papa.parse(text, { header: false, skipEmptyLines: false });
	// One column leaves PapaParse's delimiter guess undecided: not an error of the reading.
	const errors = parsed.errors.filter((e) => e.code !== 'UndetectableDelimiter');
	if (errors.length > 0 || styles > 1) return false;
	const guessed = { '\r\n': /\r\n/, '\r': /\r(?!\n)/, '\n': /(?<!\r)\n/ }[parsed.meta.linebreak];
	return styles === 0 || guessed?.test(text) === true;
}

/** The import's count of data rows, from the reader's records. */
function rowsOf(text: string): number {
	const records = readCsvRecords(text);
	let filled = 0;
	for (let i = 0; i < records.length; i++) {
		if (records.fault(i) || !isBlankRecord(records.at(i))) filled += 1;
	}
	return Math.max(0, filled - 1);
}

function checkAgainstOracle(text: string) {
	const records = readCsvRecords(text);
	const oracle = oracleRecords(text, records.delimiter);
	expect(allRecords(text), JSON.stringify(text)).toEqual(oracle.map((r) => r.cells));
	expect(
		faults(text).map((f) => f !== null),
		JSON.stringify(text)
	).toEqual(oracle.map((r) => r.faulty));
	const rows = oracleRowCount(text, records.delimiter);
	expect(rowsOf(text), JSON.stringify(text)).toBe(rows);
	expect(countDataRows(text, records.delimiter), JSON.stringify(text)).toBe(rows);
}

const SHAPES = [
	'',
	'\n',
	'\n\n',
	'a',
	'a\n',
	'a,b\n1,2',
	'a,b\n1,2\n',
	'a,b\r\n1,2\r\n\r\n3,4\r\n',
	'a,b\r1,2\r',
	'a,b\n\n1,2\n\n\n',
	'a,b\n"x,y",2\n',
	'a,b\n"x\ny",2\n3,4',
	'a,b\r\n"x\r\ny",2\r\n',
	'a,b\n"say ""hi""",2\n',
	'a,b\n"x"',
	'a,b\n"x""',
	'a,b\n"x"""',
	'a,b\n"x"  ,2\n',
	'a,b\n"x" y,2\n',
	'a,b\n"unterminated,2\n3,4\n',
	'a,b\nab"c,2\n',
	'a,b\n"",""\n',
	'a,b\n1,2,3,4\n5\n',
	'a;b;c\n1;2;3\n4;"5;6";7\n',
	'a\tb\n1\t2\n',
	'a,b\r\n1,2\n3,4\r\n',
	'a,b\n1,2\r\n3,4\n',
	'\uFEFF申报编号,盟市\nSB-1,"呼和浩特市"\n',
	'a,b\n"x\n',
	'a,b\n"x",\n',
	'a,b\r1,2\r\n3,4\r5,6\n7,8',
	'a,b\n"x\r\ny" ,2\r3,"4"\r',
	'a,b\n1,"2\n3,4\n5,6\n',
	'a,b\n1,"2" x\n3,"4\n5"\n6,7',
	'a,b\n"1,2\n3,4\n"5",6\n'
];

describe('readCsvRecords', () => {
	it('reads well-formed shapes as PapaParse does', () => {
		let compared = 0;
		for (const text of SHAPES) {
			if (!papaReadsAlike(text)) continue;
			compared += 1;
			expect(allRecords(text), JSON.stringify(text)).toEqual(papaRecords(text));
		}
		expect(compared).toBeGreaterThanOrEqual(20);
	});

	it('reads every shape as the oracle does, and counts its rows alike', () => {
		for (const text of SHAPES) checkAgainstOracle(text);
	});

	it('ends a record at CRLF, LF or CR, mixed as they come', () => {
		expect(allRecords('a,b\r1,2\r\n3,4\r5,6\n7,8')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4'],
			['5', '6'],
			['7', '8']
		]);
		// Inside quotes a line break is data, whatever its kind.
		expect(allRecords('a,b\n"x\r\ny" ,2\r3,"4"\r')).toEqual([
			['a', 'b'],
			['x\r\ny', '2'],
			['3', '4']
		]);
	});

	it('rejects a quote never closed on its own line, and reads the next lines again', () => {
		const text = 'a,b\n1,"2\n3,4\n5,6\n';
		expect(allRecords(text)).toEqual([
			['a', 'b'],
			['1', '"2'],
			['3', '4'],
			['5', '6']
		]);
		expect(faults(text)).toEqual([null, UNCLOSED_QUOTE, null, null]);
		const records = readCsvRecords(text);
		expect(records.fault(1)).toEqual({ field: 1, reason: UNCLOSED_QUOTE });
	});

	it('rejects text after a closing quote on the quote’s line, also when the quote closes lines later', () => {
		const text = 'a,b\n1,"2" x\n3,"4\n5"\n6,7';
		expect(allRecords(text)).toEqual([
			['a', 'b'],
			['1', '"2" x'],
			['3', '4\n5'],
			['6', '7']
		]);
		expect(faults(text)).toEqual([null, TEXT_AFTER_QUOTE, null, null]);
		// A quote opened on line 2 "closes" at line 4's quote, which text follows: line 2 is cut.
		const later = 'a,b\n"1,2\n3,4\n"5",6\n';
		expect(allRecords(later)).toEqual([
			['a', 'b'],
			['"1', '2'],
			['3', '4'],
			['5', '6']
		]);
		expect(faults(later)).toEqual([null, TEXT_AFTER_QUOTE, null, null]);
	});

	it('finds the record of any character of the text', () => {
		const text = 'a,b\r\n"x\ny",2\r\n\r\n3,4';
		const records = readCsvRecords(text);
		const expected = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3, 3];
		expect(Array.from(text, (_, at) => records.recordAt(at))).toEqual(expected);
		expect(records.span(1)).toBe('"x\ny",2'.length);
	});

	it('reads random texts as the oracle does (and as PapaParse, where that reads them alike)', () => {
		// A fixed linear congruential generator: the same texts every run.
		let seed = 20_251_125;
		const random = (n: number) => {
			seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
			return (seed >>> 16) % n;
		};
		const pieces = [
			'a',
			'bc',
			'申报',
			' ',
			'\u3000',
			',',
			',',
			'"',
			'""',
			'\n',
			'\n',
			'\r\n',
			'\r',
			';',
			'\t'
		];
		let withPapa = 0;
		for (let t = 0; t < 4000; t++) {
			let text = '';
			const n = random(40);
			for (let i = 0; i < n; i++) text += pieces[random(pieces.length)];
			checkAgainstOracle(text);
			if (papaReadsAlike(text)) {
				withPapa += 1;
				expect(allRecords(text), JSON.stringify(text)).toEqual(papaRecords(text));
			}
		}
		expect(withPapa).toBeGreaterThan(300);
	});

	it('reads random well-formed CSV as PapaParse does', () => {
		let seed = 7;
		const random = (n: number) => {
			seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
			return (seed >>> 16) % n;
		};
		const plain = ['', 'a', '申报', ' b ', 'x"y', '1,5'.replace(',', '.')];
		let withPapa = 0;
		const quotedText = ['', ',', '\n', '\r\n', '""', 'a""b', '申报\n层级', ' '];
		for (let t = 0; t < 2000; t++) {
			const newline = random(2) ? '\n' : '\r\n';
			const columns = 1 + random(4);
			const lines: string[] = [];
			for (let r = random(8); r >= 0; r--) {
				if (random(6) === 0) {
					lines.push('');
					continue;
				}
				const cells: string[] = [];
				for (let c = 0; c < columns; c++) {
					cells.push(
						random(3)
							? (plain[random(plain.length)] ?? '')
							: `"${quotedText[random(quotedText.length)]}"`
					);
				}
				lines.push(cells.join(','));
			}
			const text = lines.join(newline) + (random(2) ? newline : '');
			checkAgainstOracle(text);
			// PapaParse guesses the line break from the text outside quotes; a quote inside an
			// unquoted cell ("x"y") can mislead that guess, and then it reads another CSV.
			const guessed = Papa.parse(text, { preview: 1 }).meta.linebreak;
			if (!text.includes('\n') || guessed === newline) {
				withPapa += 1;
				expect(allRecords(text), JSON.stringify(text)).toEqual(papaRecords(text));
			}
		}
		expect(withPapa).toBeGreaterThan(1500);
	});

	it('reads a text longer than the delimiter guess as PapaParse does', () => {
		const lines = ['申报编号,场景,场景层级'];
		for (let i = 0; i < 60_000; i++)
			lines.push(
				i % 7 === 0 ? `SB-${i},"产品, ""数字化""\n研发",基础级` : `SB-${i},${i % 40},先进级`
			);
		const text = lines.join('\r\n') + '\r\n';
		expect(text.length).toBeGreaterThan(1024 * 1024);
		expect(allRecords(text)).toEqual(papaRecords(text));
		expect(countDataRows(text, ',')).toBe(60_000);
	});
});

describe('objectsToCsvBytes', () => {
	it('writes the UTF-8 of toCsv for every kind of value', () => {
		const columns = ['a', 'b', 'c'];
		const values = [
			null,
			undefined,
			0,
			7,
			1234567890123,
			-3,
			2.5,
			true,
			false,
			'',
			'SB2025-00001',
			' lead',
			'trail ',
			'a,b',
			'say "hi"',
			'two\nlines',
			'\r',
			'建设场景明细.csv',
			'=1+1',
			'\u3000全角',
			'tab\t',
			'𠀀旗',
			'lone \ud800 surrogate',
			'end \udfff',
			'é ß Ω',
			'€'
		];
		const rows = values.flatMap((a, i) =>
			values.map((b, j) => ({ a, b, c: values[(i * 7 + j) % values.length] }))
		);
		const expected = new TextEncoder().encode(
			toCsv(
				columns,
				rows.map((r) => [r.a, r.b, r.c])
			)
		);
		expect(objectsToCsvBytes(columns, rows)).toEqual(expected);
	});

	it('writes UTF-8 as TextEncoder does, lone surrogates included', () => {
		const encoder = new TextEncoder();
		const texts = [
			'',
			'abc',
			'é',
			'建设',
			'𠀀',
			'\ud800',
			'\udc00x',
			'a\ud83d',
			'\u07ff\u0800\uffff'
		];
		for (let code = 0; code < 0x10000; code += 97) texts.push(String.fromCharCode(code));
		for (const text of texts) {
			const buffer = new Uint8Array(text.length * 3 + 4);
			const end = writeUtf8(text, buffer, 2);
			expect(buffer.subarray(2, end), JSON.stringify(text)).toEqual(encoder.encode(text));
		}
	});

	it('sizes its buffer from the first rows and still writes every row when later ones are longer', () => {
		const columns = ['id', 'n', 'name'];
		// 40,000 rows: over a megabyte, so the bytes come back as a view of the sized buffer.
		const rows = Array.from({ length: 40_000 }, (_, i) => ({
			id: `SB-${i}`,
			n: i * 37,
			name: i < 1000 ? 'a' : i % 3 ? '建设场景'.repeat(1 + (i % 5)) : 'a,"b"'
		}));
		const expected = new TextEncoder().encode(
			toCsv(
				columns,
				rows.map((r) => [r.id, r.n, r.name])
			)
		);
		const written = objectsToCsvBytes(columns, rows);
		expect(written.buffer.byteLength).toBeGreaterThan(written.length);
		expect(written.length).toBe(expected.length);
		expect(Buffer.from(written).equals(Buffer.from(expected))).toBe(true);
	});
});
