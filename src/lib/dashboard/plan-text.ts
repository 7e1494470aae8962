/** How the 盟市目标 measures and the region's own targets are worded on pages and reports. */
import { targets } from '../domain/catalogue';
import { formatPercent } from '../format';
import type { TargetMetric } from '../figures/types';

export const METRIC_NAMES: Readonly<Record<TargetMetric, string>> = {
	coverage: '覆盖率',
	basic_starts: '基础级新建',
	advanced: '先进级',
	excellent: '卓越级',
	leading: '领航级'
};

/** 0.3 → "30.0%" for coverage; 20 → "20家" for counts. */
export function metricValueText(metric: TargetMetric, value: number): string {
	return metric === 'coverage' ? formatPercent(value) : `${value}家`;
}

/** "以上" / "左右" as the plan words a target. */
export function comparatorText(comparator: string): string {
	return comparator === 'atLeast' ? '以上' : comparator === 'about' ? '左右' : '';
}

/** The region's target for the same measure: "25.0%（2027年底）", "全区每年300家", "全区100家以上". */
export function regionWideTargetText(metric: TargetMetric): string {
	if (metric === 'coverage')
		return `${formatPercent(targets.coverage.rate)}（${targets.coverage.year}年底）`;
	if (metric === 'basic_starts') return `全区每年${targets.basicStartsPerYear.count}家`;
	const t = targets.tierCounts.find((c) => c.tier === metric);
	return t ? `全区${t.count}家${comparatorText(t.comparator)}` : '—';
}
