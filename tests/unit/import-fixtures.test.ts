/**
 * The import test corpus (tests/fixtures/import/, listed in its README.md): every fixture is
 * imported and its exact outcome asserted — status, kind, counts, each problem with its Excel
 * line, column and reason, and spot checks of the normalised rows. Expectations follow the data
 * contract (../shared/spec/data-contract.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles, type ImportOptions, type ImportResult } from '../../src/lib/import/pipeline';
import type { InputFile } from '../../src/lib/import/read-file';
import type { FileReport, Severity } from '../../src/lib/import/report';

const DIR = 'tests/fixtures/import';
function fixture(name: string): InputFile {
	return { name, bytes: new Uint8Array(readFileSync(`${DIR}/${name}`)) };
}

/** Import fixtures together; every file's rows in = loaded + rejected. */
function load(names: string[], options?: ImportOptions): ImportResult {
	const result = importFiles(names.map(fixture), options);
	expect(result.reports.map((r) => r.file)).toEqual(names);
	for (const r of result.reports) {
		expect(r.rowsRead, `${r.file}: rowsRead = rowsLoaded + rowsRejected`).toBe(
			r.rowsLoaded + r.rowsRejected
		);
		expect(r.rejectedRows).toHaveLength(r.rowsRejected);
	}
	return result;
}

function reportOf(result: ImportResult, name: string): FileReport {
	const report = result.reports.find((r) => r.file === name);
	if (!report) throw new Error(`no report for ${name}`);
	return report;
}

/** One expected problem: Excel line (header = 1), column header, part of the reason. */
function problem(
	line: number | null,
	column: string | null,
	reason: string,
	severity: Severity = 'error'
) {
	return { line, column, severity, reason: expect.stringContaining(reason) };
}

function problemsOf(report: FileReport) {
	return report.problems.map((p) => ({
		line: p.line,
		column: p.column,
		severity: p.severity,
		reason: p.reason
	}));
}

const rejectedLines = (report: FileReport) => report.rejectedRows.map((r) => r.line);

const declaration = (result: ImportResult, id: string) => {
	const row = result.tables.declarations.find((d) => d.declaration_id === id);
	if (!row) throw new Error(`declaration ${id} not loaded`);
	return row;
};

const counts = (
	status: FileReport['status'],
	kind: FileReport['kind'],
	rowsRead: number,
	rowsLoaded: number,
	rowsRejected: number,
	rowsWithWarnings: number
) => ({ status, kind, rowsRead, rowsLoaded, rowsRejected, rowsWithWarnings });

const NO_SCENARIO_NOTE = '未导入建设场景明细，无法按附件2判定各申报的符合层级';

// ── Encodings and file shape ──────────────────────────────────────────────────────

describe('encodings and file shape', () => {
	it('decl-gbk.csv: GBK bytes are decoded as GB18030/GBK', () => {
		const result = load(['decl-gbk.csv']);
		const r = reportOf(result, 'decl-gbk.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'declarations', 2, 2, 0, 0),
			encoding: 'GB18030/GBK',
			kindLabel: '申报明细'
		});
		expect(r.headers[0]).toBe('申报编号');
		expect(problemsOf(r)).toEqual([]);
		expect(declaration(result, 'FX-GBK-01')).toMatchObject({
			region_code: '150100',
			county: '赛罕区',
			industry_code: '26',
			status: 'approved',
			awarded_tier: 1
		});
		expect(declaration(result, 'FX-GBK-02')).toMatchObject({
			region_code: '152500',
			county: '锡林浩特市',
			industry_code: '13',
			declared_tier: 2,
			maturity_level: 3
		});
		expect(result.notes).toEqual([NO_SCENARIO_NOTE]);
		expect(result.sanitizedTexts[0]?.text).toContain('锡林浩特市');
	});

	it('decl-gb18030-ext.csv: a four-byte GB18030 character (𠀀) survives', () => {
		const result = load(['decl-gb18030-ext.csv']);
		const r = reportOf(result, 'decl-gb18030-ext.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'declarations', 2, 2, 0, 0),
			encoding: 'GB18030/GBK'
		});
		expect(problemsOf(r)).toEqual([]);
		expect(declaration(result, 'FX-GB18-01')).toMatchObject({
			county: '\u{20000}旗',
			region_code: '150200',
			industry_code: '31'
		});
		expect(declaration(result, 'FX-GB18-02')).toMatchObject({
			county: '达拉特旗',
			region_code: '150600',
			industry_code: '25'
		});
	});

	it('decl-utf8-bom.csv: the BOM is not part of the first header', () => {
		const result = load(['decl-utf8-bom.csv']);
		const r = reportOf(result, 'decl-utf8-bom.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'declarations', 2, 2, 0, 0),
			encoding: 'UTF-8 (BOM)'
		});
		expect(r.headers[0]).toBe('申报编号');
		expect(problemsOf(r)).toEqual([]);
		expect(result.tables.declarations.map((d) => d.declaration_id)).toEqual([
			'FX-BOM-01',
			'FX-BOM-02'
		]);
		expect(declaration(result, 'FX-BOM-01')).toMatchObject({
			county: '集宁区',
			region_code: '150900'
		});
	});

	it('decl-crlf.csv: CRLF endings, a blank line still counts for line numbers', () => {
		const result = load(['decl-crlf.csv']);
		const r = reportOf(result, 'decl-crlf.csv');
		expect(r).toMatchObject({ ...counts('loaded', 'declarations', 3, 2, 1, 0), encoding: 'UTF-8' });
		expect(problemsOf(r)).toEqual([problem(5, '申报年度', '年度 2023 不在 2024–2035 之间')]);
		expect(rejectedLines(r)).toEqual([5]);
		// The last column carries no stray \r.
		expect(declaration(result, 'FX-CR-01')).toMatchObject({
			maturity_level: 3,
			declared_tier: 2,
			source_line: 2
		});
		expect(declaration(result, 'FX-CR-02')).toMatchObject({ county: '开鲁县', source_line: 4 });
	});

	it('empty.csv: a 0-byte file is reported empty, nothing loaded', () => {
		const result = load(['empty.csv']);
		const r = reportOf(result, 'empty.csv');
		expect(r).toMatchObject({
			...counts('empty', null, 0, 0, 0, 0),
			encoding: 'UTF-8',
			kindLabel: '未识别'
		});
		expect(problemsOf(r)).toEqual([problem(null, null, '文件为空')]);
		expect(result.sanitizedTexts).toEqual([]);
		expect(result.tables.declarations).toEqual([]);
	});

	it('decl-header-only.csv: recognised, no rows, a warning', () => {
		const result = load(['decl-header-only.csv']);
		const r = reportOf(result, 'decl-header-only.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 0, 0, 0, 0));
		expect(problemsOf(r)).toEqual([problem(null, null, '文件只有表头', 'warning')]);
		expect(result.tables.declarations).toEqual([]);
	});

	it('unknown-headers.csv: no kind fits, every row rejected', () => {
		const result = load(['unknown-headers.csv']);
		const r = reportOf(result, 'unknown-headers.csv');
		expect(r).toMatchObject({ ...counts('unrecognised', null, 2, 0, 2, 0), kindLabel: '未识别' });
		expect(problemsOf(r)).toEqual([problem(null, null, '无法识别文件类型')]);
		expect(rejectedLines(r)).toEqual([2, 3]);
		expect(r.rejectedRows[0]?.reasons).toEqual(['文件类型无法识别']);
		expect(result.sanitizedTexts).toEqual([]);
	});

	it('decl-quoted-multiline.csv: a quoted newline does not shift Excel row numbers', () => {
		const result = load(['decl-quoted-multiline.csv']);
		const r = reportOf(result, 'decl-quoted-multiline.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 3, 2, 1, 0));
		expect(problemsOf(r)).toEqual([problem(3, '申报年度', '年度 2023')]);
		expect(rejectedLines(r)).toEqual([3]);
		const first = declaration(result, 'FX-QM-01');
		expect(first.county).toContain('新城区');
		expect(first.county).toContain('一期');
		expect(declaration(result, 'FX-QM-03')).toMatchObject({
			county: '土默特左旗,"金川"园区',
			source_line: 4
		});
	});
});

