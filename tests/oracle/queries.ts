/**
 * The oracle: the dashboard's figures as SQL per filter over the building blocks of views.sql
 * and the oracle's views.sql — the pages' code until the cube (src/lib/figures/) took their
 * place, kept as an implementation apart to hold the cube's slices to.
 */
import { regions } from '../../src/lib/domain/catalogue';
import { coverageOf, planPath } from '../../src/lib/domain/plan';
import type { SqlEngine } from '../../src/lib/db/engine';
import { declarationConditions, enterpriseConditions } from './conditions';
import type {
	DashboardFilters,
	IndustryRow,
	Overview,
	RegionRow,
	TierCounts,
	TrendPoint
} from '../../src/lib/figures/types';

const TIER_COLUMNS = `
	count(*) FILTER (WHERE current_tier = 1)::INTEGER AS basic,
	count(*) FILTER (WHERE current_tier = 2)::INTEGER AS advanced,
	count(*) FILTER (WHERE current_tier = 3)::INTEGER AS excellent,
	count(*) FILTER (WHERE current_tier = 4)::INTEGER AS "leading"`;

function tiersOf(row: Partial<TierCounts> | undefined): TierCounts {
	return {
		basic: row?.basic ?? 0,
		advanced: row?.advanced ?? 0,
		excellent: row?.excellent ?? 0,
		leading: row?.leading ?? 0
	};
}

/** The baseline count of the slice for every year: own row where there is one, else the sum below. */
function denominatorsSql(f: DashboardFilters): string {
	if (f.region !== null && f.industry !== null) {
		return `SELECT year, sum(enterprises)::INTEGER AS enterprises FROM baseline
			WHERE region_code = '${f.region}' AND industry_code = '${f.industry}' GROUP BY year`;
	}
	if (f.region !== null) {
		return `SELECT year, enterprises FROM baseline_region WHERE region_code = '${f.region}'`;
	}
	if (f.industry !== null) {
		return `SELECT year, enterprises FROM baseline_industry WHERE industry_code = '${f.industry}'`;
	}
	return 'SELECT year, enterprises FROM baseline_total';
}

/** Every year in the loaded data, ascending. */
export async function dataYears(engine: SqlEngine): Promise<number[]> {
	const rows = await engine.query<{ year: number }>(
		'SELECT year::INTEGER AS year FROM data_years ORDER BY year'
	);
	return rows.map((r) => r.year);
}

/** The latest year in the data, or the filter's year when it is one of them. */
export async function resolveYear(engine: SqlEngine, f: DashboardFilters) {
	const years = await dataYears(engine);
	const year = f.year !== null && years.includes(f.year) ? f.year : years[years.length - 1];
	return { years, year };
}

/** Coverage, tier counts and basic-level starts for every year of the data. */
export async function queryTrend(engine: SqlEngine, f: DashboardFilters): Promise<TrendPoint[]> {
	const threshold = f.tier ?? 1;
	const rows = await engine.query<
		TierCounts & {
			year: number;
			covered: number;
			denominator: number | null;
			declared: number;
			awarded: number;
		}
	>(`
		WITH den AS (${denominatorsSql(f)}),
		ent AS (
			SELECT e.year, count(*) FILTER (WHERE e.above_scale AND e.current_tier >= ${threshold})::INTEGER AS covered, ${TIER_COLUMNS}
			FROM enterprise_year e WHERE ${enterpriseConditions(f)} GROUP BY e.year
		),
		starts AS (
			SELECT d.year, count(DISTINCT d.enterprise_id)::INTEGER AS declared,
				count(DISTINCT d.enterprise_id) FILTER (WHERE d.status = 'approved' AND d.awarded_tier >= 1)::INTEGER AS awarded
			FROM declarations d WHERE d.declared_tier = 1 AND ${declarationConditions({ ...f, tier: null })}
			GROUP BY d.year
		)
		SELECT y.year::INTEGER AS year, coalesce(ent.covered, 0)::INTEGER AS covered, den.enterprises AS denominator,
			coalesce(ent.basic, 0)::INTEGER AS basic, coalesce(ent.advanced, 0)::INTEGER AS advanced,
			coalesce(ent.excellent, 0)::INTEGER AS excellent, coalesce(ent."leading", 0)::INTEGER AS "leading",
			coalesce(starts.declared, 0)::INTEGER AS declared, coalesce(starts.awarded, 0)::INTEGER AS awarded
		FROM data_years y LEFT JOIN ent USING (year) LEFT JOIN den USING (year) LEFT JOIN starts USING (year)
		ORDER BY y.year`);
	return rows.map((r) => ({
		year: r.year,
		coverage: coverageOf(r.covered, r.denominator),
		tiers: tiersOf(r),
		basicStarts: { declared: r.declared, awarded: r.awarded }
	}));
}

/** The year's headline figures; pass the trend when the caller has it already. */
export async function queryOverview(
	engine: SqlEngine,
	f: DashboardFilters,
	knownTrend?: TrendPoint[]
): Promise<Overview | null> {
	const { years, year } = await resolveYear(engine, f);
	if (year === undefined) return null;
	const trend = knownTrend ?? (await queryTrend(engine, f));
	const point = trend.find((p) => p.year === year);
	const [counts] = await engine.query<{ declarations: number; flagged: number }>(`
		SELECT count(*)::INTEGER AS declarations, count(*) FILTER (WHERE d.flagged)::INTEGER AS flagged
		FROM declaration_overview d WHERE d.year = ${year} AND ${declarationConditions(f)}`);
	return {
		year,
		years,
		coverage: point?.coverage ?? coverageOf(0, null),
		...planPath(
			trend.map((p) => ({ year: p.year, rate: p.coverage.rate })),
			year
		),
		tiers: point?.tiers ?? tiersOf(undefined),
		basicStarts: point?.basicStarts ?? { declared: 0, awarded: 0 },
		declarations: counts?.declarations ?? 0,
		flagged: counts?.flagged ?? 0
	};
}

