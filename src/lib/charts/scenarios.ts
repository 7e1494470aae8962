/**
 * The 40 scenarios of 附件1: who builds them (heatmap by 盟市 or by tier) and where declared
 * tiers most often outrun 附件4.
 */
import type { EChartsOption } from 'echarts';
import type { ScenarioCell, ScenarioShortfall } from '../figures/types';
import { type Scenario, scenarios, SEGMENT_NAMES, tiers } from '../domain/catalogue';
import { escapeHtml } from './escape';
import {
	axisLabel,
	baseOption,
	BLUES,
	countText,
	firstParams,
	grid,
	LABEL_FONT_SIZE,
	percentText,
	RATE_BLUE,
	toPercentValue,
	tooltip
} from './common';
import { valueAxis, type BarsModel } from './drawn';
import { formatCount } from '../format';

/** How many scenarios the shortfall chart shows. */
export const SHORTFALL_TOP = 10;

/** "14 在线智能检测": a scenario as the charts label it (附件1 number and name). */
export function scenarioLabel(scenario: Scenario): string {
	return `${scenario.no} ${scenario.name}`;
}

/** The 40 scenarios by 环节 (SEGMENT_NAMES order), then link number, then 附件1 number. */
export function scenariosBySegment(): Scenario[] {
	return [...scenarios].sort(
		(a, b) =>
			SEGMENT_NAMES.indexOf(a.segment) - SEGMENT_NAMES.indexOf(b.segment) ||
			a.linkNo - b.linkNo ||
			a.no - b.no
	);
}

/** What 附件4 says of a scenario at the tier ranked `column` ("1"–"4"), as a tooltip line. */
export function annex4Text(scenario: Scenario, column: string): string | null {
	const tier = tiers.find((t) => String(t.rank) === column);
	if (!tier) return null;
	const description = scenario.descriptions[tier.key];
	if (description.kind === 'text') return `附件4（${tier.name}）：${description.text}`;
	if (description.kind === 'none') return '附件4为“/”：本层级无此场景描述';
	return '附件4原文缺失此格';
}

/**
 * Heatmap of the share of declarations (×100) that built each scenario (rows, by 环节) in each
 * column (a 盟市, or a tier rank "1"–"4" with 附件4's description in the tooltip).
 */
export function scenarioHeatmapOption(
	cells: readonly ScenarioCell[],
	columns: readonly { key: string; label: string }[],
	mode: 'region' | 'tier'
): EChartsOption {
	const rows = scenariosBySegment();
	const rowOf = new Map(rows.map((s, i) => [s.no, i]));
	const columnOf = new Map(columns.map((c, i) => [c.key, i]));
	const placed = cells.flatMap((cell) => {
		const x = columnOf.get(cell.column);
		const y = rowOf.get(cell.scenario);
		return x === undefined || y === undefined || cell.total <= 0 ? [] : [{ x, y, cell }];
	});
	const at = new Map(placed.map((p) => [`${p.x},${p.y}`, p.cell]));
	const best = placed.reduce<(typeof placed)[number] | undefined>(
		(a, b) => (a && a.cell.share >= b.cell.share ? a : b),
		undefined
	);
	const by = mode === 'tier' ? '各层级' : '各盟市';
	const bestText = best
		? `最高为${columns[best.x]?.label ?? ''}的${scenarioLabel(rows[best.y] as Scenario)}` +
			`（${percentText(toPercentValue(best.cell.share))}）。`
		: '尚无申报。';

	return {
		...baseOption(`40个典型场景在${by}申报中的建设比例热力图，按环节排列。${bestText}`),
		grid: { ...grid(48, 16), right: 16 },
		tooltip: tooltip('item', (params) => {
			const value = firstParams(params)?.value;
			if (!Array.isArray(value)) return '';
			const [x, y] = value;
			const scenario = rows[Number(y)];
			const column = columns[Number(x)];
			const cell = at.get(`${x},${y}`);
			if (!scenario || !column || !cell) return '';
			const lines = [
				`<b>${escapeHtml(scenarioLabel(scenario))}</b>`,
				escapeHtml(`${scenario.segment} · ${column.label}`)
			];
			if (mode === 'tier') {
				const text = annex4Text(scenario, column.key);
				if (text) lines.push(escapeHtml(text));
			}
			const share = percentText(toPercentValue(cell.share));
			lines.push(
				escapeHtml(`${countText(cell.count, '')} / ${countText(cell.total, '')} 份申报（${share}）`)
			);
			return lines.join('<br/>');
		}),
		visualMap: {
			type: 'continuous',
			min: 0,
			max: 100,
			orient: 'horizontal',
			top: 0,
			right: 16,
			itemHeight: 160,
			calculable: false,
			text: ['100%', '0%'],
			textStyle: { fontSize: LABEL_FONT_SIZE },
			inRange: { color: BLUES }
		},
		xAxis: {
			type: 'category',
			position: 'top',
			data: columns.map((c) => c.label),
			splitArea: { show: false },
			axisLabel: { ...axisLabel(), interval: 0 }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: rows.map(scenarioLabel),
			axisLabel: { ...axisLabel(), interval: 0 }
		},
		series: [
			{
				name: '建设比例',
				type: 'heatmap',
				data: placed.map((p) => [p.x, p.y, toPercentValue(p.cell.share)]),
				label: {
					show: columns.length <= 6,
					fontSize: LABEL_FONT_SIZE - 1,
					formatter: (p) => (Array.isArray(p.value) ? Number(p.value[2]).toFixed(1) : '')
				},
				itemStyle: { borderColor: '#ffffff', borderWidth: 1 }
			}
		]
	};
}

/** Horizontal bars of the 10 scenarios most often counted below their declared tier. */
export function scenarioShortfallBars(rows: readonly ScenarioShortfall[]): BarsModel {
	const top = rows
		.flatMap((row) => {
			const scenario = scenarios.find((s) => s.no === row.scenario);
			return scenario && row.count > 0 ? [{ scenario, count: row.count }] : [];
		})
		.sort((a, b) => b.count - a.count || a.scenario.no - b.scenario.no)
		.slice(0, SHORTFALL_TOP);
	const first = top[0];
	return {
		description:
			`申报层级高于附件4所计层级次数最多的${top.length}个场景条形图` +
			(first
				? `，最多为${scenarioLabel(first.scenario)}（${countText(first.count, '次')}）。`
				: '。'),
		rows: top.map((r) => ({
			name: scenarioLabel(r.scenario),
			label: scenarioLabel(r.scenario),
			segments: [{ name: '次数', value: r.count, color: RATE_BLUE }],
			note: countText(r.count, ''),
			detail: [scenarioLabel(r.scenario), `按附件4“/”计入较低层级：${countText(r.count, '次')}`]
		})),
		axis: valueAxis(Math.max(1, ...top.map((r) => r.count)), formatCount, true),
		legend: [],
		reference: null
	};
}
