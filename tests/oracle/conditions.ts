/**
 * Filters as SQL conditions, for the oracle's per-figure queries. Values are checked against the
 * catalogue by filtersFromSearch before they get here.
 */
import type { DashboardFilters } from '../../src/lib/figures/types';

/** A SQL condition over a table alias: `AND`-joined, or `TRUE`. */
export function conditions(parts: (string | null | false)[]): string {
	const kept = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
	return kept.length ? kept.join(' AND ') : 'TRUE';
}

/** Conditions on an enterprise_year row (alias `e`): 盟市, 行业, and current tier exactly. */
export function enterpriseConditions(f: DashboardFilters, alias = 'e'): string {
	return conditions([
		f.region !== null && `${alias}.region_code = '${f.region}'`,
		f.industry !== null && `${alias}.industry_code = '${f.industry}'`
	]);
}

/** Conditions on a declarations row (alias `d`): 盟市, 行业, declared tier, status. */
export function declarationConditions(f: DashboardFilters, alias = 'd'): string {
	return conditions([
		f.region !== null && `${alias}.region_code = '${f.region}'`,
		f.industry !== null && `${alias}.industry_code = '${f.industry}'`,
		f.tier !== null && `${alias}.declared_tier = ${f.tier}`,
		f.status !== null && `${alias}.status = '${f.status}'`
	]);
}
