/**
 * The heatmap table's rows: sorted by a column (weakest first, no value last) and cut into the
 * blocks that update on their own near the window (HeatmapTable.svelte) — every row in exactly
 * one block, in order, a 环节 per block in the natural order.
 */
import { describe, expect, it } from 'vitest';
import {
	REGION_COLUMNS,
	ROWS_PER_BLOCK,
	rowBlocks,
	scenarioHeatmapModel,
	sortedRows
} from '../../src/lib/charts/heatmap-table';
import { scenariosBySegment } from '../../src/lib/charts/scenarios';

// A share for every scenario × 盟市: (scenario number × 7 + column) mod 10, in tenths; none for 呼和浩特.
const cells = scenariosBySegment().flatMap((scenario) =>
	REGION_COLUMNS.slice(1).map((column, c) => {
		const count = (scenario.no * 7 + c) % 10;
		return { scenario: scenario.no, column: column.key, count, total: 10, share: count / 10 };
	})
);
const model = scenarioHeatmapModel(cells, REGION_COLUMNS, 'region');

describe('heatmap rows', () => {
	it('in the natural order, one block per 环节, in the 环节 order', () => {
		const blocks = rowBlocks(model.rows, true, 8);
		expect(blocks.flat()).toEqual(model.rows);
		const groups = blocks.map((block) => block[0]!.group);
		expect(new Set(groups).size).toBe(groups.length);
		for (const block of blocks) expect(new Set(block.map((row) => row.group)).size).toBe(1);
		expect(groups).toEqual([...new Set(model.rows.map((row) => row.group))]);
	});

	it('sorted, runs of rows; past the most blocks the last takes the rest', () => {
		const sorted = sortedRows(model, { column: 2, direction: 'ascending' });
		const runs = rowBlocks(sorted, false, 8);
		expect(runs.flat()).toEqual(sorted);
		expect(runs.slice(0, -1).every((block) => block.length === ROWS_PER_BLOCK)).toBe(true);
		const capped = rowBlocks(sorted, false, 2);
		expect(capped.length).toBe(2);
		expect(capped.flat()).toEqual(sorted);
		expect(rowBlocks([], true, 8)).toEqual([]);
	});

	it('sorts a column weakest first, rows with no value last', () => {
		const byFirst = sortedRows(model, { column: 0, direction: 'ascending' });
		expect(byFirst.every((row) => row.cells[0]!.value === null)).toBe(true);
		const values = sortedRows(model, { column: 3, direction: 'ascending' }).map(
			(row) => row.cells[3]!.value
		);
		expect(values).toEqual([...values].sort((a, b) => (a ?? 2) - (b ?? 2)));
	});
});
