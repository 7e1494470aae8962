/**
 * The import's guards one by one (issue #20): names that tell files apart, the independent row
 * count's check, the choice of encoding, numbers as written, identifying headers and values by
 * meaning (and the contract's own never among them), and the longest row DuckDB must take.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { decodeCsvBytes } from '../../src/lib/import/decode';
import { uniqueFileNames, withUniqueNames } from '../../src/lib/import/file-names';
import { FILE_KINDS } from '../../src/lib/import/file-kinds';
import { importFiles } from '../../src/lib/import/pipeline';
import { identifyingHeader, identifyingValueKind } from '../../src/lib/import/privacy';
import { rowCountProblem } from '../../src/lib/import/record-count';
import { CELL_LIMIT, ROW_LIMIT } from '../../src/lib/import/record-faults';
import { parseNumber } from '../../src/lib/import/values';
import { hostileFiles } from '../fixtures/hostile/hostile-files';
import { encodeGbk } from '../fixtures/gbk.mjs';

describe('file names', () => {
	it('keeps the first of a name and numbers the later ones, past names already taken', () => {
		expect(uniqueFileNames(['a.csv', 'a.csv', 'a (2).csv', 'b', 'b', 'a.csv', '.x', '.x'])).toEqual(
			['a.csv', 'a (3).csv', 'a (2).csv', 'b', 'b (2)', 'a (4).csv', '.x', '.x (2)']
		);
		expect(uniqueFileNames(['x.csv', 'y.csv'])).toEqual(['x.csv', 'y.csv']);
	});

	it('says what a renamed file was called, and leaves the others as they are', () => {
		const files = [{ name: 'a.csv' }, { name: 'a.csv', size: 2 }];
		const named = withUniqueNames(files);
		expect(named).toEqual([
			{ name: 'a.csv' },
			{ name: 'a (2).csv', size: 2, renamedFrom: 'a.csv' }
		]);
		expect(named[0]).toBe(files[0]);
	});
});

describe('the independent row count', () => {
	it('is an error naming the file when it differs from the rows read, and nothing when equal', () => {
		expect(rowCountProblem('申报明细.csv', 30, 30)).toBeNull();
		expect(rowCountProblem('申报明细.csv', 5, 30)).toMatchObject({
			file: '申报明细.csv',
			line: null,
			severity: 'error',
			reason: expect.stringContaining('独立计数为 30 行，读取了 5 行')
		});
	});
});

describe('encodings', () => {
	const text = '申报编号,盟市\nSB-1,锡林郭勒盟\nSB-2,呼和浩特市\n';

	it('reads GBK as GB18030 and a UTF-8 file with a bad byte as UTF-8, naming the byte', () => {
		expect(decodeCsvBytes(encodeGbk(text))).toEqual({
			text,
			encoding: 'GB18030/GBK',
			undecodable: []
		});
		const utf8 = new TextEncoder().encode(text);
		const bad = new Uint8Array([...utf8.subarray(0, 20), 0xff, ...utf8.subarray(20)]);
		const decoded = decodeCsvBytes(bad);
		expect(decoded.encoding).toBe('UTF-8');
		expect(decoded.undecodable).toEqual([{ byteOffset: 20, hex: 'FF', textOffset: 8 }]);
		expect(decoded.text).toBe(text.slice(0, 8) + '\uFFFD' + text.slice(8));
	});

	it('reads every prefix of a GBK file as GBK (a cut file is not taken for UTF-8)', () => {
		const gbk = encodeGbk(readFileSync('data/sample/申报明细.csv', 'utf8').slice(0, 3000));
		for (let end = 1; end <= gbk.length; end += 11) {
			const { encoding } = decodeCsvBytes(gbk.subarray(0, end));
			if (encoding !== 'UTF-8') expect(encoding, `${end}`).toBe('GB18030/GBK');
			else
				expect(() =>
					new TextDecoder('utf-8', { fatal: true }).decode(gbk.subarray(0, end))
				).not.toThrow();
		}
	});
});

describe('numbers', () => {
	it.each([
		['1,250', 1250],
		['１，２５０.５', 1250.5],
		['1,234,567.89', 1234567.89],
		[' 80 ', 80],
		['.5', 0.5],
		['123456789012345', 123456789012345]
	])('%s is %d', (raw, value) => expect(parseNumber(raw)).toEqual({ ok: true, value }));

	it.each([
		['12 34', '被空格隔开'],
		['1,2,3,4', '千位分隔符位置不对'],
		['12,34', '千位分隔符位置不对'],
		['1,2345', '千位分隔符位置不对'],
		['1e309', '不是数字'],
		['NaN', '不是数字'],
		['Infinity', '不是数字'],
		['9'.repeat(400), '超出数值范围'],
		['1234567890123456', '有效数字超过 15 位']
	])('%s is refused (%s)', (raw, reason) =>
		expect(parseNumber(raw)).toEqual({ ok: false, reason: expect.stringContaining(reason) })
	);
});

describe('identifying headers and values', () => {
	it('never takes a column of the contract for one', () => {
		const headers = FILE_KINDS.flatMap((kind) =>
			kind.columns.flatMap((c) => [c.zh, c.key, ...(c.aliases ?? []), `${c.zh}（万元）`])
		);
		expect(headers.filter((h) => identifyingHeader(h) !== null)).toEqual([]);
	});

	it.each([
		['经办人', '人员姓名'],
		['联系人', '人员姓名'],
		['负责人', '人员姓名'],
		['法人', '人员姓名'],
		['填报人', '人员姓名'],
		['姓名', '人员姓名'],
		['contact', '人员姓名'],
		['Contact_Person', '人员姓名'],
		['Name', '人员姓名'],
		['phone', '电话'],
		['TEL', '电话'],
		['Mobile', '电话'],
		['手 机', '电话'],
		['email', '电子邮箱'],
		['E-mail', '电子邮箱'],
		['e\u00ADmail', '电子邮箱'],
		['WeChat', '微信号'],
		['微信', '微信号'],
		['QQ号', 'QQ号'],
		['身份证号码', '身份证件号'],
		['ID card', '身份证件号'],
		['地址', '地址'],
		['address', '地址'],
		['「企业全称」', '企业名称'],
		['Remark (phone)', '电话'],
		['备注【联系人】', '人员姓名'],
		['\uFEFF联系人', '人员姓名']
	])('%s is identifying (%s)', (header, what) => expect(identifyingHeader(header)).toBe(what));

	it.each([
		'备注',
		'单位',
		'项目名称',
		'企业规模',
		'企业编码',
		'申报编号',
		'场景名称',
		'remark',
		'IP'
	])('%s is not', (header) => expect(identifyingHeader(header)).toBeNull());

	it.each([
		['150102850312123', '身份证号'],
		['身份证 110101199003071234 已核', '身份证号'],
		['110101 19900307 123X', '身份证号'],
		['+86 138 1234 5678', '电话号码'],
		['(+86)138-1234-5678', '电话号码'],
		['0086 13812345678', '电话号码'],
		['138.1234.5678', '电话号码'],
		['(0471) 661 2345', '电话号码'],
		['+86 471 6612345', '电话号码'],
		['010-62345678 转 801', '电话号码'],
		['王工 13812345678', '电话号码'],
		['zhang.san@example.com', '电子邮箱'],
		['联系：li_si@company.com.cn', '电子邮箱'],
		['wxid_abcd1234efgh', '微信号'],
		['WeChat: lisi_2020', '微信号'],
		['QQ号：987654321', 'QQ号']
	])('%s looks like %s', (value, kind) => expect(identifyingValueKind(value)).toBe(kind));

	it.each([
		'SB2026-0001',
		'SB2025-00001',
		'E643040',
		'E13812345678',
		'SB-2026-0471-0012',
		'0.12345678901',
		'150.30000000',
		'2025-03-15',
		'1,234,567.89',
		'第2批 138 家 共 1234 万元',
		'a@b',
		'@SUM(1+1)@E4',
		'微信公众号已开通',
		'2147483647'
	])('%s looks like nothing identifying', (value) =>
		expect(identifyingValueKind(value)).toBeNull()
	);

	it('finds short ones in a file too (an e-mail of nine characters)', () => {
		const text = [
			'申报编号,企业编码,申报年度,盟市,旗县区,行业代码,申报层级,审核状态,认定层级,成熟度等级,备注',
			'SB-1,E1,2025,呼和浩特市,,C26,基础级,审核中,,,li@qq.com'
		].join('\n');
		const [report] = importFiles([
			{ name: 'x.csv', bytes: new TextEncoder().encode(text) }
		]).reports;
		expect(report?.identifyingColumns).toEqual([
			{ index: 10, header: '备注', reason: '第 2 行的值形如电子邮箱' }
		]);
	});

	it('refuses no file among the sample, the import fixtures and the hostile set that it did not refuse before', () => {
		const refusedBefore = new Set([
			'decl-company-name.csv',
			'decl-contact-phone.csv',
			'decl-credit-code-in-remark.csv',
			'decl-phone-in-ref.csv',
			'decl-english-identifying.csv',
			'decl-phone-dashed.csv'
		]);
		const dir = 'tests/fixtures/import';
		const inputs = [
			...readdirSync(dir)
				.filter((name) => name.endsWith('.csv'))
				.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) })),
			...readdirSync('data/sample').map((name) => ({
				name,
				bytes: new Uint8Array(readFileSync(`data/sample/${name}`))
			})),
			...hostileFiles().map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) }))
		];
		for (const input of inputs) {
			const [report] = importFiles([input]).reports;
			expect(report?.status === 'refused', input.name).toBe(refusedBefore.has(input.name));
		}
	});
});

describe('the longest values DuckDB is given', () => {
	it('loads a row near every limit at once: three text cells of 32,768 characters, unlisted columns filling the row', async () => {
		const header =
			'申报编号,企业编码,申报年度,盟市,旗县区,行业代码,申报层级,审核状态,认定层级,成熟度等级';
		// Three bytes a character when written, a quote doubled.
		const wide = '""' + '中'.repeat(CELL_LIMIT - 2);
		const extraColumns = 7;
		const extraCell = '"' + '中'.repeat(22_990);
		const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;
		const row = [
			csvCell('SB-' + '号'.repeat(CELL_LIMIT - 3)),
			csvCell('E' + '码'.repeat(CELL_LIMIT - 1)),
			'2025',
			'呼和浩特市',
			csvCell(wide),
			'C26',
			'基础级',
			'审核中',
			'',
			'',
			...Array.from({ length: extraColumns }, () => csvCell(extraCell))
		];
		const text = [
			header + Array.from({ length: extraColumns }, (_, k) => `,附加${k}`).join(''),
			row.join(',')
		].join('\n');
		const result = importFiles([{ name: 'wide.csv', bytes: new TextEncoder().encode(text) }]);
		expect(result.reports[0]).toMatchObject({ rowsRead: 1, rowsLoaded: 1, rowsRejected: 0 });
		// The row is close to the limit (about 0.8 MB once written for DuckDB).
		expect(text.length - text.indexOf('\n')).toBeGreaterThan(ROW_LIMIT - 4_000);
		expect(text.length - text.indexOf('\n')).toBeLessThanOrEqual(ROW_LIMIT);
		const engine = await NodeEngine.create();
		try {
			await loadTables(engine, readSqlSources(), result.tables);
			const [held] = await engine.query<{ n: number; county: number; extra: number }>(
				'SELECT count(*)::INTEGER AS n, max(length(county))::INTEGER AS county, max(length(extra))::INTEGER AS extra FROM declarations'
			);
			expect(held).toEqual({
				n: 1,
				county: CELL_LIMIT,
				extra: result.tables.declarations[0]?.extra?.length
			});
		} finally {
			engine.close();
		}
	});
});
