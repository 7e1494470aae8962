import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../src/lib/import/csv-records';
import { findDuplicateRows } from '../../src/lib/import/duplicates';
import { importFiles } from '../../src/lib/import/pipeline';
import { balances } from '../../src/lib/import/report';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('exact duplicate rows', () => {
	it('names each repeat with its first copy; blank lines and near-copies are not repeats', () => {
		const records = readCsvRecords(
			['h1,h2', 'a,1', 'b,2', 'a,1', '', ',', 'a,1 ', '"x,y",3', '"x,y",3', 'b,2'].join('\n')
		);
		const found = findDuplicateRows(records, 1);
		// Lines as Excel numbers them: the header is line 1.
		expect(found).toEqual({
			count: 3,
			listed: [
				{ line: 4, first: 2 },
				{ line: 9, first: 8 },
				{ line: 10, first: 3 }
			]
		});
	});

	it('lists the first ones and counts them all', () => {
		const lines = ['h', ...Array.from({ length: 30 }, () => 'same')];
		const found = findDuplicateRows(readCsvRecords(lines.join('\n')), 1, 20);
		expect(found.count).toBe(29);
		expect(found.listed).toHaveLength(20);
		expect(found.listed[0]).toEqual({ line: 3, first: 2 });
	});

	it('a 建设场景明细 file’s repeats load, with a warning naming their lines; rows in = loaded + rejected', () => {
		const declarations = [
			'申报编号,企业编码,申报年度,盟市,行业代码,申报层级,审核状态,认定层级',
			'D1,E1,2026,呼和浩特市,C26,基础级,审核中,'
		].join('\n');
		const scenarioLines = ['申报编号,场景,场景层级'];
		for (let k = 0; k < 25; k++) scenarioLines.push('D1,9,基础级');
		scenarioLines.push('D1,10,基础级');
		const result = importFiles([
			{ name: 'd.csv', bytes: bytes(declarations) },
			{ name: 's.csv', bytes: bytes(scenarioLines.join('\n')) }
		]);
		const report = result.reports.find((r) => r.file === 's.csv')!;
		expect(report.duplicateRows?.count).toBe(24);
		expect(report.duplicateRows?.listed.map((d) => d.line)).toEqual(
			Array.from({ length: 20 }, (_, k) => k + 3)
		);
		const warnings = report.problems.filter((p) => p.severity === 'warning' && p.line !== null);
		expect(warnings.map((p) => p.line)).toEqual(Array.from({ length: 20 }, (_, k) => k + 3));
		expect(warnings[0]?.reason).toContain('与第 2 行完全相同');
		expect(report.problems.some((p) => p.line === null && p.reason.includes('24 行'))).toBe(true);
		expect(report.rowsLoaded).toBe(26);
		expect(balances(report)).toBe(true);
	});

	it('a 申报明细 file’s exact repeat is still rejected (申报编号 is unique), and also named as a repeat', () => {
		const lines = [
			'申报编号,企业编码,申报年度,盟市,行业代码,申报层级,审核状态,认定层级',
			'D1,E1,2026,呼和浩特市,C26,基础级,审核中,',
			'D1,E1,2026,呼和浩特市,C26,基础级,审核中,'
		];
		const [report] = importFiles([{ name: 'd.csv', bytes: bytes(lines.join('\n')) }]).reports;
		expect(report?.duplicateRows?.listed).toEqual([{ line: 3, first: 2 }]);
		expect(report?.rowsLoaded).toBe(1);
		expect(report?.rowsRejected).toBe(1);
		expect(report && balances(report)).toBe(true);
	});

	it('a file without repeats has none', () => {
		const [report] = importFiles([
			{ name: 'b.csv', bytes: bytes('年度,盟市,规上工业企业数\n2026,全区,100\n2026,呼和浩特市,20') }
		]).reports;
		expect(report?.duplicateRows).toBeUndefined();
	});
});
