/**
 * The input files of the data contract (`../shared/spec/data-contract.md`): each kind, its
 * columns with Chinese and English headers, and which are required. Header matching and file
 * recognition read this table; nothing else names a column.
 */
import { indicators } from '../domain/catalogue';

export type FileKind = 'declarations' | 'scenarios' | 'baseline' | 'targets';

export interface ColumnSpec {
	/** English key: the DuckDB column and the contract's key. */
	key: string;
	/** Chinese header as exported. */
	zh: string;
	/** Other headers seen in practice. */
	aliases?: readonly string[];
	required: boolean;
	/** A required column is also satisfied by this other column (场景 or 场景编号). */
	orColumn?: string;
	/** The unit the contract gives its values in (数字化投入规模: 万元), written in brackets after `zh`. */
	unit?: string;
}

export interface FileKindSpec {
	kind: FileKind;
	/** Chinese name shown to users. */
	label: string;
	columns: readonly ColumnSpec[];
}

/** Indicator columns of 附件3, keyed `ind_<key>` (数字化投入规模 is `digital_investment`). */
export const INDICATOR_COLUMNS: readonly ColumnSpec[] = indicators.map((indicator) => ({
	key: indicator.kind === 'amount' ? 'digital_investment' : `ind_${indicator.key}`,
	zh: indicator.name,
	required: false,
	...(indicator.unit ? { unit: indicator.unit } : {})
}));

export const FILE_KINDS: readonly FileKindSpec[] = [
	{
		kind: 'declarations',
		label: '申报明细',
		columns: [
			{ key: 'declaration_id', zh: '申报编号', required: true },
			{ key: 'enterprise_id', zh: '企业编码', required: true },
			{ key: 'year', zh: '申报年度', aliases: ['年度'], required: true },
			{ key: 'region', zh: '盟市', required: true },
			{ key: 'county', zh: '旗县区', required: false },
			{ key: 'industry', zh: '行业代码', aliases: ['行业'], required: true },
			{ key: 'size', zh: '企业规模', required: false },
			{ key: 'above_scale', zh: '规上企业', aliases: ['是否规上企业'], required: false },
			{ key: 'declared_tier', zh: '申报层级', required: true },
			{ key: 'status', zh: '审核状态', required: true },
			{ key: 'awarded_tier', zh: '认定层级', required: false },
			{ key: 'maturity_level', zh: '成熟度等级', aliases: ['成熟度'], required: false },
			...INDICATOR_COLUMNS,
			{ key: 'prior_title', zh: '既有称号', required: false }
		]
	},
	{
		kind: 'scenarios',
		label: '建设场景明细',
		columns: [
			{ key: 'declaration_id', zh: '申报编号', required: true },
			{
				key: 'scenario',
				zh: '场景',
				aliases: ['场景名称'],
				required: true,
				orColumn: 'scenario_number'
			},
			{ key: 'scenario_number', zh: '场景编号', aliases: ['场景序号'], required: false },
			{ key: 'scenario_tier', zh: '场景层级', required: true }
		]
	},
	{
		kind: 'baseline',
		label: '规上工业企业基数',
		columns: [
			{ key: 'year', zh: '年度', required: true },
			{ key: 'region', zh: '盟市', required: true },
			{ key: 'industry', zh: '行业代码', aliases: ['行业'], required: false },
			{ key: 'enterprises', zh: '规上工业企业数', aliases: ['企业数'], required: true }
		]
	},
	{
		kind: 'targets',
		label: '盟市目标',
		columns: [
			{ key: 'region', zh: '盟市', required: true },
			{ key: 'metric', zh: '指标', required: true },
			{ key: 'year', zh: '目标年度', aliases: ['年度'], required: true },
			{ key: 'target', zh: '目标值', required: true }
		]
	}
];

export function fileKindSpec(kind: FileKind): FileKindSpec {
	const spec = FILE_KINDS.find((k) => k.kind === kind);
	if (!spec) throw new Error(`Unknown file kind ${kind}`);
	return spec;
}
