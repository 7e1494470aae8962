/**
 * The on-demand CSV reader must give exactly PapaParse's records (parseCsvRecords): the same
 * texts through both, the tricky shapes written out and many random ones.
 */
import { describe, expect, it } from 'vitest';
import {
	objectsToCsvBytes,
	writeUtf8,
	parseCsvRecords,
	readCsvRecords,
	toCsv
} from '../../src/lib/import/csv';

function allRecords(text: string): string[][] {
	const records = readCsvRecords(text);
	return Array.from({ length: records.length }, (_, i) => records.at(i));
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
	'a,b\n"x",\n'
];

describe('readCsvRecords', () => {
	it('reads the tricky shapes as PapaParse does', () => {
		for (const text of SHAPES)
			expect(allRecords(text), JSON.stringify(text)).toEqual(parseCsvRecords(text));
	});

	it('reads random texts as PapaParse does', () => {
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
		for (let t = 0; t < 3000; t++) {
			let text = '';
			const n = random(40);
			for (let i = 0; i < n; i++) text += pieces[random(pieces.length)];
			expect(allRecords(text), JSON.stringify(text)).toEqual(parseCsvRecords(text));
		}
	});

	it('reads random well-formed CSV as PapaParse does', () => {
		let seed = 7;
		const random = (n: number) => {
			seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
			return (seed >>> 16) % n;
		};
		const plain = ['', 'a', '申报', ' b ', 'x"y', '1,5'.replace(',', '.')];
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
			expect(allRecords(text), JSON.stringify(text)).toEqual(parseCsvRecords(text));
		}
	});

	it('reads a text longer than the layout guess as PapaParse does', () => {
		const lines = ['申报编号,场景,场景层级'];
		for (let i = 0; i < 60_000; i++)
			lines.push(
				i % 7 === 0 ? `SB-${i},"产品, ""数字化""\n研发",基础级` : `SB-${i},${i % 40},先进级`
			);
		const text = lines.join('\r\n') + '\r\n';
		expect(text.length).toBeGreaterThan(1024 * 1024);
		expect(allRecords(text)).toEqual(parseCsvRecords(text));
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
