/**
 * Heatmaps as tables (issue #21): the 40 scenarios × tier or × 盟市, and the 附件3 means × 盟市
 * or × tier, as a model a Svelte table draws — readable headers, values on demand, rows sorted
 * by any column, the 环节 groups labelled. A table of 40 × 12 cells drawn by Svelte updates in a
 * few milliseconds on a filter change, where ECharts redrew the whole canvas (docs/dashboard.md).
 * The printed reports keep the ECharts heatmap (an SVG). Pure.
 */
import { regions, SEGMENT_NAMES, tiers } from '../domain/catalogue';
import type { IndicatorMean, ScenarioCell } from '../figures/types';
import { LEVEL_INDICATORS } from './assessment';
import { blocksOf, runsOf } from './blocks';
import { BLUES } from './common';
import { sameForSameInputs } from './memo';
import { annex4Text, scenarioLabel, scenariosBySegment } from './scenarios';

export interface HeatmapColumn {
	key: string;
	/** The header as shown (a short name). */
	label: string;
	/** The header in full (盟市's full name, a tier's). */
	title: string;
}

export interface HeatmapCell {
	/** 0–1 on the colour scale; null: no value (no declarations, nothing stated). */
	value: number | null;
	/** The value as written in the cell: "35.0%", "2.4". */
	text: string;
	/** What the cell counts, for its title and for screen readers: "12 / 40 份申报 …". */
	detail: string;
}

export interface HeatmapRow {
	key: string;
	label: string;
	/** The row's group: a 环节, or '' without groups. */
	group: string;
	cells: HeatmapCell[];
}

export interface HeatmapModel {
	/** What a cell holds, for the caption and the legend: "建设该场景的申报占比". */
	measure: string;
	columns: HeatmapColumn[];
	/** In their natural order (by 环节, then link, then number for scenarios). */
	rows: HeatmapRow[];
}

/** A cell's fill and the text colour that reads on it. */
export function cellColors(value: number | null): { background: string; color: string } {
	if (value === null) return { background: 'transparent', color: 'var(--muted)' };
	const step = Math.min(BLUES.length - 1, Math.max(0, Math.floor(value * BLUES.length)));
	return { background: BLUES[step]!, color: step >= 4 ? '#fff' : '#1d2733' };
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * The share of declarations that built each scenario, by tier ("1"–"4": at that tier or above)
 * or by 盟市 (at any tier): rows are the 40 scenarios grouped by 环节.
 */
export const scenarioHeatmapModel = sameForSameInputs(function scenarioHeatmapModel(
	cells: readonly ScenarioCell[],
	columns: readonly HeatmapColumn[],
	mode: 'region' | 'tier'
): HeatmapModel {
	const at = new Map(cells.map((c) => [`${c.scenario} ${c.column}`, c]));
	return {
		measure: mode === 'tier' ? '建设该场景（该层级及以上）的申报占比' : '建设该场景的申报占比',
		columns: [...columns],
		rows: scenariosBySegment().map((scenario) => ({
			key: String(scenario.no),
			label: scenarioLabel(scenario),
			group: scenario.segment,
			cells: columns.map((column) => {
				const cell = at.get(`${scenario.no} ${column.key}`);
				if (!cell || cell.total <= 0)
					return { value: null, text: '—', detail: `${column.title}：无申报` };
				const annex = mode === 'tier' ? annex4Text(scenario, column.key) : null;
				return {
					value: cell.share,
					text: percent(cell.share),
					detail:
						`${column.title}：${cell.count} / ${cell.total} 份申报（${percent(cell.share)}）` +
						(annex ? `。${annex}` : '')
				};
			})
		}))
	};
});

/** The mean 附件3 level (1–6, 不涉及 left out) of each level indicator in each group. */
export const indicatorMeansModel = sameForSameInputs(function indicatorMeansModel(
	means: readonly IndicatorMean[],
	columns: readonly HeatmapColumn[]
): HeatmapModel {
	const at = new Map(means.map((m) => [`${m.indicator} ${m.group}`, m]));
	return {
		measure: '平均等级（1–6级，不计不涉及）',
		columns: [...columns],
		rows: LEVEL_INDICATORS.map((indicator) => ({
			key: indicator.key,
			label: `${indicator.no} ${indicator.name}`,
			group: '',
			cells: columns.map((column) => {
				const mean = at.get(`${indicator.key} ${column.key}`);
				if (!mean || mean.mean === null)
					return { value: null, text: '—', detail: `${column.title}：无填报` };
				return {
					// 1级 … 6级 on the scale from its bottom to its top.
					value: (mean.mean - 1) / 5,
					text: mean.mean.toFixed(1),
					detail: `${column.title}：平均 ${mean.mean.toFixed(2)} 级（${mean.declarations} 份申报）`
				};
			})
		}))
	};
});

/** How rows are ordered: as the model has them, or by one column's values. */
export type HeatmapSort = { column: number; direction: 'ascending' | 'descending' } | null;

/** The rows in the sort's order (no value last); ties keep the natural order. */
export function sortedRows(model: HeatmapModel, sort: HeatmapSort): HeatmapRow[] {
	if (!sort) return model.rows;
	const sign = sort.direction === 'ascending' ? 1 : -1;
	return model.rows
		.map((row, index) => ({ row, index, value: row.cells[sort.column]?.value ?? null }))
		.sort((a, b) => {
			if (a.value === null || b.value === null)
				return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.index - b.index;
			return sign * (a.value - b.value) || a.index - b.index;
		})
		.map(({ row }) => row);
}

/** Rows in a block when they are not grouped (sorted, or a model without groups). */
export const ROWS_PER_BLOCK = 8;
/** The most blocks a table is cut into (a `<tbody>` each; 场景's 40 rows make 5). */
export const MAX_ROW_BLOCKS = 8;

/**
 * The rows cut into blocks, each a `<tbody>` that updates on its own while near the window: one
 * per group (环节) in the natural order, else runs of ROWS_PER_BLOCK; past `maxBlocks` the last
 * takes the rest. A filter change then updates the blocks a user can see, the others as they
 * come near (HeatmapTable.svelte).
 */
export function rowBlocks(
	rows: readonly HeatmapRow[],
	grouped: boolean,
	maxBlocks: number
): HeatmapRow[][] {
	if (!grouped || rows.every((row) => row.group === ''))
		return runsOf(rows, ROWS_PER_BLOCK, maxBlocks);
	return blocksOf(rows, maxBlocks, (block, row) => block[0]!.group === row.group);
}

/** The next sort when a column's header is pressed: weakest first, then strongest, then none. */
export function nextSort(current: HeatmapSort, column: number): HeatmapSort {
	if (current?.column !== column) return { column, direction: 'ascending' };
	return current.direction === 'ascending' ? { column, direction: 'descending' } : null;
}

/** The 环节 in their order, for the group labels. */
export const GROUP_ORDER: readonly string[] = SEGMENT_NAMES;

/** The 12 盟市 as columns (short names, full names in the title). */
export const REGION_COLUMNS: readonly HeatmapColumn[] = regions.map((r) => ({
	key: r.code,
	label: r.shortName,
	title: r.name
}));

/** The four tiers as columns of "at that tier or above". */
export const TIER_AT_OR_ABOVE_COLUMNS: readonly HeatmapColumn[] = tiers.map((t) => ({
	key: String(t.rank),
	label: `${t.name}及以上`,
	title: `${t.name}及以上`
}));

/** The four declared tiers as columns. */
export const TIER_COLUMNS: readonly HeatmapColumn[] = tiers.map((t) => ({
	key: String(t.rank),
	label: t.name,
	title: `申报${t.name}`
}));
