/**
 * Blank templates a 盟市 clerk fills in to deliver the data the contract expects (issue #22):
 * one per input kind, as .xlsx and CSV. The first sheet (the CSV) holds the contract's headers
 * — the same `FILE_KINDS` the import matches — and one example row that imports as it is; the
 * .xlsx's second sheet, 填写说明, says per column whether it is required and what values are
 * allowed. Pure: the 数据 page only saves what is built here.
 */
import { regions, tiers } from '../domain/catalogue';
import { toExcelCsv } from '../import/csv';
import { FILE_KINDS, type FileKind, type FileKindSpec } from '../import/file-kinds';
import { STATUS_NAMES } from '../import/values';
import type { SheetCell, SheetLayout } from './table-export';

const TIER_NAMES = tiers.map((t) => t.name).join(' / ');
const REGION_TEXT = `盟市全称（${regions.map((r) => r.name).join('、')}）、简称（呼和浩特）、常用简称（呼市、鄂市、锡盟、阿盟…）或行政区划代码（150100）`;
const LEVEL_TEXT = '附件3 等级 1–6，或 不涉及（附件3 允许时）；可留空';

/** What each column accepts, by kind and key (the contract's wording, in Chinese). */
const ALLOWED: Record<FileKind, Record<string, string>> = {
	declarations: {
		declaration_id: '文本，在所有文件中唯一，如 SB2026-00001',
		enterprise_id:
			'企业代号（化名），同一企业各年相同；不得填写企业名称、统一社会信用代码等身份信息',
		year: '整数 2024–2035',
		region: REGION_TEXT,
		county: '文本，可留空',
		industry: 'GB/T 4754-2017 大类：C26、26 或大类名称',
		size: '大型 / 中型 / 小型 / 微型，可留空',
		above_scale: '是 / 否（留空按“是”）',
		declared_tier: `${TIER_NAMES}（也可写 1–4）`,
		status: `${Object.values(STATUS_NAMES).join(' / ')}（已推荐：卓越级、领航级已推荐至国家，待认定）`,
		awarded_tier: `${TIER_NAMES}；审核状态为已认定时必填，否则留空`,
		maturity_level: 'GB/T 39116 等级 1–5（或 一级…五级）；申报先进级及以上时必填',
		digital_investment: '数字（万元），可带千位分隔符；可留空',
		prior_title: '国家智能制造示范工厂揭榜单位 / 自治区智能工厂 / 自治区数字化车间，或留空'
	},
	scenarios: {
		declaration_id: '须为申报明细中已有的申报编号',
		scenario: '附件1或附件4中的场景名称，或附件1编号 1–40',
		scenario_tier: `该场景达到的附件4层级：${TIER_NAMES}`
	},
	baseline: {
		year: '整数',
		region: `${REGION_TEXT}；全区合计写“全区”`,
		industry: 'GB/T 4754-2017 大类代码（如 C26 或 26）；留空表示全部行业',
		enterprises: '非负整数'
	},
	targets: {
		region: REGION_TEXT,
		metric: '覆盖率 / 基础级新建 / 先进级 / 卓越级 / 领航级',
		year: '整数',
		target: '数字；覆盖率写百分数（25 或 25%）'
	}
};

/** One example row per kind, by key: it imports as it is (the scenario's 申报编号 is the declaration's). */
const EXAMPLE: Record<FileKind, Record<string, string>> = {
	declarations: {
		declaration_id: 'SB2026-00001',
		enterprise_id: 'E000001',
		year: '2026',
		region: '鄂尔多斯市',
		county: '东胜区',
		industry: '26',
		size: '中型',
		above_scale: '是',
		declared_tier: '先进级',
		status: '已认定',
		awarded_tier: '先进级',
		maturity_level: '2',
		digital_investment: '500',
		prior_title: ''
	},
	scenarios: {
		declaration_id: 'SB2026-00001',
		scenario: '危险作业自动化',
		scenario_tier: '先进级'
	},
	baseline: { year: '2026', region: '鄂尔多斯市', industry: '26', enterprises: '120' },
	targets: { region: '鄂尔多斯市', metric: '覆盖率', year: '2027', target: '25%' }
};

/** The contract's columns of a kind, as the template lists them (场景编号 is an alternative to 场景). */
function templateColumns(spec: FileKindSpec) {
	return spec.columns.filter((c) => c.key !== 'scenario_number');
}

export interface Template {
	kind: FileKind;
	/** "申报明细". */
	label: string;
	headers: string[];
	example: string[];
	/** Per column: header, 必填/选填, allowed values. */
	guide: [string, string, string][];
}

export function template(kind: FileKind): Template {
	const spec = FILE_KINDS.find((k) => k.kind === kind);
	if (!spec) throw new Error(`Unknown file kind ${kind}`);
	const columns = templateColumns(spec);
	// The contract's headers, each with its unit where it has one.
	const headers = columns.map((c) => (c.unit ? `${c.zh}（${c.unit}）` : c.zh));
	const required = (key: string, isRequired: boolean) =>
		key === 'awarded_tier'
			? '已认定时必填'
			: key === 'maturity_level'
				? '先进级及以上必填'
				: isRequired
					? '必填'
					: '选填';
	return {
		kind,
		label: spec.label,
		headers,
		example: columns.map((c) => EXAMPLE[kind][c.key] ?? (c.key.startsWith('ind_') ? '3' : '')),
		guide: columns.map((c, i) => [
			headers[i] as string,
			required(c.key, c.required),
			ALLOWED[kind][c.key] ?? (c.key.startsWith('ind_') ? LEVEL_TEXT : '文本')
		])
	};
}

/** Every kind's template, in the contract's order. */
export const TEMPLATE_KINDS: readonly FileKind[] = FILE_KINDS.map((k) => k.kind);

export const templateFileName = (t: Template, extension: 'csv' | 'xlsx') =>
	`${t.label}_模板.${extension}`;

/** The CSV template: the header and the example row (Excel opens it: BOM, CRLF). */
export function templateCsv(t: Template): string {
	return toExcelCsv(t.headers, [t.example]);
}

const text = (value: string, bold = false): SheetCell | null =>
	value === '' ? null : { kind: 'text', value, bold };

/**
 * The .xlsx template's sheets: 填写 (header frozen, the example row in text cells, as typed
 * into a CSV) and 填写说明 (each column: required or not, allowed values, the example).
 */
export function templateSheets(t: Template): { name: string; layout: SheetLayout }[] {
	const widths = t.headers.map((h, i) =>
		Math.min(Math.max(h.length * 2 + 4, (t.example[i] ?? '').length * 2 + 4, 10), 40)
	);
	return [
		{
			name: '填写',
			layout: {
				rows: [t.headers.map((h) => text(h, true)), t.example.map((v) => text(v))],
				frozenRows: 1,
				widths
			}
		},
		{
			name: '填写说明',
			layout: {
				rows: [
					[text(`${t.label}：填写说明`, true)],
					[
						text('本工作簿第一个工作表“填写”的第 2 行是示例，可照此格式填写，导入前请改写或删除。'),
						null
					],
					[
						text(
							'导入时只读取第一个工作表；请勿填写企业名称、统一社会信用代码、联系人、电话、地址等身份信息。'
						)
					],
					[],
					['列名', '是否必填', '允许的值', '示例'].map((h) => text(h, true)),
					...t.guide.map(([header, need, allowed], i) => [
						text(header),
						text(need),
						text(allowed),
						text(t.example[i] ?? '')
					])
				],
				frozenRows: 0,
				widths: [24, 16, 80, 18]
			}
		}
	];
}
