/** Table columns of the 计划落实 page. */
import type {
	PipelineRow,
	PriorTitleEnterprise,
	PriorTitleRow,
	RegionTargetRow
} from '$lib/figures/types';
import { regions, targets, tiers } from '$lib/domain/catalogue';
import { formatPercent } from '$lib/format';
import {
	METRIC_NAMES,
	comparatorText,
	metricValueText,
	regionWideTargetText
} from '$lib/dashboard/plan-text';
import type { Column } from './table-column';

const share = (part: number, whole: number) => (whole > 0 ? formatPercent(part / whole) : '—');
const tierName = (rank: number) => tiers.find((t) => t.rank === rank)?.name ?? '未达基础级';

export const PRIOR_TITLE_COLUMNS: Column<PriorTitleRow>[] = [
	{ label: '盟市', value: (r) => r.name },
	{ label: '有既有称号的企业', value: (r) => r.withTitle, numeric: true, unit: '家' },
	{
		label: '已按计划申报先进级及以上',
		value: (r) => r.declaredAdvanced,
		numeric: true,
		unit: '家'
	},
	{
		label: '申报比例',
		value: (r) =>
			r.withTitle > 0 ? Number(((r.declaredAdvanced / r.withTitle) * 100).toFixed(1)) : null,
		display: (r) => share(r.declaredAdvanced, r.withTitle),
		numeric: true,
		unit: '%'
	},
	{ label: '已认定先进级及以上', value: (r) => r.recognised, numeric: true, unit: '家' }
];

export const PRIOR_TITLE_ENTERPRISE_COLUMNS: Column<PriorTitleEnterprise>[] = [
	{ label: '企业编码', value: (r) => r.enterpriseId },
	{
		label: '盟市',
		value: (r) => regions.find((g) => g.code === r.regionCode)?.name ?? r.regionCode
	},
	{ label: '既有称号', value: (r) => r.priorTitle },
	{ label: '最高申报层级', value: (r) => tierName(r.highestDeclared) },
	{
		label: '最高认定层级',
		value: (r) => (r.highestAwarded > 0 ? tierName(r.highestAwarded) : '未认定')
	}
];

export const REGION_TARGET_COLUMNS: Column<RegionTargetRow>[] = [
	{ label: '盟市', value: (r) => r.name },
	{ label: '指标', value: (r) => METRIC_NAMES[r.metric] },
	{ label: '目标年度', value: (r) => r.targetYear, numeric: true },
	{
		label: '盟市目标',
		value: (r) => r.target,
		display: (r) => metricValueText(r.metric, r.target),
		numeric: true
	},
	{
		label: '已达到',
		value: (r) => r.actual,
		display: (r) => (r.actual === null ? '—' : metricValueText(r.metric, r.actual)),
		numeric: true
	},
	{
		label: '自治区目标',
		value: (r) => regionWideTargetText(r.metric),
		numeric: true
	},
	{
		label: '是否达到盟市目标',
		value: (r) => (r.actual === null ? '—' : r.actual >= r.target ? '已达到' : '未达到')
	}
];

export const PIPELINE_COLUMNS: Column<PipelineRow>[] = [
	{ label: '年度', value: (r) => r.year },
	{ label: '层级', value: (r) => tierName(r.tier) },
	{ label: '已推荐（待国家认定）', value: (r) => r.recommended, numeric: true, unit: '家' },
	{ label: '国家已认定', value: (r) => r.recognised, numeric: true, unit: '家' },
	{ label: '未获认定', value: (r) => r.notRecognised, numeric: true, unit: '家' },
	{
		label: '2027年目标',
		value: (r) => {
			const t = targets.tierCounts.find(
				(c) => c.tier === tiers.find((x) => x.rank === r.tier)?.key
			);
			return t ? `${t.count}家${comparatorText(t.comparator)}` : '—';
		}
	}
];
