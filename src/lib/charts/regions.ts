/**
 * Coverage by 盟市: a ranking (bars with the target line) and a choropleth.
 */
import type { EChartsOption, MapSeriesOption } from 'echarts';
import type { RegionRow } from '../figures/types';
import { PLAN_COVERAGE_TIER, TIER_KEYS, tierName } from '../domain/catalogue';
import { escapeHtml } from './escape';
import {
	axisLabel,
	baseOption,
	BLUES,
	countText,
	firstParams,
	grid,
	LABEL_FONT_SIZE,
	NO_DATA_GREY,
	niceCeil,
	PERCENT_AXIS,
	percentText,
	RATE_BLUE,
	REFERENCE_GREY,
	targetText,
	toPercentValue,
	tooltip
} from './common';

/** The text shown for a region whose baseline has no denominator. */
export const NO_BASE = '无基数';

type RatedRow = RegionRow & { coverage: { rate: number } };

function hasRate(row: RegionRow): row is RatedRow {
	return row.coverage.rate !== null && row.coverage.denominator !== null;
}

/**
 * Tooltip lines for one region: coverage, numerator / denominator, enterprises by tier.
 * `fromTier`, here and below: the tier coverage counts from (基础级 unless a 层级 filter raises it).
 */
function regionTooltip(row: RegionRow, fromTier: string): string {
	const { numerator, denominator, rate } = row.coverage;
	const lines = [`<b>${escapeHtml(row.name)}</b>`];
	if (rate === null || denominator === null) lines.push(escapeHtml(`覆盖率：${NO_BASE}`));
	else
		lines.push(
			escapeHtml(`覆盖率：${percentText(toPercentValue(rate))}`),
			escapeHtml(
				`达到${fromTier}及以上：${countText(numerator)} / 规上工业企业 ${countText(denominator)}`
			)
		);
	const tiers = TIER_KEYS.map((key) => `${tierName(key)} ${countText(row.tiers[key])}`);
	lines.push(escapeHtml(tiers.join('，')));
	return lines.join('<br/>');
}

/**
 * Horizontal bars of coverage by 盟市, highest first, with a target markLine ("目标25%") when
 * coverage counts from 基础级 (the plan's target is for that); regions without a denominator are
 * left out (the page's table lists them).
 */
export function regionRankingOption(
	rows: readonly RegionRow[],
	targetRate: number,
	fromTier = PLAN_COVERAGE_TIER
): EChartsOption {
	const againstPlan = fromTier === PLAN_COVERAGE_TIER;
	const ranked = rows
		.filter(hasRate)
		.sort((a, b) => b.coverage.rate - a.coverage.rate || a.code.localeCompare(b.code));
	const values = ranked.map((r) => toPercentValue(r.coverage.rate));
	const target = toPercentValue(targetRate);
	const reached = values.filter((v) => v >= target).length;
	const reachedText = againstPlan ? `；${reached}个盟市达到${targetText(targetRate)}` : '';
	const top = ranked[0];
	const bottom = ranked[ranked.length - 1];
	const summary =
		top && bottom
			? `最高为${top.shortName}（${percentText(values[0] ?? 0)}），最低为${bottom.shortName}` +
				`（${percentText(values[values.length - 1] ?? 0)}）${reachedText}。`
			: '尚无有基数的盟市。';

	return {
		...baseOption(
			`各盟市${fromTier}及以上智能工厂覆盖率排名条形图，共${ranked.length}个盟市。${summary}`
		),
		grid: grid(32, 16),
		tooltip: tooltip('item', (params) => {
			const row = ranked[firstParams(params)?.dataIndex ?? -1];
			return row ? regionTooltip(row, fromTier) : '';
		}),
		xAxis: {
			type: 'value',
			min: 0,
			max: niceCeil(Math.max(againstPlan ? target : 1, ...values) * 1.1),
			axisLabel: axisLabel(PERCENT_AXIS)
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: ranked.map((r) => r.shortName),
			axisLabel: axisLabel()
		},
		series: [
			{
				name: '覆盖率',
				type: 'bar',
				data: values,
				barMaxWidth: 28,
				itemStyle: { color: RATE_BLUE },
				label: {
					show: true,
					position: 'right',
					fontSize: LABEL_FONT_SIZE,
					formatter: (p) => (typeof p.value === 'number' ? percentText(p.value) : '')
				},
				markLine: {
					silent: true,
					symbol: 'none',
					lineStyle: { type: 'dashed', width: 2, color: REFERENCE_GREY },
					label: {
						formatter: targetText(targetRate),
						position: 'start',
						fontSize: LABEL_FONT_SIZE
					},
					data: againstPlan ? [{ xAxis: target }] : []
				}
			}
		]
	};
}

