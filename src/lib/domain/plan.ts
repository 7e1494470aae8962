/**
 * The plan's arithmetic, as the dashboard and the reports read it (docs/decisions.md): a
 * coverage rate of a slice, and the straight path to the 2027 target with the pace so far.
 * Pure.
 */
import { targets } from './catalogue';

/** Covered enterprises of a slice over its baseline count (the contract's coverage rate). */
export interface CoverageFigure {
	numerator: number;
	denominator: number | null;
	rate: number | null;
}

/** A coverage figure; the rate is null where the slice has no (or a zero) baseline count. */
export function coverageOf(
	numerator: number,
	denominator: number | null | undefined
): CoverageFigure {
	const d = denominator ?? null;
	return { numerator, denominator: d, rate: d ? numerator / d : null };
}

/**
 * Where the straight path from the plan's start to the 2027 target stands in `year`, and where
 * the pace so far leads by 2027. The start is the coverage at the end of the year before the
 * plan when the data has that year, else 0.
 */
export function planPath(rates: readonly { year: number; rate: number | null }[], year: number) {
	const startYear = targets.planStartYear - 1;
	const endYear = targets.coverage.year;
	const start = rates.find((p) => p.year === startYear)?.rate ?? 0;
	const at = (y: number) =>
		start + ((targets.coverage.rate - start) * (y - startYear)) / (endYear - startYear);
	const current = rates.find((p) => p.year === year)?.rate ?? null;
	const pathRate = year > startYear && year <= endYear ? at(year) : null;
	const projectedRate =
		current === null || year <= startYear
			? null
			: start + ((current - start) * (endYear - startYear)) / (year - startYear);
	return { pathRate, projectedRate };
}
