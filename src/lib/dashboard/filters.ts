/**
 * Filters ↔ URL. Every value is checked against its shape and the catalogue, so a hand-edited
 * URL gives no filter rather than a wrong one.
 */
import { PLAN_COVERAGE_TIER, industryDivisions, regions, tiers } from '../domain/catalogue';
import { STATUS_NAMES, type Status } from '../import/values';
import { coverageThreshold } from '../figures/coverage';
import { NO_FILTERS, type DashboardFilters } from '../figures/types';

const REGION_CODES = new Set(regions.map((r) => r.code));
const INDUSTRY_CODES = new Set(industryDivisions.map((d) => d.code));
const STATUSES = new Set(Object.keys(STATUS_NAMES));

/** Filters from `?year=2026&region=150100&industry=26&tier=2&status=approved`; bad values dropped. */
export function filtersFromSearch(params: URLSearchParams): DashboardFilters {
	const year = Number(params.get('year'));
	const tier = Number(params.get('tier'));
	const region = params.get('region');
	const industry = params.get('industry');
	const status = params.get('status');
	return {
		year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
		region: region && REGION_CODES.has(region) ? region : null,
		industry: industry && INDUSTRY_CODES.has(industry) ? industry : null,
		tier: Number.isInteger(tier) && tier >= 1 && tier <= 4 ? tier : null,
		status: status && STATUSES.has(status) ? (status as Status) : null
	};
}

/** The query string for the filters (only the set ones, in a fixed order). */
export function filtersToSearch(filters: DashboardFilters): string {
	const params = new URLSearchParams();
	for (const key of Object.keys(NO_FILTERS) as (keyof DashboardFilters)[]) {
		const value = filters[key];
		if (value !== null) params.set(key, String(value));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** The same value for every filter. */
export function sameFilters(a: DashboardFilters, b: DashboardFilters): boolean {
	return (Object.keys(NO_FILTERS) as (keyof DashboardFilters)[]).every((key) => a[key] === b[key]);
}

export function hasFilters(filters: DashboardFilters): boolean {
	return Object.values(filters).some((v) => v !== null);
}

/** The name of that tier, as labels say it ("先进级" in "先进级及以上"). */
export function coverageTierName(f: DashboardFilters): string {
	return tiers.find((t) => t.rank === coverageThreshold(f))?.name ?? PLAN_COVERAGE_TIER;
}

/**
 * The filters whose picks are sliced ahead, the 盟市 first: those with few values (13, 5, the
 * years, 5). 行业 (42 values) is sliced when picked (docs/dashboard.md).
 */
const PICK_ORDER = ['region', 'tier', 'year', 'status'] as const;

/**
 * The filters one pick away in the filter bar but for 行业: each other value of each filter it
 * shows (none among them), the other filters kept.
 */
export function nextPicks(
	filters: DashboardFilters,
	shown: readonly (keyof DashboardFilters)[],
	years: readonly number[]
): DashboardFilters[] {
	const values: { [K in (typeof PICK_ORDER)[number]]: DashboardFilters[K][] } = {
		region: [null, ...regions.map((r) => r.code)],
		tier: [null, ...tiers.map((t) => t.rank)],
		year: [null, ...years],
		status: [null, ...(Object.keys(STATUS_NAMES) as Status[])]
	};
	return PICK_ORDER.filter((key) => shown.includes(key)).flatMap((key) =>
		(values[key] as unknown[])
			.filter((value) => value !== filters[key])
			.map((value) => ({ ...filters, [key]: value }))
	);
}
