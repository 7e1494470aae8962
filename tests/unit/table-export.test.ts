/**
 * Table exports carry their context (issue #22): the file name says the year and the filters,
 * headers their units, notes the filters, the data's date and source — in the CSV and in the
 * .xlsx alike, which read back (with read-excel-file, a reader that is not ours) to the same
 * numbers, percentages as numbers with a % format, formula-looking text kept as text.
 */
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import {
	columnHeader,
	contextNotes,
	exportFileName,
	chartCaption,
	filterLabels,
	tableCsv,
	tableSheet,
	type TableExport
} from '../../src/lib/exports/table-export';
import { workbookBytes } from '../../src/lib/exports/xlsx-write';
import { readCsvRecords } from '../../src/lib/import/csv-records';
import { readFirstSheet } from '../../src/lib/import/xlsx-read';
import { NO_FILTERS } from '../../src/lib/figures/types';

const filters = { ...NO_FILTERS, year: 2026, tier: 2, region: '150600' };

const table: TableExport = {
	title: '2026年各盟市覆盖率',
	filters: filterLabels(filters),
	origin: {
		data: 'sample',
		asOf: '2026-12-02T08:00:00.000Z',
		files: ['申报明细.csv', '规上工业企业基数.csv']
	},
	columns: [{ label: '盟市' }, { label: '覆盖率', unit: '%' }, { label: '覆盖企业', unit: '家' }],
	rows: [
		['鄂尔多斯市', 3.4, 12],
		['=HYPERLINK("http://x")', 12.5, 0],
		['无基数', null, 7]
	]
};

describe('names, headers and notes', () => {
	it('names the file by its title, then each filter the title does not say', () => {
		expect(filterLabels(filters)).toEqual(['2026年', '先进级及以上', '鄂尔多斯市']);
		expect(exportFileName(table.title, table.filters, 'csv')).toBe(
			'2026年各盟市覆盖率_先进级及以上_鄂尔多斯市.csv'
		);
		expect(exportFileName('查询结果', [], 'xlsx')).toBe('查询结果.xlsx');
		expect(exportFileName('a/b:c', ['x?"y'], 'png')).toBe('a-b-c_x-y.png');
		expect(filterLabels({ ...NO_FILTERS, tier: 4, status: 'approved', industry: '26' })).toEqual([
			'领航级',
			expect.stringContaining('化学'),
			'已认定'
		]);
		expect(filterLabels(filters, ['region', 'year'])).toEqual(['先进级及以上']);
	});

	it('puts units in headers and says filters, date and source', () => {
		expect(table.columns.map(columnHeader)).toEqual(['盟市', '覆盖率（%）', '覆盖企业（家）']);
		expect(contextNotes(table)).toEqual([
			'筛选条件：2026年；先进级及以上；鄂尔多斯市',
			'数据日期：2026-12-02（数据读取日期）',
			'数据来源：示例数据（合成数据，仅供演示）：申报明细.csv、规上工业企业基数.csv；智能工厂梯度培育监测看板计算'
		]);
		expect(
			contextNotes({
				filters: [],
				origin: { data: 'user', asOf: '2026-11-30T23:00:00Z', files: [] }
			})
		).toEqual([
			'筛选条件：无（全区、全部行业、全部层级）',
			'数据日期：2026-11-30（导入日期）',
			'数据来源：本机导入的数据；智能工厂梯度培育监测看板计算'
		]);
	});
});

describe('a chart picture', () => {
	it('is titled with the year shown, the filters above, date and source below', () => {
		const scope = { year: 2026, filters: ['先进级及以上'], origin: table.origin };
		const caption = chartCaption('各盟市覆盖率地图', scope);
		expect(caption).toEqual({
			title: '2026年各盟市覆盖率地图',
			above: ['筛选条件：先进级及以上'],
			below: contextNotes(scope).slice(1)
		});
		expect(chartCaption('2026年各盟市排名', scope).title).toBe('2026年各盟市排名');
		expect(chartCaption('趋势', { ...scope, year: null }).title).toBe('趋势');
	});
});

describe('the CSV', () => {
	it('has the title, the header with units, the rows, then the notes; formulas neutralised', () => {
		const csv = tableCsv(table);
		expect(csv.startsWith('\uFEFF2026年各盟市覆盖率（先进级及以上，鄂尔多斯市）\r\n')).toBe(true);
		const records = readCsvRecords(csv);
		const all = Array.from({ length: records.length }, (_, i) => records.at(i));
		expect(all[1]).toEqual(['盟市', '覆盖率（%）', '覆盖企业（家）']);
		expect(all[2]).toEqual(['鄂尔多斯市', '3.4', '12']);
		expect(all[3]![0]).toBe(`'=HYPERLINK("http://x")`);
		expect(all[4]).toEqual(['无基数', '', '7']);
		expect(all.slice(6).map((r) => r[0])).toEqual(contextNotes(table));
	});
});

describe('the .xlsx', () => {
	const bytes = workbookBytes([{ name: '导出', layout: tableSheet(table) }]);

	it('holds the numbers of the CSV as numbers, percentages as fractions', async () => {
		const [sheet] = await readXlsxFile(Buffer.from(bytes));
		const rows = sheet!.data;
		expect(rows[0]![0]).toBe('2026年各盟市覆盖率（先进级及以上，鄂尔多斯市）');
		expect(rows[1]).toEqual(['盟市', '覆盖率（%）', '覆盖企业（家）']);
		expect(rows[2]).toEqual(['鄂尔多斯市', 0.034, 12]);
		expect(rows[3]).toEqual(['=HYPERLINK("http://x")', 0.125, 0]);
		expect(rows[4]).toEqual(['无基数', null, 7]);
		expect(rows.slice(6).map((r) => r[0])).toEqual(contextNotes(table));
	});

	it('formats percentages, freezes the title and header, marks formula text as text', () => {
		const files = unzipSync(bytes);
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
		const styles = strFromU8(files['xl/styles.xml']!);
		expect(sheet).toContain(
			'<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>'
		);
		// B3 is the percentage: style 2 has number format 164, "0.0%".
		expect(sheet).toContain('<c r="B3" s="2"><v>0.034</v></c>');
		expect(styles).toContain('<numFmt numFmtId="164" formatCode="0.0%"/>');
		// The formula-looking text: an inline string (never <f>) with the quote-prefix style.
		expect(sheet).not.toContain('<f>');
		expect(sheet).toMatch(
			/<c r="A4" s="3" t="inlineStr"><is><t xml:space="preserve">=HYPERLINK\(&quot;/
		);
		expect(styles).toMatch(/<xf [^>]*quotePrefix="1"\/>/);
		// Our own reader shows the percentage as Excel does.
		expect(readFirstSheet(bytes).text.split('\r\n')[2]).toBe('鄂尔多斯市,3.4%,12');
	});
});
