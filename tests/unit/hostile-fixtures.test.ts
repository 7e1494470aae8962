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
import type { FileReport, Severity } from '../../src/lib/import/report';

const DIR = 'tests/fixtures/hostile';
const bytesOf = (name: string) => new Uint8Array(readFileSync(`${DIR}/${name}`));

type ExpectedProblem = [
	line: number | null,
	column: string | null,
	reason: string,
	severity?: Severity
];

interface Expected {
	status?: FileReport['status'];
	kind?: FileReport['kind'];
	encoding?: FileReport['encoding'];
	/** Rows read, loaded, rejected, with warnings. */
	counts: [number, number, number, number];
	problems: ExpectedProblem[];
	/** Spot checks of what loaded. */
	then?: (result: ImportResult, report: FileReport) => void;
}

const counties = (result: ImportResult) => result.tables.declarations.map((d) => d.county);
const lines = (result: ImportResult) => result.tables.declarations.map((d) => d.source_line);
const enterprises = (result: ImportResult) => result.tables.baseline.map((b) => b.enterprises);
const targets = (result: ImportResult) => result.tables.region_targets.map((t) => t.target);
const investments = (result: ImportResult) =>
	result.tables.declarations.map((d) => d.digital_investment);
const SEP = '不是数据契约中的列';
const refused = (header: string, reason: string): Expected => ({
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
const byHeader = (header: string, what: string) => refused(header, `列名表明为${what}`);
const byValue = (what: string) => refused('备注', `第 3 行的值形如${what}`);
const undecodable = (encoding: string, hex: string, offset: number) =>
	`有无法按 ${encoding} 解码的字节 ${hex}（位于文件第 ${offset} 字节处，从 0 起计）`;

const EXPECTED: Record<string, Expected> = {
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
	},
	// ── Values ──
	'baseline-int32.csv': {
		kind: 'baseline',
		counts: [3, 1, 2, 0],
		problems: [
			[3, '规上工业企业数', '规上工业企业数 2147483648 超出范围（最大 2147483647）'],
			[4, '规上工业企业数', '规上工业企业数 99999999999 超出范围（最大 2147483647）']
		],
		then: (result) => expect(enterprises(result)).toEqual([2147483647])
	},
	'baseline-huge-digits.csv': {
		kind: 'baseline',
		counts: [3, 1, 2, 0],
		problems: [
			[2, '规上工业企业数', '…”超出数值范围'],
			[3, '规上工业企业数', '“12345678901234567”有效数字超过 15 位，无法按原值保存']
		],
		then: (result) => expect(enterprises(result)).toEqual([1850])
	},
	'baseline-split-digits.csv': {
		kind: 'baseline',
		counts: [6, 2, 4, 0],
		problems: [
			[2, '规上工业企业数', '“12 34”中的数字被空格隔开，不是一个数'],
			[3, '规上工业企业数', '“1,2,3,4”的千位分隔符位置不对（应每三位一个，如 1,250）'],
			[4, '规上工业企业数', '“12,34”的千位分隔符位置不对'],
			[7, '规上工业企业数', '“1 250”中的数字被空格隔开']
		],
		then: (result) => expect(enterprises(result)).toEqual([1250, 1250])
	},
	'baseline-non-finite.csv': {
		kind: 'baseline',
		counts: [6, 1, 5, 0],
		problems: [
			[2, '规上工业企业数', '“1e309”不是数字'],
			[3, '规上工业企业数', '“NaN”不是数字'],
			[4, '规上工业企业数', '“Infinity”不是数字'],
			[5, '规上工业企业数', '“-Infinity”不是数字'],
			[6, '规上工业企业数', '“∞”不是数字']
		],
		then: (result) => expect(enterprises(result)).toEqual([12])
	},
	'decl-investment-non-finite.csv': {
		counts: [6, 1, 5, 0],
		problems: [
			[2, '数字化投入规模（万元）', '“1e309”不是数字'],
			[3, '数字化投入规模（万元）', '“NaN”不是数字'],
			[4, '数字化投入规模（万元）', '“Infinity”不是数字'],
			[5, '数字化投入规模（万元）', '超出数值范围'],
			[6, '数字化投入规模（万元）', '“1234567890123456”有效数字超过 15 位']
		],
		then: (result) => expect(investments(result)).toEqual([123456789012345])
	},
	'decl-investment-separators.csv': {
		counts: [6, 3, 3, 0],
		problems: [
			[2, '数字化投入规模（万元）', '“12 34”中的数字被空格隔开'],
			[3, '数字化投入规模（万元）', '“1,2,3,4”的千位分隔符位置不对'],
			[4, '数字化投入规模（万元）', '“12,34”的千位分隔符位置不对']
		],
		then: (result) => expect(investments(result)).toEqual([1250, 1250.5, 1234567.89])
	},
	'targets-fractional-counts.csv': {
		kind: 'targets',
		counts: [4, 2, 2, 0],
		problems: [
			[2, '目标值', '目标值“3.5”不是整数：该指标是企业家数'],
			[5, '目标值', '目标值“300.5”不是整数']
		],
		then: (result) => expect(targets(result)).toEqual([2, 1])
	},
	'targets-coverage-range.csv': {
		kind: 'targets',
		counts: [6, 3, 3, 0],
		problems: [
			[2, '目标值', '覆盖率目标 101% 超过100%'],
			[3, '目标值', '目标值为负数（-1）'],
			[7, '目标值', '覆盖率目标 100.5 超过100%']
		],
		then: (result) => expect(targets(result)).toEqual([1, 0, 0.255])
	},
	'targets-non-finite.csv': {
		kind: 'targets',
		counts: [6, 1, 5, 0],
		problems: [
			[2, '目标值', '“1e309”不是数字'],
			[3, '目标值', '“NaN”不是数字'],
			[4, '目标值', '超出数值范围'],
			[5, '目标值', '“Infinity”不是数字'],
			[6, '目标值', '目标值 2147483648 超出范围（最大 2147483647）']
		],
		then: (result) => expect(targets(result)).toEqual([12])
	},
	'decl-huge-cell.csv': {
		counts: [3, 2, 1, 0],
		problems: [[3, '旗县区', '单元格有 40,000 个字符，超过上限 32,768；本行未导入']],
		then: (_, report) =>
			expect(report.rejectedRows[0]?.cells[4]).toMatch(/^长{1000}…（已截断，共 40,000 个字符）$/)
	},
	'decl-cell-at-limit.csv': {
		counts: [2, 2, 0, 0],
		problems: [],
		then: (result) => expect(result.tables.declarations[0]?.county).toHaveLength(32_768)
	},
	'decl-long-row.csv': {
		counts: [2, 1, 1, 0],
		problems: [
			...Array.from({ length: 9 }, (_, k): ExpectedProblem => [
				null,
				`附加${k + 1}`,
				SEP,
				'warning'
			]),
			[3, null, '个字符，超过上限 262,144；本行未导入']
		]
	},
	'decl-folds-too-long.csv': {
		counts: [2, 1, 1, 0],
		problems: [[2, '旗县区', '内容有 36,000 个字符（全角等字符折叠之后），超过上限 32,768']]
	},
	// ── Identifying headers ──
	'priv-header-jingbanren.csv': byHeader('经办人', '人员姓名'),
	'priv-header-contact-person.csv': byHeader('Contact Person', '人员姓名'),
	'priv-header-bracketed.csv': byHeader('备注（联系人）', '人员姓名'),
	'priv-header-square-brackets.csv': byHeader('[电话]', '电话'),
	'priv-header-zero-width.csv': byHeader('联\u200B系\u200B人', '人员姓名'),
	'priv-header-bidi.csv': byHeader('联系\u202E人', '人员姓名'),
	'priv-header-fullwidth.csv': byHeader('ＥＭＡＩＬ', '电子邮箱'),
	'priv-header-wechat.csv': byHeader('微信号', '微信号'),
	'priv-header-qq.csv': byHeader('QQ', 'QQ号'),
	'priv-header-id-card.csv': byHeader('ID Card No.', '身份证件号'),
	'priv-header-address.csv': byHeader('通讯地址', '地址'),
	'priv-header-legal-rep.csv': byHeader('法定代表人', '人员姓名'),
	'priv-header-name-of-person.csv': byHeader('name of person', '人员姓名'),
	'priv-header-tel.csv': byHeader('Tel.', '电话'),
	// ── Identifying values ──
	'priv-value-id15.csv': byValue('身份证号'),
	'priv-value-id18-in-text.csv': byValue('身份证号'),
	'priv-value-phone-plus86.csv': byValue('电话号码'),
	'priv-value-phone-0086.csv': byValue('电话号码'),
	'priv-value-phone-dots.csv': byValue('电话号码'),
	'priv-value-landline-brackets.csv': byValue('电话号码'),
	'priv-value-phone-in-text.csv': byValue('电话号码'),
	'priv-value-email.csv': byValue('电子邮箱'),
	'priv-value-wechat.csv': byValue('微信号'),
	'priv-value-wxid.csv': byValue('微信号'),
	'priv-value-qq.csv': byValue('QQ号'),
	'priv-lookalikes.csv': {
		counts: [6, 6, 0, 0],
		problems: [[null, '备注', SEP, 'warning']],
		then: (result) =>
			expect(investments(result)).toEqual([1234567.89, 0.12345678901, 150.3, 80, null, null])
	},
	// ── Not a CSV ──
	'xlsx-renamed.csv': {
		status: 'unrecognised',
		kind: null,
		encoding: '—',
		counts: [0, 0, 0, 0],
		problems: [[null, null, '文件是Excel 工作簿（.xlsx）或 ZIP 压缩包，不是 CSV 文本']]
	}
};

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
