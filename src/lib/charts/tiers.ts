/**
 * 先进级, 卓越级 and 领航级 enterprises against the plan's 2027 targets.
 */
import type { EChartsOption } from 'echarts';
import type { TierCounts } from '../figures/types';
import { TIER_KEYS, type TierKey, tierName } from '../domain/catalogue';
import { TIER_COLORS } from '../theme';
import { escapeHtml } from './escape';
import {
	axisLabel,
	baseOption,
	countAxis,
	countText,
	firstParams,
	LABEL_FONT_SIZE,
	niceCeil,
	tooltip
} from './common';

/** The part of `targets` (catalogue) the tier chart needs. */
export interface TierTargets {
	tierCounts: readonly { tier: string; count: number; year?: number; comparator?: string }[];
}

/** "100家以上" / "10家左右": a target count worded as the plan words it. */
export function targetCountText(count: number, comparator?: string): string {
	const suffix = comparator === 'atLeast' ? '以上' : comparator === 'about' ? '左右' : '';
	return `${countText(count)}${suffix}`;
}

interface TierRow {
	count: number;
	target: TierTargets['tierCounts'][number];
}

/** One label per row, right of the longer bar: "37家（目标100家以上）". */
function barLabel(row: TierRow) {
	return {
		position: 'right' as const,
		fontSize: LABEL_FONT_SIZE,
		// Not the target bar's 0.25 opacity.
		opacity: 1,
		formatter: `${countText(row.count)}（目标${targetCountText(row.target.count, row.target.comparator)}）`
	};
}

/**
 * One row per tier with a target (先进级, 卓越级, 领航级), each on its own count axis so that
 * 3 is as visible as 100: the target as a semi-transparent "目标" bar, the count over it.
 */
export function tierCountsOption(tiers: TierCounts, targets: TierTargets): EChartsOption {
	const rows = TIER_KEYS.flatMap((key: TierKey) => {
		const target = targets.tierCounts.find((t) => t.tier === key);
		return target ? [{ key, name: tierName(key), count: tiers[key], target }] : [];
	});
	const height = 100 / Math.max(rows.length, 1);
	const summary = rows
		.map(
			(r) =>
				`${r.name}${countText(r.count)}，目标${targetCountText(r.target.count, r.target.comparator)}`
		)
		.join('；');

	return {
		...baseOption(
			`各层级智能工厂数量与${rows[0]?.target.year ?? 2027}年目标对比条形图：${summary}。`
		),
		tooltip: tooltip('item', (params) => {
			const row = rows[Math.floor((firstParams(params)?.seriesIndex ?? -2) / 2)];
			if (!row) return '';
			return [
				`<b>${escapeHtml(row.name)}</b>`,
				escapeHtml(`现有：${countText(row.count)}`),
				escapeHtml(
					`${row.target.year ?? ''}年目标：${targetCountText(row.target.count, row.target.comparator)}`
				)
			].join('<br/>');
		}),
		grid: rows.map((_, i) => ({
			top: `${i * height + 4}%`,
			height: `${height - 12}%`,
			left: 8,
			right: 180,
			containLabel: true
		})),
		xAxis: rows.map((r, i) => ({
			type: 'value' as const,
			gridIndex: i,
			min: 0,
			max: niceCeil(Math.max(r.count, r.target.count) * 1.1),
			minInterval: 1,
			axisLabel: { ...axisLabel(), formatter: countAxis }
		})),
		yAxis: rows.map((r, i) => ({
			type: 'category' as const,
			gridIndex: i,
			data: [r.name],
			axisTick: { show: false },
			axisLabel: {
				fontSize: LABEL_FONT_SIZE + 1,
				color: TIER_COLORS[r.key],
				fontWeight: 'bold' as const
			}
		})),
		// Series 2i is tier i's target, 2i + 1 its count (the tooltip relies on this order).
		series: rows.flatMap((r, i) => [
			{
				name: '目标',
				type: 'bar' as const,
				xAxisIndex: i,
				yAxisIndex: i,
				barWidth: '60%',
				barGap: '-100%',
				itemStyle: { color: TIER_COLORS[r.key], opacity: 0.25 },
				label: { ...barLabel(r), show: r.target.count > r.count },
				data: [r.target.count]
			},
			{
				name: '现有',
				type: 'bar' as const,
				xAxisIndex: i,
				yAxisIndex: i,
				barWidth: '60%',
				barGap: '-100%',
				itemStyle: { color: TIER_COLORS[r.key] },
				label: { ...barLabel(r), show: r.count >= r.target.count },
				data: [r.count]
			}
		])
	};
}
