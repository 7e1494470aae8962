/**
 * Workbooks are read as their first sheet saved as CSV would be (src/lib/import/xlsx-read.ts):
 * the sample's files as .xlsx import to the same reports and rows as the CSV files, cells keep
 * what Excel shows (percentages, dates, long numbers), rows keep their Excel row numbers, and
 * what cannot be read is refused with a reason in Chinese instead of being half-read.
 */
import { readFileSync } from 'node:fs';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/lib/import/pipeline';
import { readInputFile } from '../../src/lib/import/read-file';
import { formatKind, readFirstSheet, WorkbookError } from '../../src/lib/import/xlsx-read';
import { csvToSheetData, sampleWorkbook, workbookOf } from '../sample-xlsx';

const SAMPLE = ['申报明细.csv', '建设场景明细.csv', '规上工业企业基数.csv'];

describe('the sample as workbooks', () => {
	it('imports to the same reports and rows as its CSV files', async () => {
		const csv = importFiles(
			SAMPLE.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`data/sample/${name}`)) }))
		);
		// Same names, so every row's source_file is alike: only the bytes differ.
		const workbooks = await Promise.all(SAMPLE.map(sampleWorkbook));
		const xlsx = importFiles(SAMPLE.map((name, i) => ({ name, bytes: workbooks[i]! })));
		expect(xlsx.reports.map((r) => r.encoding)).toEqual(SAMPLE.map(() => 'Excel 工作簿（.xlsx）'));
		const withoutEncoding = (r: (typeof csv.reports)[number]) => ({ ...r, encoding: null });
		expect(xlsx.reports.map(withoutEncoding)).toEqual(csv.reports.map(withoutEncoding));
		expect(xlsx.tables).toEqual(csv.tables);
		expect(xlsx.flagged).toBe(csv.flagged);
		expect(csv.tables.declarations.length).toBeGreaterThan(100);
		// What is kept for a reload is CSV text, never the archive's bytes.
		for (const kept of xlsx.sanitizedTexts) {
			expect(kept.storedFromInputByte).toBeNull();
			expect(kept.text.startsWith(SAMPLE_HEADERS[kept.name]!)).toBe(true);
		}
	});
});

const SAMPLE_HEADERS: Record<string, string> = Object.fromEntries(
	SAMPLE.map((name) => [name, readFileSync(`data/sample/${name}`, 'utf8').split(/\r?\n/)[0]!])
);

describe('cells as Excel shows them', () => {
	it('writes percentages, dates, grouped and long numbers, booleans as shown', async () => {
		const bytes = await workbookOf([
			{
				name: '目标',
				data: [
					['目标值', '日期', '投入', '编号', '布尔', '文本'],
					[
						{ value: 0.25, type: Number, format: '0%' },
						{ value: new Date(Date.UTC(2026, 11, 2)), type: Date, format: 'yyyy-mm-dd' },
						{ value: 1234567.5, type: Number, format: '#,##0.00' },
						110101199003077000,
						true,
						'=1+1'
					]
				]
			}
		]);
		const sheet = readFirstSheet(bytes);
		expect(sheet.text).toBe(
			// The long number in all its digits (as stored: a double), never 1.10101199003077E+17.
			`目标值,日期,投入,编号,布尔,文本\r\n25%,2026-12-02,1234567.5,${(110101199003077000).toFixed(0)},TRUE,=1+1\r\n`
		);
	});

	it('tells date and percentage formats from others', () => {
		expect(formatKind('yyyy"年"m"月"d"日"')).toBe('date');
		expect(formatKind('[h]:mm')).toBe('date');
		expect(formatKind('0.0%')).toBe('percent');
		expect(formatKind('#,##0.00')).toBeNull();
		expect(formatKind('0.00E+00')).toBeNull();
		expect(formatKind('"days"0')).toBeNull();
		expect(formatKind('[Red]0.00')).toBeNull();
	});
});

describe('rows, sheets and refusals', () => {
	it('keeps Excel row numbers across blank rows, and says which sheet of several was read', async () => {
		const csv = readFileSync('data/sample/规上工业企业基数.csv', 'utf8');
		const [header, first] = csvToSheetData(csv);
		const bad = [...first!];
		bad[bad.length - 1] = -5; // 规上工业企业数 must not be negative
		const bytes = await workbookOf([
			{ name: '基数', data: [header!, [], first!, [], bad] },
			{ name: '说明', data: [['不读取']] }
		]);
		const [report] = importFiles([{ name: '基数.xlsx', bytes }]).reports;
		if (!report) throw new Error('no report');
		expect(report.kind).toBe('baseline');
		expect(report.rowsRead).toBe(2);
		expect(report.rowsLoaded + report.rowsRejected).toBe(2);
		expect(report.rejectedRows.map((r) => r.line)).toEqual([5]);
		const sheets = report.problems.find((p) => p.reason.includes('工作表'));
		expect(sheets?.reason).toContain('只读取了第一个工作表“基数”');
		expect(sheets?.reason).toContain('“说明”未读取');
		expect(sheets?.severity).toBe('warning');
	});

	it('refuses a workbook whose parts would unpack past the limit, before inflating them', async () => {
		const rows = Array.from({ length: 20000 }, (_, i) => [i, '盟市', 'x'.repeat(20)]);
		const bytes = await workbookOf([{ name: 'big', data: [['a', 'b', 'c'], ...rows] }]);
		expect(bytes.length).toBeLessThan(1024 * 1024);
		expect(() => readFirstSheet(bytes, 1024 * 1024)).toThrow(WorkbookError);
		expect(() => readFirstSheet(bytes, 1024 * 1024)).toThrow(/解压后过大/);
		expect(readFirstSheet(bytes).text.split('\r\n')).toHaveLength(20002);
	});

	it('refuses a ZIP that is no workbook, and an .xls, naming the file', () => {
		const zip = zipSync({ 'readme.txt': strToU8('hello') });
		const notBook = readInputFile({ name: '压缩包.zip', bytes: zip }).report;
		expect(notBook.status).toBe('unrecognised');
		expect(notBook.problems).toHaveLength(1);
		expect(notBook.problems[0]).toMatchObject({ file: '压缩包.zip', severity: 'error' });
		expect(notBook.problems[0]!.reason).toContain('无法读取 Excel 工作簿');
		const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
		const old = readInputFile({ name: '旧.xls', bytes: xls }).report;
		expect(old.problems[0]!.reason).toContain('Excel 97–2003 工作簿');
		expect(old.problems[0]!.reason).toContain('.xlsx');
	});

	it('runs the privacy guard on workbook cells', async () => {
		const csv = readFileSync('data/sample/申报明细.csv', 'utf8');
		const [header, ...rows] = csvToSheetData(csv).slice(0, 20);
		const bytes = await workbookOf([
			{
				name: '申报',
				data: [[...header!, '联系电话'], ...rows.map((r) => [...r, 13912345678])]
			}
		]);
		const { report } = readInputFile({ name: '申报.xlsx', bytes });
		expect(report.status).toBe('refused');
		expect(report.identifyingColumns.map((c) => c.header)).toContain('联系电话');
		expect(report.rowsRejected).toBe(report.rowsRead);
	});
});