// ── Headers ───────────────────────────────────────────────────────────────────────

describe('headers', () => {
	it('decl-mixed-headers.csv: Chinese and English keys mixed', () => {
		const result = load(['decl-mixed-headers.csv']);
		const r = reportOf(result, 'decl-mixed-headers.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'declarations', 2, 2, 0, 0),
			unknownColumns: []
		});
		expect(problemsOf(r)).toEqual([]);
		expect(declaration(result, 'FX-MX-01')).toMatchObject({
			year: 2025,
			region_code: '150100',
			county: '回民区',
			industry_code: '26',
			status: 'approved',
			awarded_tier: 1
		});
		expect(declaration(result, 'FX-MX-02')).toMatchObject({
			year: 2026,
			region_code: '150200',
			declared_tier: 2,
			maturity_level: 2
		});
	});

	it('decl-header-variants.csv: spaces, full-width letters/spaces, case and unit suffixes', () => {
		const result = load(['decl-header-variants.csv']);
		const r = reportOf(result, 'decl-header-variants.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'declarations', 1, 1, 0, 0),
			unknownColumns: []
		});
		expect(problemsOf(r)).toEqual([]);
		expect(declaration(result, 'FX-HV-01')).toMatchObject({
			enterprise_id: 'E9311',
			year: 2025,
			region_code: '150400',
			industry_code: '13',
			declared_tier: 1,
			digital_investment: 350,
			ind_production_operation: 3,
			extra: null
		});
	});

	it('decl-duplicated-column.csv: a second 盟市 column is ignored with a warning', () => {
		const result = load(['decl-duplicated-column.csv']);
		const r = reportOf(result, 'decl-duplicated-column.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 1, 1, 0, 0));
		expect(problemsOf(r)).toEqual([problem(null, '盟市', '列重复出现，只使用第一列', 'warning')]);
		expect(declaration(result, 'FX-DC-01').region_code).toBe('150100');
	});

	it('decl-unknown-column.csv: an unlisted column is kept in extra, with a warning', () => {
		const result = load(['decl-unknown-column.csv']);
		const r = reportOf(result, 'decl-unknown-column.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'declarations', 2, 2, 0, 0),
			unknownColumns: ['备注']
		});
		expect(problemsOf(r)).toEqual([problem(null, '备注', '不是数据契约中的列', 'warning')]);
		expect(JSON.parse(declaration(result, 'FX-UC-01').extra ?? 'null')).toEqual({ 备注: '试点' });
	});

	it('scen-extra-column.csv: an unlisted column of a scenario file is kept for SQL', () => {
		// Contract: "Columns not listed here are kept for the SQL console" — for every file kind.
		const result = load(['decl-scenario-base.csv', 'scen-extra-column.csv']);
		const r = reportOf(result, 'scen-extra-column.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'scenarios', 1, 1, 0, 0),
			unknownColumns: ['备注']
		});
		expect(problemsOf(r)).toEqual([problem(null, '备注', '不是数据契约中的列', 'warning')]);
		expect(result.tables.scenarios.toArray()).toMatchObject([
			{ declaration_id: 'FX-SC-01', scenario_no: 14, scenario_tier: 1 }
		]);
		expect(JSON.stringify(result.tables.scenarios.toArray())).toContain('现场核查通过');
	});
});

