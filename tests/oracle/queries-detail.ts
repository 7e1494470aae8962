/**
 * The oracle's scenario and capability-assessment queries: the heatmaps of the 40
 * scenarios, the scenarios most often counted below their declared tier, the 附件3 indicator
 * distributions and means, and maturity against tier. Declarations of the year under the filters.
 */
import { indicators } from '../../src/lib/domain/catalogue';
import type { SqlEngine } from '../../src/lib/db/engine';
import { declarationConditions } from './conditions';
import type {
	DashboardFilters,
	IndicatorLevelCount,
	IndicatorMean,
	MaturityCell,
	ScenarioCell,
	ScenarioShortfall
} from '../../src/lib/figures/types';

const LEVEL_INDICATORS = indicators.filter((i) => i.kind === 'level');
const column = (key: string) => `ind_${key}`;

function scope(f: DashboardFilters, year: number) {
	return `d.year = ${year} AND ${declarationConditions(f)}`;
}

/** Share of declarations per 盟市 that built each scenario (at any tier counted by the rules). */
export async function queryScenarioByRegion(
	engine: SqlEngine,
	f: DashboardFilters,
	year: number
): Promise<ScenarioCell[]> {
	return engine.query<ScenarioCell>(`
		WITH decl AS (SELECT d.declaration_id, d.region_code FROM declarations d WHERE ${scope({ ...f, region: null }, year)}),
		totals AS (SELECT region_code, count(*) AS total FROM decl GROUP BY region_code),
		built AS (
			SELECT decl.region_code, s.scenario_no, count(DISTINCT s.declaration_id) AS n
			FROM scenarios s JOIN decl USING (declaration_id) WHERE s.counted_tier >= 1
			GROUP BY ALL
		)
		SELECT r.no::INTEGER AS scenario, t.region_code AS "column", coalesce(b.n, 0)::INTEGER AS count,
			t.total::INTEGER AS total, (coalesce(b.n, 0) / t.total)::DOUBLE AS share
		FROM ref_scenarios r CROSS JOIN totals t
		LEFT JOIN built b ON b.scenario_no = r.no AND b.region_code = t.region_code
		ORDER BY r.no, t.region_code`);
}

/** Share of declarations that built each scenario at each tier or above (columns "1"–"4"). */
export async function queryScenarioByTier(
	engine: SqlEngine,
	f: DashboardFilters,
	year: number
): Promise<ScenarioCell[]> {
	return engine.query<ScenarioCell>(`
		WITH decl AS (SELECT d.declaration_id FROM declarations d WHERE ${scope(f, year)}),
		per AS (
			SELECT s.scenario_no, s.declaration_id, max(s.counted_tier) AS tier
			FROM scenarios s JOIN decl USING (declaration_id) GROUP BY ALL
		),
		total AS (SELECT count(*) AS n FROM decl)
		SELECT r.no::INTEGER AS scenario, t.rank::VARCHAR AS "column",
			count(per.declaration_id)::INTEGER AS count, any_value(total.n)::INTEGER AS total,
			coalesce(count(per.declaration_id) / nullif(any_value(total.n), 0), 0)::DOUBLE AS share
		FROM ref_scenarios r CROSS JOIN ref_tiers t CROSS JOIN total
		LEFT JOIN per ON per.scenario_no = r.no AND per.tier >= t.rank
		GROUP BY r.no, t.rank
		ORDER BY r.no, t.rank`);
}

/** Scenarios most often declared at a tier above the one the rules count (附件4 "/" there). */
export async function queryScenarioShortfalls(
	engine: SqlEngine,
	f: DashboardFilters,
	year: number
): Promise<ScenarioShortfall[]> {
	return engine.query<ScenarioShortfall>(`
		SELECT s.scenario_no::INTEGER AS scenario, count(*)::INTEGER AS count
		FROM scenarios s JOIN declarations d USING (declaration_id)
		WHERE ${scope(f, year)} AND coalesce(s.counted_tier, 0) < s.scenario_tier
		GROUP BY s.scenario_no ORDER BY count DESC, scenario LIMIT 10`);
}

/** How many declarations chose each level (0 = 不涉及) of each level indicator. */
export async function queryIndicatorLevels(
	engine: SqlEngine,
	f: DashboardFilters,
	year: number
): Promise<IndicatorLevelCount[]> {
	const parts = LEVEL_INDICATORS.map(
		(
			i
		) => `SELECT '${i.key}' AS indicator, ${column(i.key)}::INTEGER AS level, count(*)::INTEGER AS count
			FROM declarations d WHERE ${scope(f, year)} AND ${column(i.key)} IS NOT NULL GROUP BY ALL`
	);
	return engine.query<IndicatorLevelCount>(
		`${parts.join('\nUNION ALL\n')} ORDER BY indicator, level`
	);
}

/** Mean level of each indicator (不涉及 left out) by 盟市 or by declared tier. */
export async function queryIndicatorMeans(
	engine: SqlEngine,
	f: DashboardFilters,
	year: number,
	by: 'region' | 'tier'
): Promise<IndicatorMean[]> {
	const group = by === 'region' ? 'd.region_code' : 'd.declared_tier::VARCHAR';
	const slice = by === 'region' ? { ...f, region: null } : { ...f, tier: null };
	const means = LEVEL_INDICATORS.map(
		(i) => `avg(nullif(${column(i.key)}, 0))::DOUBLE AS "${i.key}"`
	).join(', ');
	const rows = await engine.query<Record<string, number | string | null>>(`
		SELECT ${group} AS grp, count(*)::INTEGER AS declarations, ${means}
		FROM declarations d WHERE ${scope(slice, year)} GROUP BY ${group} ORDER BY grp`);
	return rows.flatMap((row) =>
		LEVEL_INDICATORS.map((i) => ({
			indicator: i.key,
			group: String(row.grp),
			mean: (row[i.key] as number | null) ?? null,
			declarations: Number(row.declarations)
		}))
	);
}

/** Declarations by declared tier × GB/T 39116 maturity level. */
export async function queryMaturityByTier(
	engine: SqlEngine,
	f: DashboardFilters,
	year: number
): Promise<MaturityCell[]> {
	return engine.query<MaturityCell>(`
		SELECT d.declared_tier::INTEGER AS tier, d.maturity_level::INTEGER AS maturity, count(*)::INTEGER AS count
		FROM declarations d WHERE ${scope({ ...f, tier: null }, year)} AND d.maturity_level IS NOT NULL
		GROUP BY ALL ORDER BY tier, maturity`);
}