/**
 * The selected 盟市's outline on the map (the site's focus colour): ECharts' select state, set by
 * the page (`Chart`'s `selected`), so choosing a 盟市 redraws nothing. Its fill stays the
 * scale's (areaColor and color both null keep it, as ECharts' map code says; its types leave
 * null out, hence the cast).
 */
const SELECTED_STATE = {
	itemStyle: { areaColor: null, color: null, borderColor: '#f0a500', borderWidth: 3 },
	label: { color: '#1f1f1f' }
} as unknown as MapSeriesOption['select'];

/**
 * Label offsets (px) for the 盟市 whose shapes are small and close together at the map's size:
 * 包头 up and left, 呼和浩特 down and right, 乌兰察布 right, 乌海 left.
 */
const LABEL_OFFSETS: Record<string, [number, number]> = {
	'150200': [-14, -24],
	'150100': [26, 16],
	'150900': [34, -12],
	'150300': [-26, -4]
};

/**
 * Choropleth of coverage by 盟市 on the registered map `mapName` (features named by the full
 * name, e.g. "呼和浩特市"): one blue scale; regions without a denominator grey, "无基数"; one
 * 盟市 can be shown selected (outlined).
 */
export function regionMapOption(
	rows: readonly RegionRow[],
	mapName: string,
	fromTier = PLAN_COVERAGE_TIER
): EChartsOption {
	const byName = new Map(rows.map((r) => [r.name, r]));
	const rated = rows.filter(hasRate);
	const values = rated.map((r) => toPercentValue(r.coverage.rate));
	const max = niceCeil(Math.max(5, ...values));
	const missing = rows.filter((r) => !hasRate(r)).map((r) => r.shortName);
	const top = rated[values.indexOf(Math.max(...values))];

	return {
		...baseOption(
			`各盟市${fromTier}及以上智能工厂覆盖率分布地图。` +
				(top ? `最高为${top.shortName}（${percentText(Math.max(...values))}）。` : '') +
				(missing.length ? `${missing.join('、')}${NO_BASE}。` : '')
		),
		tooltip: tooltip('item', (params) => {
			const row = byName.get(firstParams(params)?.name ?? '');
			return row ? regionTooltip(row, fromTier) : '';
		}),
		visualMap: {
			type: 'continuous',
			min: 0,
			max,
			left: 8,
			bottom: 8,
			calculable: false,
			text: [percentText(max), percentText(0)],
			textStyle: { fontSize: LABEL_FONT_SIZE },
			inRange: { color: BLUES },
			seriesIndex: 0
		},
		series: [
			{
				name: '覆盖率',
				type: 'map',
				map: mapName,
				roam: false,
				selectedMode: 'single',
				select: SELECTED_STATE,
				// Hover would repaint a region in ECharts' highlight yellow: the tooltip is the feedback.
				emphasis: { disabled: true },
				// Every 盟市 is labelled: the small cities round 呼和浩特 are moved clear of each
				// other (LABEL_OFFSETS) rather than dropped.
				itemStyle: { areaColor: NO_DATA_GREY, borderColor: '#ffffff', borderWidth: 1 },
				label: {
					show: true,
					fontSize: LABEL_FONT_SIZE,
					// Dark text with a white halo reads on every shade of the scale.
					color: '#1f1f1f',
					textBorderColor: '#ffffff',
					textBorderWidth: 3,
					formatter: (p) => {
						const row = byName.get(p.name);
						if (!row) return p.name;
						const rate = row.coverage.rate;
						return `${row.shortName}\n${hasRate(row) && rate !== null ? percentText(toPercentValue(rate)) : NO_BASE}`;
					}
				},
				data: rows.map((r) => ({
					name: r.name,
					value: hasRate(r) ? toPercentValue(r.coverage.rate) : '-',
					...(hasRate(r) ? {} : { itemStyle: { areaColor: NO_DATA_GREY } }),
					...(LABEL_OFFSETS[r.code] ? { label: { offset: LABEL_OFFSETS[r.code] } } : {})
				}))
			}
		]
	};
}