// ── Values of the 申报明细 ─────────────────────────────────────────────────────────

describe('申报明细 values', () => {
	it('decl-region-aliases.csv: every code, full name, short name and abbreviation of 盟市', () => {
		const result = load(['decl-region-aliases.csv']);
		const r = reportOf(result, 'decl-region-aliases.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 51, 51, 0, 0));
		expect(problemsOf(r)).toEqual([]);
		const all = [
			'150100',
			'150200',
			'150300',
			'150400',
			'150500',
			'150600',
			'150700',
			'150800',
			'150900',
			'152200',
			'152500',
			'152900'
		];
		const expected = [
			...all, // codes
			...all, // full names
			...all, // short names
			'150100', // 呼市
			'150100', // 青城
			'150200', // 鹿城
			'150400', // 昭盟
			'150500', // 哲盟
			'150600', // 鄂市
			'150600', // 伊盟
			'150700', // 呼盟
			'150800', // 巴盟
			'150800', // 巴市
			'150900', // 乌盟
			'152500', // 锡盟
			'152900', // 阿盟
			'150100', // １５０１００ (full-width digits)
			'150100' // " 呼市 "
		];
		expect(result.tables.declarations.map((d) => d.region_code)).toEqual(expected);
		expect(declaration(result, 'FX-RG-37').region_code).toBe('150100'); // 呼市
	});

	it('decl-region-unknown.csv: 乌市, 全区, a county-level city and an empty 盟市 are rejected', () => {
		const result = load(['decl-region-unknown.csv']);
		const r = reportOf(result, 'decl-region-unknown.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 5, 1, 4, 0));
		expect(problemsOf(r)).toEqual([
			problem(2, '盟市', '无法识别的盟市“乌市”'),
			problem(3, '盟市', '是全区合计，不是盟市'),
			problem(4, '盟市', '无法识别的盟市“满洲里市”'),
			problem(5, '盟市', '盟市为空')
		]);
		expect(rejectedLines(r)).toEqual([2, 3, 4, 5]);
		expect(declaration(result, 'FX-RU-05').region_code).toBe('152200');
	});

	it('decl-bad-years.csv: 2023, 2036, 二〇二五 and 25 rejected; 2024 and 2035 loaded', () => {
		const result = load(['decl-bad-years.csv']);
		const r = reportOf(result, 'decl-bad-years.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 6, 2, 4, 0));
		expect(problemsOf(r)).toEqual([
			problem(2, '申报年度', '年度 2023 不在 2024–2035 之间'),
			problem(3, '申报年度', '年度 2036 不在 2024–2035 之间'),
			problem(4, '申报年度', '“二〇二五”不是四位年份'),
			problem(5, '申报年度', '“25”不是四位年份')
		]);
		expect(rejectedLines(r)).toEqual([2, 3, 4, 5]);
		expect(result.tables.declarations.map((d) => d.year)).toEqual([2024, 2035]);
	});

	it('decl-industry.csv: C26, 26, a 大类 name, lower case; wrong letter, unknown code, empty', () => {
		const result = load(['decl-industry.csv']);
		const r = reportOf(result, 'decl-industry.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 8, 5, 3, 0));
		expect(problemsOf(r)).toEqual([
			problem(6, '行业代码', '门类字母应为C'),
			problem(7, '行业代码', '“99”不是门类B、C、D中的行业大类代码'),
			problem(8, '行业代码', '行业代码为空')
		]);
		expect(rejectedLines(r)).toEqual([6, 7, 8]);
		expect(result.tables.declarations.map((d) => [d.declaration_id, d.industry_code])).toEqual([
			['FX-IN-01', '26'],
			['FX-IN-02', '26'],
			['FX-IN-03', '13'],
			['FX-IN-04', '13'],
			['FX-IN-08', '06']
		]);
	});

	it('decl-tier-spellings.csv: 基础, 先进级智能工厂, 3, ４, 基础级智能工厂, 领航; 高级 rejected', () => {
		const result = load(['decl-tier-spellings.csv']);
		const r = reportOf(result, 'decl-tier-spellings.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 7, 6, 1, 0));
		expect(problemsOf(r)).toEqual([problem(8, '申报层级', '无法识别的层级“高级”')]);
		expect(rejectedLines(r)).toEqual([8]);
		expect(result.tables.declarations.map((d) => d.declared_tier)).toEqual([1, 2, 3, 4, 1, 4]);
		expect(declaration(result, 'FX-TS-06').maturity_level).toBe(5); // 五级
	});

	it('decl-statuses.csv: 通过, 不通过, 驳回, 待审核, 已推荐; unknown and empty rejected', () => {
		const result = load(['decl-statuses.csv']);
		const r = reportOf(result, 'decl-statuses.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 8, 6, 2, 1));
		expect(problemsOf(r)).toEqual([
			problem(7, '审核状态', '已推荐仅适用于卓越级、领航级', 'warning'),
			problem(8, '审核状态', '无法识别的审核状态“已撤回”'),
			problem(9, '审核状态', '审核状态为空')
		]);
		expect(rejectedLines(r)).toEqual([8, 9]);
		expect(result.tables.declarations.map((d) => [d.status, d.awarded_tier])).toEqual([
			['approved', 1],
			['rejected', null],
			['rejected', null],
			['pending', null],
			['recommended', null],
			['recommended', null]
		]);
	});

	it('decl-awarded-tier.csv: 已认定 without 认定层级 rejected; a tier on 未通过 dropped', () => {
		const result = load(['decl-awarded-tier.csv']);
		const r = reportOf(result, 'decl-awarded-tier.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 4, 3, 1, 1));
		expect(problemsOf(r)).toEqual([
			problem(2, '认定层级', '审核状态为已认定，但认定层级为空'),
			problem(4, '认定层级', '审核状态不是已认定，认定层级不予采用', 'warning')
		]);
		expect(rejectedLines(r)).toEqual([2]);
		expect(declaration(result, 'FX-AW-02')).toMatchObject({ status: 'approved', awarded_tier: 1 });
		expect(declaration(result, 'FX-AW-03')).toMatchObject({
			status: 'rejected',
			awarded_tier: null
		});
		expect(declaration(result, 'FX-AW-04')).toMatchObject({
			status: 'approved',
			declared_tier: 2,
			awarded_tier: 2,
			maturity_level: 2
		});
	});

	it('decl-maturity.csv: required from 先进级; 二级及以上 and 六级 are not levels', () => {
		const result = load(['decl-maturity.csv']);
		const r = reportOf(result, 'decl-maturity.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 6, 3, 3, 0));
		expect(problemsOf(r)).toEqual([
			problem(2, '成熟度等级', '先进级及以上的申报须填写成熟度等级'),
			problem(3, '成熟度等级', '是范围，不是一个成熟度等级'),
			problem(7, '成熟度等级', '无法识别的成熟度等级“六级”')
		]);
		expect(rejectedLines(r)).toEqual([2, 3, 7]);
		expect(result.tables.declarations.map((d) => [d.declaration_id, d.maturity_level])).toEqual([
			['FX-MT-03', 3],
			['FX-MT-04', 2],
			['FX-MT-05', null]
		]);
	});

	it('decl-above-scale.csv: 是, 否, empty (= 是), padded 是, 规下; 不详 rejected', () => {
		const result = load(['decl-above-scale.csv']);
		const r = reportOf(result, 'decl-above-scale.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 6, 5, 1, 0));
		expect(problemsOf(r)).toEqual([problem(7, '规上企业', '“不详”应为“是”或“否”')]);
		expect(rejectedLines(r)).toEqual([7]);
		expect(result.tables.declarations.map((d) => d.above_scale)).toEqual([
			true,
			false,
			true,
			true,
			false
		]);
	});

	it('decl-size-prior-title.csv: 企业规模 and 既有称号 accept only their listed values', () => {
		const result = load(['decl-size-prior-title.csv']);
		const r = reportOf(result, 'decl-size-prior-title.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 5, 3, 2, 0));
		expect(problemsOf(r)).toEqual([
			problem(5, '企业规模', '企业规模“特大型”应为大型、中型、小型或微型'),
			problem(6, '既有称号', '既有称号“省级示范工厂”应为')
		]);
		expect(rejectedLines(r)).toEqual([5, 6]);
		expect(result.tables.declarations.map((d) => [d.size, d.prior_title])).toEqual([
			['大型', '自治区智能工厂'],
			['中型', '国家智能制造示范工厂揭榜单位'],
			['小型', null]
		]);
	});

	it('decl-investment-numbers.csv: 1,250.5 and 80 are numbers, empty is null; -5 and 12万 are rejected', () => {
		const result = load(['decl-investment-numbers.csv']);
		const r = reportOf(result, 'decl-investment-numbers.csv');
		expect(r).toMatchObject({ status: 'loaded', kind: 'declarations', rowsRead: 6 });
		expect(problemsOf(r).filter((p) => p.line !== 3)).toEqual([
			problem(4, '数字化投入规模（万元）', '数字化投入规模为负数（-5）'),
			problem(5, '数字化投入规模（万元）', '“12万”不是数字')
		]);
		expect(rejectedLines(r).filter((line) => line !== 3)).toEqual([4, 5]);
		expect(
			result.tables.declarations
				.filter((d) => d.declaration_id !== 'FX-NU-02')
				.map((d) => [d.declaration_id, d.digital_investment])
		).toEqual([
			['FX-NU-01', 1250.5],
			['FX-NU-05', null],
			['FX-NU-06', 80]
		]);
	});

	it('decl-investment-numbers.csv: thousands separators and full-width digits fold to numbers', () => {
		// Full-width digits and a full-width comma (１，２５０.５) fold to 1,250.5, as the contract's
		// "full-width digits" and "thousands separators" both ask; words and negatives are refused.
		const result = load(['decl-investment-numbers.csv']);
		const r = reportOf(result, 'decl-investment-numbers.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 6, 4, 2, 0));
		expect(problemsOf(r)).toEqual([
			problem(4, '数字化投入规模（万元）', '数字化投入规模为负数（-5）'),
			problem(5, '数字化投入规模（万元）', '“12万”不是数字')
		]);
		expect(rejectedLines(r)).toEqual([4, 5]);
		expect(declaration(result, 'FX-NU-01').digital_investment).toBe(1250.5);
		expect(declaration(result, 'FX-NU-02').digital_investment).toBe(1250.5);
	});

	it('decl-not-applicable.csv: 不涉及 where 附件3 allows it, not elsewhere; levels 1–6 only', () => {
		const result = load(['decl-not-applicable.csv']);
		const r = reportOf(result, 'decl-not-applicable.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 3, 1, 2, 0));
		expect(problemsOf(r)).toEqual([
			problem(3, '生产作业数字化水平', '不允许填“不涉及”'),
			problem(4, '产业链供应链协同数字化水平', '等级“7”应为1–6')
		]);
		expect(rejectedLines(r)).toEqual([3, 4]);
		expect(declaration(result, 'FX-NA-01')).toMatchObject({
			ind_rd_design: 0,
			ind_production_operation: 3,
			ind_marketing_service: 0,
			ind_supply_chain: 0
		});
	});

	it('decl-extra-fields.csv: more fields than headers rejects the row; empty extras and short rows load', () => {
		const result = load(['decl-extra-fields.csv']);
		const r = reportOf(result, 'decl-extra-fields.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 4, 3, 1, 0));
		expect(problemsOf(r)).toEqual([problem(3, null, '字段数 12 多于表头的 10 列')]);
		expect(rejectedLines(r)).toEqual([3]);
		expect(result.tables.declarations.map((d) => d.declaration_id)).toEqual([
			'FX-EF-01',
			'FX-EF-03',
			'FX-EF-04'
		]);
	});
});

// ── Formulas and HTML in text fields ──────────────────────────────────────────────

describe('text that a spreadsheet or a browser could run', () => {
	it('decl-formula.csv: =1+1, @SUM(A1) and =HYPERLINK(...) load as text with a warning', () => {
		const result = load(['decl-formula.csv']);
		const r = reportOf(result, 'decl-formula.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 4, 4, 0, 3));
		expect(problemsOf(r)).toEqual([
			problem(2, '旗县区', '按文本保存', 'warning'),
			problem(3, '企业编码', '按文本保存', 'warning'),
			problem(4, '旗县区', '按文本保存', 'warning')
		]);
		expect(declaration(result, 'FX-FM-01').county).toBe('=1+1');
		expect(declaration(result, 'FX-FM-02').enterprise_id).toBe('@SUM(A1)');
		expect(declaration(result, 'FX-FM-03').county).toBe('=HYPERLINK("http://x","y")');
		expect(declaration(result, 'FX-FM-04').county).toBe('-1'); // a number, no warning
	});

	it('decl-html.csv: HTML loads verbatim as text, without warnings', () => {
		const result = load(['decl-html.csv']);
		const r = reportOf(result, 'decl-html.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 3, 3, 0, 0));
		expect(problemsOf(r)).toEqual([]);
		expect(declaration(result, 'FX-HT-01').county).toBe('<script>alert(1)</script>');
		expect(declaration(result, 'FX-HT-02').enterprise_id).toBe('<img src=x onerror=alert(1)>');
		expect(declaration(result, 'FX-HT-03').county).toBe('<b onmouseover="alert(1)">x</b>');
		expect(result.sanitizedTexts[0]?.text).toContain('<script>alert(1)</script>');
	});
});

// ── Duplicates ────────────────────────────────────────────────────────────────────

describe('duplicate 申报编号 and baseline cells', () => {
	it('decl-dup-within.csv: the second FX-DUP-01 is rejected, naming the first', () => {
		const result = load(['decl-dup-within.csv']);
		const r = reportOf(result, 'decl-dup-within.csv');
		expect(r).toMatchObject(counts('loaded', 'declarations', 3, 2, 1, 0));
		expect(problemsOf(r)).toEqual([
			problem(4, '申报编号', '申报编号“FX-DUP-01”重复（首次出现在 decl-dup-within.csv 第 2 行）')
		]);
		expect(rejectedLines(r)).toEqual([4]);
		expect(declaration(result, 'FX-DUP-01').enterprise_id).toBe('E9371');
	});

	it('decl-dup-across-a.csv + decl-dup-across-b.csv: FX-XF-01 twice across files', () => {
		const result = load(['decl-dup-across-a.csv', 'decl-dup-across-b.csv']);
		const a = reportOf(result, 'decl-dup-across-a.csv');
		const b = reportOf(result, 'decl-dup-across-b.csv');
		expect(a).toMatchObject(counts('loaded', 'declarations', 2, 2, 0, 0));
		expect(problemsOf(a)).toEqual([]);
		expect(b).toMatchObject(counts('loaded', 'declarations', 2, 1, 1, 0));
		expect(problemsOf(b)).toEqual([
			problem(3, '申报编号', '重复（首次出现在 decl-dup-across-a.csv 第 2 行）')
		]);
		expect(rejectedLines(b)).toEqual([3]);
		expect(result.tables.declarations.map((d) => d.declaration_id)).toEqual([
			'FX-XF-01',
			'FX-XF-02',
			'FX-XF-03'
		]);
		expect(declaration(result, 'FX-XF-01').enterprise_id).toBe('E9381');
	});

	it('decl-dup-across-b.csv + decl-dup-across-a.csv: the file loaded first keeps the ID', () => {
		const result = load(['decl-dup-across-b.csv', 'decl-dup-across-a.csv']);
		const a = reportOf(result, 'decl-dup-across-a.csv');
		expect(a).toMatchObject(counts('loaded', 'declarations', 2, 1, 1, 0));
		expect(problemsOf(a)).toEqual([
			problem(2, '申报编号', '重复（首次出现在 decl-dup-across-b.csv 第 3 行）')
		]);
		expect(reportOf(result, 'decl-dup-across-b.csv').rowsRejected).toBe(0);
		expect(declaration(result, 'FX-XF-01').enterprise_id).toBe('E9384');
	});

	it('baseline-duplicate-cell.csv: 全区 twice (全区 / 内蒙古), 包头 C31 twice (31 / C31)', () => {
		const result = load(['baseline-duplicate-cell.csv']);
		const r = reportOf(result, 'baseline-duplicate-cell.csv');
		expect(r).toMatchObject(counts('loaded', 'baseline', 4, 2, 2, 0));
		expect(problemsOf(r)).toEqual([
			problem(
				3,
				'盟市',
				'2025年该盟市、行业的基数重复（首次出现在 baseline-duplicate-cell.csv 第 2 行）'
			),
			problem(5, '盟市', '重复（首次出现在 baseline-duplicate-cell.csv 第 4 行）')
		]);
		expect(rejectedLines(r)).toEqual([3, 5]);
		expect(result.tables.baseline).toMatchObject([
			{ region_code: '150000', industry_code: null, enterprises: 1850 },
			{ region_code: '150200', industry_code: '31', enterprises: 40 }
		]);
	});
});

// ── Baseline ──────────────────────────────────────────────────────────────────────

describe('规上工业企业基数', () => {
	it('baseline-bad-counts.csv: negative, non-integer and empty counts rejected; 1,200 and 0 load', () => {
		const result = load(['baseline-bad-counts.csv']);
		const r = reportOf(result, 'baseline-bad-counts.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'baseline', 6, 3, 3, 0),
			kindLabel: '规上工业企业基数'
		});
		expect(problemsOf(r)).toEqual([
			problem(3, '规上工业企业数', '为负数（-3）'),
			problem(4, '规上工业企业数', '“12.5”不是整数'),
			problem(6, '规上工业企业数', '规上工业企业数为空')
		]);
		expect(rejectedLines(r)).toEqual([3, 4, 6]);
		expect(result.tables.baseline).toEqual([
			expect.objectContaining({
				year: 2025,
				region_code: '150000',
				industry_code: null,
				enterprises: 1850
			}),
			expect.objectContaining({
				year: 2025,
				region_code: '150400',
				industry_code: '26',
				enterprises: 1200
			}),
			expect.objectContaining({
				year: 2025,
				region_code: '150300',
				industry_code: null,
				enterprises: 0
			})
		]);
	});

	it('baseline-year-outside-plan.csv: a baseline year is any integer (2023 too)', () => {
		// Contract §3: 年度 is "integer" (the 2024–2035 range is stated for 申报年度 only).
		const result = load(['baseline-year-outside-plan.csv']);
		const r = reportOf(result, 'baseline-year-outside-plan.csv');
		expect(problemsOf(r)).toEqual([]);
		expect(r).toMatchObject(counts('loaded', 'baseline', 2, 2, 0, 0));
		expect(result.tables.baseline.map((b) => [b.year, b.enterprises])).toEqual([
			[2023, 1700],
			[2025, 1850]
		]);
	});
});

// ── 建设场景明细 ────────────────────────────────────────────────────────────────────

describe('建设场景明细', () => {
	it('scen-orphans.csv with decl-scenario-base.csv: an unknown 申报编号 is rejected', () => {
		const result = load(['decl-scenario-base.csv', 'scen-orphans.csv']);
		expect(reportOf(result, 'decl-scenario-base.csv')).toMatchObject(
			counts('loaded', 'declarations', 2, 2, 0, 0)
		);
		const r = reportOf(result, 'scen-orphans.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'scenarios', 3, 2, 1, 0),
			kindLabel: '建设场景明细'
		});
		expect(problemsOf(r)).toEqual([
			problem(3, '申报编号', '申报编号“FX-NOPE-01”在已导入的申报明细中不存在')
		]);
		expect(rejectedLines(r)).toEqual([3]);
		expect(result.tables.scenarios.toArray()).toMatchObject([
			{ declaration_id: 'FX-SC-01', scenario_no: 14, scenario_tier: 1, counted_tier: 1 },
			{ declaration_id: 'FX-SC-02', scenario_no: 16, scenario_tier: 2, counted_tier: 2 }
		]);
		expect(result.notes).toEqual([]);
		expect(result.tables.eligibility).toHaveLength(2);
		expect(result.flagged).toBe(2);
	});

	it('scen-orphans.csv alone: with no declarations loaded every row is an orphan', () => {
		const result = load(['scen-orphans.csv']);
		const r = reportOf(result, 'scen-orphans.csv');
		expect(r).toMatchObject(counts('loaded', 'scenarios', 3, 0, 3, 0));
		expect(problemsOf(r)).toEqual([
			problem(2, '申报编号', '“FX-SC-01”在已导入的申报明细中不存在'),
			problem(3, '申报编号', '“FX-NOPE-01”在已导入的申报明细中不存在'),
			problem(4, '申报编号', '“FX-SC-02”在已导入的申报明细中不存在')
		]);
		expect(rejectedLines(r)).toEqual([2, 3, 4]);
		expect(result.tables.scenarios.toArray()).toEqual([]);
	});

	it('scen-names-numbers.csv: 附件4 spellings and 附件1 numbers; a contradicting number is an error', () => {
		const result = load(['decl-scenario-base.csv', 'scen-names-numbers.csv']);
		const r = reportOf(result, 'scen-names-numbers.csv');
		expect(r).toMatchObject(counts('loaded', 'scenarios', 8, 5, 3, 0));
		expect(problemsOf(r)).toEqual([
			problem(5, '场景', '场景编号14与名称“设备智能运维”不一致'),
			problem(7, '场景', '场景编号“41”不在1–40之间'),
			problem(8, '场景', '无法识别的场景“虚拟现实工厂”')
		]);
		expect(rejectedLines(r)).toEqual([5, 7, 8]);
		expect(result.tables.scenarios.toArray().map((s) => [s.source_line, s.scenario_no])).toEqual([
			[2, 10], // 人机协同制造 (附件4) = 人机协同作业 (附件1)
			[3, 32], // 工业信息安全管控 (附件4) = 工业信息安全管理 (附件1)
			[4, 20], // 20 in 附件1 numbering = 危险作业自动化
			[6, 29], // 供应商数智化管理: 附件1 29 (附件4 30)
			[9, 17] // "17.设备智能运维": number and name agree
		]);
		expect(result.tables.eligibility).toContainEqual({
			declaration_id: 'FX-SC-01',
			eligible_tier: 1,
			shortfall: null
		});
	});

	it('scen-number-and-name-columns.csv: with 场景编号 and 场景名称, the name wins and a mismatch is an error', () => {
		// Contract §2: "A name wins over a number; a number and a name that disagree are an
		// error for that row."
		const result = load(['decl-scenario-base.csv', 'scen-number-and-name-columns.csv']);
		const r = reportOf(result, 'scen-number-and-name-columns.csv');
		expect(r).toMatchObject({ status: 'loaded', kind: 'scenarios', rowsRead: 3 });
		expect(problemsOf(r).filter((p) => p.severity === 'error')).toEqual([
			{
				line: 3,
				column: expect.stringMatching(/^场景(编号|名称)$/),
				severity: 'error',
				reason: expect.stringContaining('不一致')
			}
		]);
		expect(rejectedLines(r)).toEqual([3]);
		expect(result.tables.scenarios.toArray().map((s) => [s.source_line, s.scenario_no])).toEqual([
			[2, 10],
			[4, 14]
		]);
	});

	it('scen-slash-tiers.csv: a tier whose 附件4 cell is "/" (or missing) is a warning', () => {
		const result = load(['decl-scenario-base.csv', 'scen-slash-tiers.csv']);
		const r = reportOf(result, 'scen-slash-tiers.csv');
		expect(r).toMatchObject(counts('loaded', 'scenarios', 6, 5, 1, 3));
		expect(problemsOf(r)).toEqual([
			problem(2, '场景层级', '“工厂数字化设计与交付”在基础级无描述（“/”）', 'warning'),
			problem(3, '场景层级', '“数据驱动产品研发”在先进级无描述（“/”）', 'warning'),
			problem(4, '场景层级', '“供应链计划协同优化”领航级描述原文缺失', 'warning'),
			problem(7, '场景层级', '无法识别的层级“五级”')
		]);
		expect(rejectedLines(r)).toEqual([7]);
		expect(
			result.tables.scenarios.toArray().map((s) => [s.scenario_no, s.scenario_tier, s.counted_tier])
		).toEqual([
			[1, 1, null],
			[34, 2, null],
			[28, 4, 4],
			[14, 1, 1],
			[1, 2, 2]
		]);
	});
});

// ── Privacy ───────────────────────────────────────────────────────────────────────

describe('identifying columns', () => {
	it.each([
		['decl-company-name.csv', '企业名称', '列名表明为企业名称'],
		['decl-contact-phone.csv', '联系电话', '列名表明为电话'],
		['decl-credit-code-in-remark.csv', '备注', '第 3 行的值形如统一社会信用代码'],
		['decl-phone-in-ref.csv', '内部编号', '第 3 行的值形如电话号码']
	])('%s is refused because of “%s”', (name, header, reason) => {
		const result = load([name]);
		const r = reportOf(result, name);
		expect(r).toMatchObject({ ...counts('refused', null, 2, 0, 2, 0), droppedColumns: [] });
		expect(r.identifyingColumns).toEqual([{ index: 10, header, reason }]);
		expect(problemsOf(r)).toEqual([problem(null, header, `疑似身份信息（${reason}）`)]);
		expect(rejectedLines(r)).toEqual([2, 3]);
		expect(r.rejectedRows[0]?.reasons).toEqual(['文件含身份信息列，已拒绝']);
		expect(result.tables.declarations).toEqual([]);
		expect(result.sanitizedTexts).toEqual([]);
	});

	it('decl-english-identifying.csv: an English company_name header is refused too', () => {
		// Contract: a column that looks like 企业名称 … is refused until removed; headers may be
		// in Chinese or English.
		const name = 'decl-english-identifying.csv';
		const result = load([name]);
		const r = reportOf(result, name);
		expect(r).toMatchObject(counts('refused', null, 2, 0, 2, 0));
		expect(r.identifyingColumns.map((c) => c.header)).toEqual(['company_name']);
		expect(JSON.stringify(result.tables)).not.toContain('Baotou Sample Steel');
	});

	it('decl-phone-dashed.csv: a mobile number written 138-1234-5678 is phone-shaped', () => {
		const name = 'decl-phone-dashed.csv';
		const result = load([name]);
		const r = reportOf(result, name);
		expect(r).toMatchObject(counts('refused', null, 2, 0, 2, 0));
		expect(r.identifyingColumns).toEqual([
			{ index: 10, header: '备用字段', reason: '第 2 行的值形如电话号码' }
		]);
		expect(JSON.stringify(result.tables)).not.toContain('138-1234-5678');
	});
});

describe('dropping identifying columns', () => {
	it.each([
		['decl-company-name.csv', '企业名称', ['内蒙古示例化工有限公司', '内蒙古样本材料有限公司']],
		['decl-contact-phone.csv', '联系电话', ['0471-6612345', '13912345678']],
		['decl-credit-code-in-remark.csv', '备注', ['91150100MA0N12345X', '一期项目']],
		['decl-phone-in-ref.csv', '内部编号', ['15847112345', 'A-17']]
	])('%s loads without “%s”, whose values appear nowhere', (name, header, values) => {
		const result = load([name], { dropIdentifyingColumns: new Set([name]) });
		const r = reportOf(result, name);
		expect(r).toMatchObject({
			...counts('loaded', 'declarations', 2, 2, 0, 0),
			droppedColumns: [header],
			unknownColumns: []
		});
		expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
		expect(result.tables.declarations).toHaveLength(2);
		for (const d of result.tables.declarations) expect(d.extra).toBeNull();

		expect(result.sanitizedTexts).toHaveLength(1);
		const text = result.sanitizedTexts[0]?.text ?? '';
		expect(text.split('\n')[0]).toBe(
			'申报编号,企业编码,申报年度,盟市,旗县区,行业代码,申报层级,审核状态,认定层级,成熟度等级'
		);
		expect(text).not.toContain(header);
		const tables = JSON.stringify(result.tables);
		const reports = JSON.stringify(result.reports.map((rep) => rep.rejectedRows));
		for (const value of values) {
			expect(text).not.toContain(value);
			expect(tables).not.toContain(value);
			expect(reports).not.toContain(value);
		}
	});

	it('dropping is per file: a second identifying file not named is still refused', () => {
		const result = load(['decl-company-name.csv', 'decl-contact-phone.csv'], {
			dropIdentifyingColumns: new Set(['decl-company-name.csv'])
		});
		expect(reportOf(result, 'decl-company-name.csv')).toMatchObject(
			counts('loaded', 'declarations', 2, 2, 0, 0)
		);
		expect(reportOf(result, 'decl-contact-phone.csv')).toMatchObject(
			counts('refused', null, 2, 0, 2, 0)
		);
		expect(result.sanitizedTexts.map((s) => s.name)).toEqual(['decl-company-name.csv']);
		expect(JSON.stringify(result.tables)).not.toContain('13912345678');
	});
});

// ── 盟市目标 ──────────────────────────────────────────────────────────────────────

describe('盟市目标', () => {
	it('targets.csv: the optional 盟市目标 file is recognised and loaded', () => {
		// Contract §4: 盟市, 指标, 目标年度, 目标值 — a fourth, optional kind of file.
		const result = load(['targets.csv']);
		const r = reportOf(result, 'targets.csv');
		expect(problemsOf(r).filter((p) => p.severity === 'error')).toEqual([]);
		expect(r).toMatchObject({
			status: 'loaded',
			kindLabel: '盟市目标',
			rowsRead: 2,
			rowsLoaded: 2,
			rowsRejected: 0
		});
	});
});

// ── A file over 50 MB ─────────────────────────────────────────────────────────────

describe('a 申报明细 over 50 MB', () => {
	it('imports ~300,000 rows, balances, and rejects the planted bad rows by line', () => {
		const header =
			'申报编号,企业编码,申报年度,盟市,旗县区,行业代码,企业规模,规上企业,申报层级,审核状态,认定层级,成熟度等级,' +
			'研发设计数字化水平,生产作业数字化水平,生产管理数字化水平,经营管理数字化水平,营销服务数字化水平,' +
			'产业链供应链协同数字化水平,数字化投入规模（万元）,网络与安全,数据要素,组织战略人才,既有称号';
		const regions = [
			'呼和浩特市',
			'包头市',
			'鄂尔多斯市',
			'锡林郭勒盟',
			'巴彦淖尔市',
			'乌兰察布市'
		];
		const rows = 300_000;
		const id = (i: number) => `FX-BIG-${String(i).padStart(6, '0')}`;
		/** Bad rows by Excel line (data row i is on line i + 2). */
		const bad = new Map<number, (cells: string[]) => void>([
			[10, (c) => (c[2] = '2023')],
			[100_001, (c) => (c[3] = '乌市')],
			[150_000, (c) => ((c[9] = '已认定'), (c[10] = ''))],
			[200_002, (c) => (c[11] = '')],
			[rows + 1, (c) => (c[0] = id(0))]
		]);
		const lines = [header];
		for (let i = 0; i < rows; i++) {
			const cells = [
				id(i),
				`E9${String(i % 60_000).padStart(6, '0')}`,
				String(2024 + (i % 4)),
				regions[i % regions.length] ?? '',
				'土默特左旗察素齐镇',
				'化学原料和化学制品制造业',
				'中型',
				i % 7 === 0 ? '否' : '是',
				'先进级',
				'审核中',
				'',
				'三级',
				'3',
				'3',
				'3',
				'3',
				'不涉及',
				'2',
				'"1,250.5"',
				'3',
				'2',
				'2',
				'国家智能制造示范工厂揭榜单位'
			];
			bad.get(i + 2)?.(cells);
			lines.push(cells.join(','));
		}
		const bytes = Buffer.from(lines.join('\r\n') + '\r\n');
		expect(bytes.length).toBeGreaterThan(50 * 1024 * 1024);

		const result = importFiles([{ name: 'big.csv', bytes }]);
		const r = reportOf(result, 'big.csv');
		expect(r).toMatchObject({
			...counts('loaded', 'declarations', rows, rows - 5, 5, 0),
			encoding: 'UTF-8'
		});
		expect(r.rowsRead).toBe(r.rowsLoaded + r.rowsRejected);
		expect(rejectedLines(r)).toEqual([10, 100_001, 150_000, 200_002, rows + 1]);
		expect(problemsOf(r)).toEqual([
			problem(10, '申报年度', '年度 2023 不在 2024–2035 之间'),
			problem(100_001, '盟市', '无法识别的盟市“乌市”'),
			problem(150_000, '认定层级', '审核状态为已认定，但认定层级为空'),
			problem(200_002, '成熟度等级', '先进级及以上的申报须填写成熟度等级'),
			problem(rows + 1, '申报编号', `申报编号“${id(0)}”重复（首次出现在 big.csv 第 2 行）`)
		]);
		expect(result.tables.declarations).toHaveLength(rows - 5);
		const last = result.tables.declarations[result.tables.declarations.length - 1];
		expect(last).toMatchObject({
			declaration_id: id(rows - 2),
			source_line: rows,
			digital_investment: 1250.5,
			ind_marketing_service: 0,
			prior_title: '国家智能制造示范工厂揭榜单位'
		});
	}, 120_000);
});

// ── The corpus itself ─────────────────────────────────────────────────────────────

describe('the corpus', () => {
	const csvFiles = readdirSync(DIR)
		.filter((name) => name.endsWith('.csv'))
		.sort();

	it('has at least 26 fixtures, each listed in README.md', () => {
		expect(csvFiles.length).toBeGreaterThanOrEqual(26);
		const readme = readFileSync(`${DIR}/README.md`, 'utf8');
		for (const name of csvFiles) expect(readme, name).toContain(`\`${name}\``);
	});

	it('every fixture is imported by a test in this file', () => {
		const source = readFileSync('tests/unit/import-fixtures.test.ts', 'utf8');
		for (const name of csvFiles) expect(source, name).toContain(`'${name}'`);
	});
});