/** Every 盟市 for the year (all 12, in GB/T 2260 order), under the other filters. */
export async function queryRegions(
	engine: SqlEngine,
	f: DashboardFilters,
	year: number
): Promise<RegionRow[]> {
	const threshold = f.tier ?? 1;
	const slice = { ...f, region: null };
	const denominators =
		f.industry === null
			? `SELECT region_code, enterprises FROM baseline_region WHERE year = ${year}`
			: `SELECT region_code, sum(enterprises)::INTEGER AS enterprises FROM baseline
				WHERE year = ${year} AND industry_code = '${f.industry}' GROUP BY region_code`;
	const rows = await engine.query<
		TierCounts & {
			code: string;
			covered: number;
			denominator: number | null;
			declared: number;
			awarded: number;
			declarations: number;
			rejected: number;
			flagged: number;
		}
	>(`
		WITH den AS (${denominators}),
		ent AS (
			SELECT e.region_code, count(*) FILTER (WHERE e.above_scale AND e.current_tier >= ${threshold})::INTEGER AS covered, ${TIER_COLUMNS}
			FROM enterprise_year e WHERE e.year = ${year} AND ${enterpriseConditions(slice)} GROUP BY e.region_code
		),
		decl AS (
			SELECT d.region_code, count(*)::INTEGER AS declarations,
				count(*) FILTER (WHERE d.status = 'rejected')::INTEGER AS rejected,
				count(*) FILTER (WHERE d.flagged)::INTEGER AS flagged,
				count(DISTINCT d.enterprise_id) FILTER (WHERE d.declared_tier = 1)::INTEGER AS declared,
				count(DISTINCT d.enterprise_id) FILTER (WHERE d.declared_tier = 1 AND d.status = 'approved' AND d.awarded_tier >= 1)::INTEGER AS awarded
			FROM declaration_overview d WHERE d.year = ${year} AND ${declarationConditions(slice)} GROUP BY d.region_code
		)
		SELECT r.code, coalesce(ent.covered, 0)::INTEGER AS covered, den.enterprises AS denominator,
			coalesce(ent.basic, 0)::INTEGER AS basic, coalesce(ent.advanced, 0)::INTEGER AS advanced,
			coalesce(ent.excellent, 0)::INTEGER AS excellent, coalesce(ent."leading", 0)::INTEGER AS "leading",
			coalesce(decl.declared, 0)::INTEGER AS declared, coalesce(decl.awarded, 0)::INTEGER AS awarded,
			coalesce(decl.declarations, 0)::INTEGER AS declarations, coalesce(decl.rejected, 0)::INTEGER AS rejected,
			coalesce(decl.flagged, 0)::INTEGER AS flagged
		FROM ref_regions r
		LEFT JOIN ent ON ent.region_code = r.code LEFT JOIN den ON den.region_code = r.code
		LEFT JOIN decl ON decl.region_code = r.code
		ORDER BY r.sort_order`);
	return rows.map((row) => {
		const region = regions.find((r) => r.code === row.code);
		return {
			code: row.code,
			name: region?.name ?? row.code,
			shortName: region?.shortName ?? row.code,
			coverage: coverageOf(row.covered, row.denominator),
			tiers: tiersOf(row),
			basicStarts: { declared: row.declared, awarded: row.awarded },
			declarations: row.declarations,
			rejected: row.rejected,
			flagged: row.flagged
		};
	});
}

/** Every 大类 that has enterprises or a baseline count in the year, under the other filters. */
export async function queryIndustries(
	engine: SqlEngine,
	f: DashboardFilters,
	year: number
): Promise<IndustryRow[]> {
	const threshold = f.tier ?? 1;
	const slice = { ...f, industry: null };
	const denominators =
		f.region === null
			? `SELECT industry_code, enterprises FROM baseline_industry WHERE year = ${year}`
			: `SELECT industry_code, sum(enterprises)::INTEGER AS enterprises FROM baseline
				WHERE year = ${year} AND region_code = '${f.region}' AND industry_code IS NOT NULL GROUP BY industry_code`;
	const rows = await engine.query<
		TierCounts & {
			code: string;
			section: string;
			name: string;
			covered: number;
			denominator: number | null;
		}
	>(`
		WITH den AS (${denominators}),
		ent AS (
			SELECT e.industry_code, count(*) FILTER (WHERE e.above_scale AND e.current_tier >= ${threshold})::INTEGER AS covered, ${TIER_COLUMNS}
			FROM enterprise_year e WHERE e.year = ${year} AND ${enterpriseConditions(slice)} GROUP BY e.industry_code
		)
		SELECT i.code, i.section, i.name, coalesce(ent.covered, 0)::INTEGER AS covered, den.enterprises AS denominator,
			coalesce(ent.basic, 0)::INTEGER AS basic, coalesce(ent.advanced, 0)::INTEGER AS advanced,
			coalesce(ent.excellent, 0)::INTEGER AS excellent, coalesce(ent."leading", 0)::INTEGER AS "leading"
		FROM ref_industries i
		LEFT JOIN ent ON ent.industry_code = i.code LEFT JOIN den ON den.industry_code = i.code
		WHERE ent.industry_code IS NOT NULL OR den.industry_code IS NOT NULL
		ORDER BY i.code`);
	return rows.map((row) => ({
		code: row.code,
		section: row.section,
		name: row.name,
		coverage: coverageOf(row.covered, row.denominator),
		tiers: tiersOf(row)
	}));
}
