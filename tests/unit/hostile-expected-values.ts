/**
 * The expected outcome of each file of the hostile corpus (continued): values DuckDB cannot
 * hold or that are not numbers, identifying headers and values, a damaged workbook renamed.
 */
import { expect } from 'vitest';
import {
	byHeader,
	byValue,
	enterprises,
	investments,
	refused,
	SEP,
	targets,
	type Expected,
	type ExpectedProblem
} from './hostile-expected';

/** Values, identifying data, not a CSV: each file and its exact outcome. */
export const VALUE_EXPECTED: Record<string, Expected> = {
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
	// ── Characters nobody sees ──
	'val-zero-width-id.csv': {
		counts: [2, 2, 0, 1],
		problems: [[3, '企业编码', '含看不见的字符 U+200B，已去除后导入', 'warning']],
		// One enterprise, as it shows: coverage counts it once.
		then: (result) =>
			expect(result.tables.declarations.map((d) => d.enterprise_id)).toEqual(['E8001', 'E8001'])
	},
	'val-control-char.csv': {
		counts: [4, 1, 3, 0],
		problems: [
			[3, '旗县区', '含看不见的控制字符 U+0000，无法确定原值'],
			[4, '申报编号', '含看不见的控制字符 U+0007，无法确定原值'],
			[5, '旗县区', '含看不见的控制字符 U+202E，无法确定原值']
		],
		then: (_, report) =>
			expect(report.problems.map((p) => p.value)).toEqual([
				'赛罕〈U+0000〉区',
				'HX-CC-3〈U+0007〉',
				'赛〈U+202E〉罕区'
			])
	},
	'val-hidden-in-resolved.csv': {
		counts: [2, 1, 1, 0],
		problems: [[3, '盟市', '（含看不见的字符 U+200B）']]
	},
	'decl-formula-signed.csv': {
		counts: [3, 3, 0, 2],
		problems: [
			[2, '旗县区', '以 =、+、-、@ 开头，按文本保存', 'warning'],
			[3, '旗县区', '以 =、+、-、@ 开头，按文本保存', 'warning']
		]
	},
	'decl-investment-unit-yuan.csv': {
		counts: [2, 2, 0, 0],
		problems: [
			[null, '数字化投入规模（元）', '表头中的单位为“元”，金额已换算为万元（÷10,000）', 'warning']
		],
		then: (result) => expect(investments(result)).toEqual([368.7, null])
	},
	'decl-investment-unit-unknown.csv': {
		counts: [2, 1, 1, 0],
		problems: [[2, '数字化投入规模（美元）', '表头中的单位“美元”无法换算为万元']],
		then: (result) => expect(investments(result)).toEqual([null])
	},
	'decl-title-row.csv': {
		status: 'unrecognised',
		kind: null,
		counts: [3, 0, 3, 0],
		problems: [
			[
				null,
				null,
				'无法识别文件类型：第 1 行不是表头，第 2 行才像“申报明细”的表头；请删除表头上方的标题行后重新导入'
			]
		]
	},
	'decl-headerless-values.csv': {
		counts: [2, 2, 0, 0],
		problems: [[null, '第 11 列', '没有表头，其中的值未导入（第 3 行起有值）', 'warning']]
	},
	'decl-unlisted-same-name.csv': {
		counts: [1, 1, 0, 0],
		problems: [
			[null, '备注', SEP, 'warning'],
			[null, '备注', SEP, 'warning']
		],
		then: (result) =>
			expect(JSON.parse(result.tables.declarations[0]?.extra ?? '')).toEqual({
				备注: '甲1',
				'备注 (2)': '乙1'
			})
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
	'priv-header-traditional-company.csv': byHeader('企業名稱', '企业名称'),
	'priv-header-traditional-contact.csv': byHeader('聯繫人', '人员姓名'),
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
	'priv-value-id-zero-width.csv': byValue('身份证号'),
	'priv-value-phone-en-dash.csv': byValue('电话号码'),
	'priv-value-phone-label-glued.csv': byValue('电话号码'),
	'priv-value-credit-code-in-text.csv': byValue('统一社会信用代码'),
	'priv-value-past-header.csv': refused('第 11 列（表头之外）', '第 3 行的值形如电话号码'),
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
		// Read as the workbook it says it is: a cut-off archive is refused whole, not half-read.
		problems: [[null, null, '无法读取 Excel 工作簿：工作簿无法解压，文件可能已损坏']]
	}
};
