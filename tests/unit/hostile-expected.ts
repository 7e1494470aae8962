/**
 * The expected outcome of each file of the hostile corpus (tests/fixtures/hostile/README.md),
 * for hostile-fixtures.test.ts: encodings, quotes and line breaks here, values and identifying
 * data in hostile-expected-values.ts.
 */
import { expect } from 'vitest';
import type { ImportResult } from '../../src/lib/import/pipeline';
import type { FileReport, Severity } from '../../src/lib/import/report';

export type ExpectedProblem = [
	line: number | null,
	column: string | null,
	reason: string,
	severity?: Severity
];

export interface Expected {
	status?: FileReport['status'];
	kind?: FileReport['kind'];
	encoding?: FileReport['encoding'];
	/** Rows read, loaded, rejected, with warnings. */
	counts: [number, number, number, number];
	problems: ExpectedProblem[];
	/** Spot checks of what loaded. */
	then?: (result: ImportResult, report: FileReport) => void;
}

export const counties = (result: ImportResult) => result.tables.declarations.map((d) => d.county);
export const lines = (result: ImportResult) => result.tables.declarations.map((d) => d.source_line);
export const enterprises = (result: ImportResult) =>
	result.tables.baseline.map((b) => b.enterprises);
export const targets = (result: ImportResult) => result.tables.region_targets.map((t) => t.target);
export const investments = (result: ImportResult) =>
	result.tables.declarations.map((d) => d.digital_investment);
export const SEP = '不是数据契约中的列';
export const refused = (header: string, reason: string): Expected => ({
	status: 'refused',
	kind: null,
	counts: [2, 0, 2, 0],
	problems: [[null, header, `疑似身份信息（${reason}）`]],
	then: (result, report) => {
		expect(report.identifyingColumns).toEqual([{ index: 10, header, reason }]);
		expect(report.rejectedRows.every((row) => row.cells.length === 0)).toBe(true);
		expect(result.sanitizedTexts).toEqual([]);
	}
});
export const byHeader = (header: string, what: string) => refused(header, `列名表明为${what}`);
export const byValue = (what: string) => refused('备注', `第 3 行的值形如${what}`);
export const undecodable = (encoding: string, hex: string, offset: number) =>
	`有无法按 ${encoding} 解码的字节 ${hex}（位于文件第 ${offset} 字节处，从 0 起计）`;

