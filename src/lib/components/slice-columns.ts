/** Table columns of the dashboard's 盟市 and 行业 tables. */
import type { RegionTargetRow } from '$lib/figures/types';
import type { CoverageFigure } from '$lib/domain/plan';
import type { IndustryRow, RegionRow, TierCounts } from '$lib/figures/types';
import { formatPercent } from '$lib/format';
import type { Column } from './table-column';

/** Coverage and enterprises by tier: the columns every slice (盟市, 行业) shows. */
function sliceColumns<R extends { coverage: CoverageFigure; tiers: TierCounts }>(): Column<R>[] {
	return [
		{
			label: '覆盖率',
			value: (r) => (r.coverage.rate === null ? null : Number((r.coverage.rate * 100).toFixed(1))),
			display: (r) => (r.coverage.rate === null ? '无基数' : formatPercent(r.coverage.rate)),
			numeric: true,
			unit: '%'
		},
		{ label: '覆盖企业', value: (r) => r.coverage.numerator, numeric: true, unit: '家' },
		{ label: '规上工业企业', value: (r) => r.coverage.denominator, numeric: true, unit: '家' },
		{ label: '基础级', value: (r) => r.tiers.basic, numeric: true, unit: '家' },
		{ label: '先进级', value: (r) => r.tiers.advanced, numeric: true, unit: '家' },
		{ label: '卓越级', value: (r) => r.tiers.excellent, numeric: true, unit: '家' },
		{ label: '领航级', value: (r) => r.tiers.leading, numeric: true, unit: '家' }
	];
}

export const REGION_COLUMNS: Column<RegionRow>[] = [
	{ label: '盟市', value: (r) => r.name },
	...sliceColumns<RegionRow>(),
	{ label: '基础级新建', value: (r) => r.basicStarts.declared, numeric: true, unit: '家' },
	{ label: '申报', value: (r) => r.declarations, numeric: true, unit: '份' },
	{ label: '未通过', value: (r) => r.rejected, numeric: true, unit: '份' },
	{ label: '层级存疑', value: (r) => r.flagged, numeric: true, unit: '份' }
];

export const INDUSTRY_COLUMNS: Column<IndustryRow>[] = [
	{ label: '行业（大类）', value: (r) => `${r.section}${r.code} ${r.name}` },
	...sliceColumns<IndustryRow>()
];

/**
 * The 盟市 table's columns; with a 盟市目标 file loaded, each 盟市's own coverage target too
 * ("未设" where it has none).
 */
export function regionColumns(targets: readonly RegionTargetRow[]): Column<RegionRow>[] {
	if (targets.length === 0) return REGION_COLUMNS;
	const coverageTarget = (code: string) =>
		targets.find((t) => t.code === code && t.metric === 'coverage');
	return [
		...REGION_COLUMNS.slice(0, 2),
		{
			label: '自定覆盖率目标',
			value: (r) => {
				const t = coverageTarget(r.code);
				return t ? `${formatPercent(t.target)}（${t.targetYear}年）` : '未设';
			}
		},
		...REGION_COLUMNS.slice(2)
	];
}
