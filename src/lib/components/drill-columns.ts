/** The drill panel's table: one anonymised declaration a row, as a user reads it. */
import { industryDivisions, regions, tiers } from '$lib/domain/catalogue';
import type { DrillRow } from '$lib/figures/drill';
import { STATUS_NAMES, type Status } from '$lib/import/values';
import type { Column } from './table-column';

const tierText = (rank: number) => tiers.find((t) => t.rank === rank)?.name ?? '—';

export const DRILL_COLUMNS: Column<DrillRow>[] = [
	{ label: '申报编号', value: (r) => r.declaration },
	{ label: '企业编码', value: (r) => r.enterprise },
	{ label: '年度', value: (r) => r.year },
	{ label: '盟市', value: (r) => regions.find((g) => g.code === r.region)?.name ?? r.region },
	{
		label: '行业（GB/T 4754 大类）',
		value: (r) =>
			`${r.industry} ${industryDivisions.find((d) => d.code === r.industry)?.name ?? ''}`.trim()
	},
	{ label: '规上', value: (r) => (r.aboveScale ? '是' : '否') },
	{ label: '申报层级', value: (r) => tierText(r.declaredTier) },
	{ label: '认定层级', value: (r) => (r.awardedTier ? tierText(r.awardedTier) : '—') },
	{ label: '审核状态', value: (r) => STATUS_NAMES[r.status as Status] ?? r.status },
	{
		label: '附件2判定层级',
		value: (r) =>
			r.eligibleTier === null ? '—' : r.eligibleTier === 0 ? '不足基础级' : tierText(r.eligibleTier)
	},
	{ label: '高于判定', value: (r) => (r.flagged ? '是' : '') },
	{ label: '场景数', value: (r) => r.scenarios.length, numeric: true, unit: '个' },
	{
		label: '建设场景（编号:计入层级）',
		value: (r) =>
			r.scenarios.map((s) => `${s.scenario}${s.tier ? `:${tierText(s.tier)}` : ''}`).join('、')
	}
];