/** Encodings, quotes and line breaks: each file and its exact outcome. */
export const TEXT_EXPECTED: Record<string, Expected> = {
	// ── Encodings ──
	'enc-utf16le-bom-tab.csv': {
		encoding: 'UTF-16LE (BOM)',
		counts: [3, 3, 0, 0],
		problems: [],
		then: (result) => {
			expect(counties(result)).toEqual(['土默特左旗', '土默特左旗', '土默特左旗']);
			expect(result.sanitizedTexts[0]?.storedFromInputByte).toBeNull();
			expect(result.sanitizedTexts[0]?.text).toContain('土默特左旗');
		}
	},
	'enc-utf16le-bom-comma.csv': {
		encoding: 'UTF-16LE (BOM)',
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => expect(counties(result)).toEqual(['回民区', '新城区'])
	},
	'enc-utf16be-bom.csv': {
		encoding: 'UTF-16BE (BOM)',
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => expect(counties(result)).toEqual(['昆都仑区', '青山区'])
	},
	'enc-utf16le-lone-surrogate.csv': {
		encoding: 'UTF-16LE (BOM)',
		counts: [3, 2, 1, 0],
		problems: [[3, '旗县区', undecodable('UTF-16', '00 D8', 236)]]
	},
	'enc-utf16le-odd-byte.csv': {
		encoding: 'UTF-16LE (BOM)',
		counts: [3, 2, 1, 0],
		problems: [[4, '申报编号', undecodable('UTF-16', '41', 270)]]
	},
	'enc-utf16le-no-bom.csv': {
		encoding: 'UTF-16LE',
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => {
			expect(counties(result)).toEqual(['赛罕区', '赛罕区']);
			expect(result.sanitizedTexts[0]?.storedFromInputByte).toBeNull();
		}
	},
	'enc-utf16be-no-bom.csv': {
		encoding: 'UTF-16BE',
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => expect(counties(result)).toEqual(['赛罕区', '赛罕区'])
	},
	'enc-utf8-invalid-byte.csv': {
		encoding: 'UTF-8',
		counts: [10, 9, 1, 0],
		problems: [[4, '旗县区', undecodable('UTF-8', 'FF', 310)]],
		then: (result) => {
			expect(lines(result)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11]);
			// Not kept as its bytes: they are not UTF-8.
			expect(result.sanitizedTexts[0]?.storedFromInputByte).toBeNull();
		}
	},
	'enc-utf8-bom-invalid-byte.csv': {
		encoding: 'UTF-8 (BOM)',
		counts: [3, 2, 1, 0],
		problems: [[3, '旗县区', undecodable('UTF-8', 'FE', 233)]]
	},
	'enc-utf8-truncated-char.csv': {
		encoding: 'UTF-8',
		counts: [3, 2, 1, 0],
		problems: [[3, '旗县区', undecodable('UTF-8', 'E8 B5', 230)]]
	},
	'enc-utf8-latin1-byte.csv': {
		encoding: 'UTF-8',
		counts: [4, 3, 1, 0],
		problems: [[3, '旗县区', undecodable('UTF-8', 'E9', 233)]]
	},
	'enc-utf8-overlong-surrogate.csv': {
		encoding: 'UTF-8',
		counts: [5, 3, 2, 0],
		problems: [
			[3, '旗县区', undecodable('UTF-8', 'C0', 231)],
			[4, '旗县区', undecodable('UTF-8', 'ED', 297)]
		]
	},
	'enc-gbk-tab.csv': {
		encoding: 'GB18030/GBK',
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => expect(counties(result)).toEqual(['察哈尔右翼前旗', '卓资县'])
	},
	'enc-gbk-invalid-byte.csv': {
		encoding: 'GB18030/GBK',
		counts: [4, 3, 1, 0],
		problems: [[3, '旗县区', undecodable('GB18030/GBK', 'FF', 179)]],
		then: (result) => expect(counties(result)).toEqual(['集宁区', '丰镇市', '兴和县'])
	},
	'enc-gbk-cut-short.csv': {
		encoding: 'GB18030/GBK',
		counts: [3, 2, 1, 0],
		problems: [[4, '旗县区', undecodable('GB18030/GBK', 'CF', 237)]]
	},
	'enc-replacement-char.csv': {
		encoding: 'UTF-8',
		counts: [3, 2, 1, 0],
		problems: [[3, '旗县区', '含替换字符“\uFFFD”（U+FFFD）']]
	},
	'enc-invalid-in-header.csv': {
		encoding: 'UTF-8',
		counts: [2, 2, 0, 0],
		problems: [
			[1, '备\uFFFD注', `表头：${undecodable('UTF-8', 'FF', 127)}`, 'warning'],
			[null, '备\uFFFD注', SEP, 'warning']
		]
	},
	'enc-double-bom.csv': {
		encoding: 'UTF-8 (BOM)',
		counts: [2, 2, 0, 0],
		problems: [],
		then: (_, report) => expect(report.headers[0]).toBe('申报编号')
	},
	// ── Quotes and line breaks ──
	'quote-unclosed-30.csv': {
		counts: [30, 29, 1, 0],
		problems: [
			[
				6,
				'旗县区',
				'引号未闭合：该格以引号开头，但到文件末尾都没有结束引号；本行未导入，下一行起照常读取'
			]
		],
		then: (result, report) => {
			expect(lines(result)).toEqual([2, 3, 4, 5, ...Array.from({ length: 25 }, (_, k) => k + 7)]);
			expect(report.rejectedRows[0]?.cells.slice(0, 5)).toEqual([
				'HX-Q-5',
				'E8005',
				'2025',
				'呼和浩特市',
				'"赛罕区'
			]);
		}
	},
	'quote-unclosed-last-row.csv': {
		counts: [4, 3, 1, 0],
		problems: [[5, '旗县区', '引号未闭合']]
	},
	'quote-unclosed-first-cell.csv': {
		counts: [3, 2, 1, 0],
		problems: [[3, '申报编号', '引号未闭合']]
	},
	'quote-two-unclosed.csv': {
		counts: [8, 6, 2, 0],
		problems: [
			[3, '旗县区', '引号不配对：结束引号后面还有字符'],
			[7, '旗县区', '引号未闭合']
		]
	},
	'quote-text-after.csv': {
		counts: [3, 2, 1, 0],
		problems: [[3, '旗县区', '引号不配对：结束引号后面还有字符（应紧跟分隔符或换行）；本行未导入']]
	},
	'quote-space-after.csv': {
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => expect(counties(result)).toEqual(['赛罕区', '新城区'])
	},
	'quote-unclosed-header.csv': {
		counts: [2, 2, 0, 0],
		problems: [[1, '企业编码', '表头：引号未闭合', 'warning']],
		then: (_, report) => expect(report.headers[1]).toBe('企业编码')
	},
	'quote-multiline-then-unclosed.csv': {
		counts: [4, 3, 1, 0],
		problems: [[4, '旗县区', '引号未闭合']],
		then: (result) => {
			expect(counties(result)).toEqual(['土默特左旗 察素齐镇', '赛罕区', '赛罕区']);
			expect(lines(result)).toEqual([2, 3, 5]);
		}
	},
	'quote-inside-cell.csv': {
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => expect(counties(result)).toEqual(['赛"罕"区', 'a"'])
	},
	'quote-escaped.csv': {
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => expect(counties(result)).toEqual(['土左旗,"金川"园区', '"'])
	},
	'quote-semicolon-unclosed.csv': {
		counts: [3, 2, 1, 0],
		problems: [[3, '旗县区', '引号未闭合']]
	},
	'eol-cr-only-30.csv': {
		counts: [30, 30, 0, 0],
		problems: [],
		then: (result) => expect(lines(result)).toEqual(Array.from({ length: 30 }, (_, k) => k + 2))
	},
	'eol-mixed-cr-crlf-30.csv': {
		counts: [30, 30, 0, 0],
		problems: [],
		then: (result) => {
			expect(lines(result)).toEqual(Array.from({ length: 30 }, (_, k) => k + 2));
			expect(result.tables.declarations.every((d) => !/\r|\n/.test(JSON.stringify(d)))).toBe(true);
		}
	},
	'eol-mixed-all.csv': {
		counts: [4, 3, 1, 0],
		problems: [[8, '申报年度', '年度 2023 不在 2024–2035 之间']],
		then: (result) => expect(lines(result)).toEqual([2, 4, 6])
	},
	'eol-lf-in-quoted-crlf.csv': {
		counts: [3, 2, 1, 0],
		problems: [[4, '申报年度', '年度 2036 不在 2024–2035 之间']],
		then: (result) => expect(counties(result)).toEqual(['和林格尔县 盛乐镇', '赛罕区'])
	},
	'eol-lf-cr.csv': {
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => expect(lines(result)).toEqual([3, 5])
	},
	'eol-blank-only.csv': {
		status: 'empty',
		kind: null,
		counts: [0, 0, 0, 0],
		problems: [[null, null, '文件为空，没有表头']]
	}
};
