/**
 * The pivot's measures that are figures of the dashboard — coverage and enterprises by current
 * tier — as slices of the cube, like every other figure (docs/cube.md): the same numbers as the
 * pages, from the same code. The other measures count rows the cube does not keep (a 环节, a
 * scenario's declarations, per-declaration means) and stay SQL over the rows (pivot.ts). Pure.
 *
 * Neither is totalled across years: a coverage rate and a count of enterprises by their current
 * tier are stocks at the end of a year, and an enterprise is in every year's count.
 */
import { industryDivisions, regions, tiers } from '../domain/catalogue';
import type { Cube } from '../cube/cube';
import { cubeYears, enterprisesOf } from '../figures/coverage';
import type { TierCounts } from '../figures/types';
import type { Dimension, PivotCell, PivotSpec } from './pivot';

/** The measures this module answers. */
export const CUBE_MEASURES = new Set<PivotSpec['measure']>(['coverage', 'enterprises']);

const TIER_KEY = ['basic', 'advanced', 'excellent', 'leading'] as const;

/** One key of a dimension, or null for all of it (a total). */
type Key = string | null;

interface Slice {
	year: number | null;
	region: string | null;
	industry: string | null;
	tier: number | null;
}

function sliceOf(spec: PivotSpec, row: Key, column: Key, fixedYear: number): Slice {
	const value = (d: Dimension) =>
		spec.rows === d ? row : spec.columns === d ? column : d === 'year' ? String(fixedYear) : null;
	const year = value('year');
	const tier = value('tier');
	return {
		year: year === null ? null : Number(year),
		region: value('region'),
		industry: value('industry'),
		tier: tier === null ? null : Number(tier)
	};
}

const sumTiers = (t: TierCounts, from = 1) =>
	TIER_KEY.slice(from - 1).reduce((n, key) => n + t[key], 0);

/** A cell's value: coverage in percent, or enterprises with a current tier (that tier when given). */
function valueOf(cube: Cube, spec: PivotSpec, slice: Slice): number | null {
	if (slice.year === null) return null; // no total across years
	const { coverage, tiers: counts } = enterprisesOf(cube, slice.year, slice);
	if (spec.measure === 'coverage') return coverage.rate === null ? null : 100 * coverage.rate;
	return slice.tier === null ? sumTiers(counts) : counts[TIER_KEY[slice.tier - 1]!];
}

/** Every key a dimension takes in the pivot. */
function keysOf(cube: Cube, d: Dimension | null): string[] {
	switch (d) {
		case null:
			return [];
		case 'year':
			return cubeYears(cube).map(String);
		case 'region':
			return regions.map((r) => r.code);
		case 'industry':
			return industryDivisions.map((i) => i.code);
		case 'tier':
			return tiers.map((t) => String(t.rank));
		default:
			return []; // not a dimension of these measures (pivotProblem says so first)
	}
}

/**
 * The pivot's cells for a coverage or enterprises spec, totals under null keys; rows and columns
 * where every cell is empty (no enterprise, no baseline count) are left out.
 */
export function cubePivotCells(cube: Cube, spec: PivotSpec): PivotCell[] {
	const latest = cubeYears(cube).at(-1);
	if (latest === undefined) return [];
	const fixedYear = spec.year !== null && cubeYears(cube).includes(spec.year) ? spec.year : latest;
	const value = (row: Key, column: Key) =>
		valueOf(cube, spec, sliceOf(spec, row, column, fixedYear));
	// A rate is shown where there is a baseline count, a count where it is not 0.
	const shows = (v: number | null) => (spec.measure === 'coverage' ? v !== null : (v ?? 0) > 0);
	const allColumns = keysOf(cube, spec.columns);
	const rowKeys = keysOf(cube, spec.rows).filter((row) =>
		[...allColumns, null].some((column) => shows(value(row, column)))
	);
	const columnKeys = allColumns.filter((column) =>
		[...rowKeys, null].some((row) => shows(value(row, column)))
	);
	const cells: PivotCell[] = [];
	for (const row of [...rowKeys, null]) {
		for (const column of spec.columns ? [...columnKeys, null] : [null])
			cells.push({ row, column, value: value(row, column) });
	}
	return cells;
}
