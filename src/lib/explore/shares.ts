/**
 * Measures of the 探索 pivot that are not amounts: shares (场景占比, 覆盖率) and means (附件3
 * 平均等级). They are never added up. A share's 合计 is its numerators' sum over its
 * denominators' sum, over the cells of that row or column (every cell of the table for the
 * corner); the chart of a share or mean puts bars side by side, never stacked, on an axis in %
 * (or in levels). Pure.
 */
import type { Dimension, Measure, PivotCell, PivotSpec } from './pivot';

/** Measures whose values are percentages of a denominator. */
export const SHARE_MEASURES: ReadonlySet<Measure> = new Set<Measure>(['coverage', 'scenarioShare']);

/** Whether a measure's values can be added: counts of things each counted once per cell. */
export function isAdditive(measure: Measure): boolean {
	return measure === 'enterprises' || measure === 'declarations';
}

/**
 * Dimensions along which a count is not a partition: a declaration spans several 环节 and
 * scenarios, and an enterprise by its current tier is in every year's count (a stock).
 */
const OVERLAPPING: Partial<Record<Measure, readonly Dimension[]>> = {
	declarations: ['segment', 'scenario'],
	enterprises: ['year']
};

/**
 * Whether the chart may stack the columns' series: only an amount split by a dimension that
 * partitions it, so a stack's height is the row's 合计.
 */
export function stackable(spec: Pick<PivotSpec, 'measure' | 'columns'>): boolean {
	if (!isAdditive(spec.measure) || spec.columns === null) return false;
	return !(OVERLAPPING[spec.measure] ?? []).includes(spec.columns);
}

/** One cell of a share: how many of how many. A null column: the table has no columns. */
export interface ShareCell {
	row: string;
	column: string | null;
	numerator: number;
	denominator: number;
}

/**
 * The pivot's cells of a share in percent, with its totals: the row's 合计 is the row's
 * numerators over its denominators, the column's likewise, the corner every numerator over
 * every denominator. A cell with no numerator is empty (null), as an empty count is; its
 * denominator still counts in the totals. A total with no denominator is null.
 */
export function shareCells(cells: readonly ShareCell[]): PivotCell[] {
	const share = (n: number, d: number) => (d > 0 ? (100 * n) / d : null);
	const rows = new Map<string, [number, number]>();
	const columns = new Map<string, [number, number]>();
	let numerator = 0;
	let denominator = 0;
	const add = (map: Map<string, [number, number]>, key: string, n: number, d: number) => {
		const sums = map.get(key) ?? [0, 0];
		map.set(key, [sums[0] + n, sums[1] + d]);
	};
	const out: PivotCell[] = [];
	const withColumns = cells.some((c) => c.column !== null);
	for (const c of cells) {
		add(rows, c.row, c.numerator, c.denominator);
		if (c.column !== null) add(columns, c.column, c.numerator, c.denominator);
		numerator += c.numerator;
		denominator += c.denominator;
		if (withColumns && c.column !== null) {
			out.push({
				row: c.row,
				column: c.column,
				value: c.numerator > 0 ? share(c.numerator, c.denominator) : null
			});
		}
	}
	for (const [row, [n, d]] of rows) out.push({ row, column: null, value: share(n, d) });
	for (const [column, [n, d]] of columns) out.push({ row: null, column, value: share(n, d) });
	out.push({ row: null, column: null, value: share(numerator, denominator) });
	return out;
}
