/**
 * The blank templates (src/lib/exports/templates.ts): each kind's template carries the headers
 * the import matches to that kind and an example row that imports as it is — as CSV and as
 * .xlsx (whose second sheet, the guide, is not read: the report says so).
 */
import { describe, expect, it } from 'vitest';
import { workbookBytes } from '../../src/lib/exports/xlsx-write';
import {
	template,
	templateCsv,
	templateFileName,
	templateSheets,
	TEMPLATE_KINDS
} from '../../src/lib/exports/templates';
import { FILE_KINDS } from '../../src/lib/import/file-kinds';
import { importFiles } from '../../src/lib/import/pipeline';
import { readFirstSheet } from '../../src/lib/import/xlsx-read';

const encoder = new TextEncoder();
const asCsv = (kind: (typeof TEMPLATE_KINDS)[number]) => {
	const t = template(kind);
	return { name: templateFileName(t, 'csv'), bytes: encoder.encode(templateCsv(t)) };
};
const asXlsx = (kind: (typeof TEMPLATE_KINDS)[number]) => {
	const t = template(kind);
	return { name: templateFileName(t, 'xlsx'), bytes: workbookBytes(templateSheets(t)) };
};

describe('templates', () => {
	it('one per input kind of the contract, with every column but the alternative 场景编号', () => {
		expect(TEMPLATE_KINDS).toEqual(['declarations', 'scenarios', 'baseline', 'targets']);
		for (const spec of FILE_KINDS) {
			const t = template(spec.kind);
			expect(t.headers.map((h) => h.replace(/（万元）$/, ''))).toEqual(
				spec.columns.filter((c) => c.key !== 'scenario_number').map((c) => c.zh)
			);
			expect(t.example).toHaveLength(t.headers.length);
			expect(t.guide.map((g) => g[0])).toEqual(t.headers);
			for (const [, need, allowed] of t.guide) {
				expect(need).toMatch(/必填|选填/);
				expect(allowed.length).toBeGreaterThan(1);
			}
		}
		expect(template('declarations').guide.find((g) => g[0] === '审核状态')?.[2]).toContain(
			'已认定 / 未通过 / 审核中 / 已推荐'
		);
	});

	for (const [format, make] of [
		['CSV', asCsv],
		['.xlsx', asXlsx]
	] as const) {
		it(`imports as ${format}: each recognised, its example row loaded`, () => {
			const result = importFiles(TEMPLATE_KINDS.map(make));
			expect(result.reports.map((r) => r.kind)).toEqual(TEMPLATE_KINDS);
			for (const report of result.reports) {
				expect(report.status, report.file).toBe('loaded');
				expect([report.rowsRead, report.rowsLoaded, report.rowsRejected], report.file).toEqual([
					1, 1, 0
				]);
				expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
				if (format === '.xlsx') {
					expect(report.problems.map((p) => p.reason)).toContain(
						'工作簿有 2 个工作表，只读取了第一个工作表“填写”；“填写说明”未读取，如需导入请各自另存为一个文件'
					);
				}
			}
			expect(result.tables.declarations).toHaveLength(1);
			expect(result.tables.baseline).toHaveLength(1);
		});
	}

	it('the .xlsx guide sheet lists each column with its allowed values', () => {
		const bytes = workbookBytes(templateSheets(template('targets')));
		const first = readFirstSheet(bytes);
		expect(first.sheetNames).toEqual(['填写', '填写说明']);
		expect(first.text).toBe('盟市,指标,目标年度,目标值\r\n鄂尔多斯市,覆盖率,2027,25%\r\n');
	});
});
