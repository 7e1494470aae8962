/**
 * The 场景 and 能力评估 figures for any filters from aggregates DuckDB makes once per load, as the
 * 总览 cube does for coverage: the scenario rows grouped by what the filters act on, and the
 * declarations' self-assessment likewise. A filter change then slices them here, with no query.
 * Each function gives exactly what its query in queries-detail.ts gives
 * (tests/unit/cube.test.ts compares them on many filter combinations).
 */
import { indicators, scenarios, tiers } from '../domain/catalogue';
import type { SqlEngine } from '../db/engine';
import type {
	DashboardFilters,
	IndicatorLevelCount,
	IndicatorMean,
	MaturityCell,
	ScenarioCell,
	ScenarioShortfall
} from './types';

/** What the filters act on in a declaration (`declarationConditions`). */
interface DeclarationKey {
	year: number;
	region: string;
	industry: string | null;
	tier: number;
	status: string;
}

/** The declarations of one key that hold scenario `scenario`. */
interface BuiltScenarioCell extends DeclarationKey {
	scenario: number;
	/**
	 * How many of them built it at each tier or above (index 0: 基础级 … 3: 领航级): the highest
	 * tier the rules count among a declaration's rows of the scenario.
	 */
	atOrAbove: number[];
	/** Scenario rows counted below their declared tier. */
	short: number;
}

interface DeclarationCount extends DeclarationKey {
	n: number;
}

export interface ScenarioCube {
	built: BuiltScenarioCell[];
	declarations: DeclarationCount[];
}

/** Declarations with the same key, maturity level and 附件3 levels. */
interface AssessedCell extends DeclarationKey {
	maturity: number | null;
	/** One per level indicator, in catalogue order (null: not given; 0: 不涉及). */
	levels: (number | null)[];
	n: number;
}

export interface AssessmentCube {
	cells: AssessedCell[];
}

const LEVEL_INDICATORS = indicators.filter((i) => i.kind === 'level');
const SCENARIO_NUMBERS = scenarios.map((s) => s.no).sort((a, b) => a - b);
const TIER_RANKS = tiers.map((t) => t.rank).sort((a, b) => a - b);
const KEY_COLUMNS = `year::INTEGER AS year, region_code AS region, industry_code AS industry,
	declared_tier::INTEGER AS tier, status`;

/** The scenario rows by declaration key and scenario (two queries, once per load). */
export async function loadScenarioCube(engine: SqlEngine): Promise<ScenarioCube> {
	const atOrAbove = TIER_RANKS.map(
		(rank) => `count(*) FILTER (WHERE p.best >= ${rank})::INTEGER AS t${rank}`
	);
	const rows = await engine.query<Record<string, number> & DeclarationKey>(`
		WITH per AS (
			SELECT declaration_id, scenario_no, max(counted_tier) AS best,
				count(*) FILTER (WHERE coalesce(counted_tier, 0) < scenario_tier) AS short
			FROM scenarios GROUP BY declaration_id, scenario_no
		)
		SELECT ${KEY_COLUMNS}, p.scenario_no::INTEGER AS scenario, ${atOrAbove.join(', ')},
			sum(p.short)::INTEGER AS short
		FROM per p JOIN declarations USING (declaration_id) GROUP BY ALL`);
	return {
		built: rows.map((row) => ({
			year: row.year,
			region: row.region,
			industry: row.industry,
			tier: row.tier,
			status: row.status,
			scenario: row.scenario as number,
			atOrAbove: TIER_RANKS.map((rank) => row[`t${rank}`] as number),
			short: row.short as number
		})),
		declarations: await engine.query<DeclarationCount>(
			`SELECT ${KEY_COLUMNS}, count(*)::INTEGER AS n FROM declarations GROUP BY ALL`
		)
	};
}

/** The declarations' maturity and 附件3 levels by declaration key (one query, once per load). */
export async function loadAssessmentCube(engine: SqlEngine): Promise<AssessmentCube> {
	const levelColumns = LEVEL_INDICATORS.map((i, n) => `ind_${i.key}::INTEGER AS l${n}`);
	const rows = await engine.query<Record<string, unknown> & DeclarationKey>(`
		SELECT ${KEY_COLUMNS}, maturity_level::INTEGER AS maturity, ${levelColumns.join(', ')},
			count(*)::INTEGER AS n
		FROM declarations GROUP BY ALL`);
	return {
		cells: rows.map((row) => ({
			year: row.year,
			region: row.region,
			industry: row.industry,
			tier: row.tier,
			status: row.status,
			maturity: (row.maturity as number | null) ?? null,
			levels: LEVEL_INDICATORS.map((_, n) => (row[`l${n}`] as number | null) ?? null),
			n: row.n as number
		}))
	};
}

/** The year's cells under the filters, leaving out the filters named in `ignore`. */
function sliceOf<C extends DeclarationKey>(
	cells: readonly C[],
	f: DashboardFilters,
	year: number,
	ignore: 'region' | 'tier' | null = null
): C[] {
	return cells.filter(
		(c) =>
			c.year === year &&
			(ignore === 'region' || f.region === null || c.region === f.region) &&
			(f.industry === null || c.industry === f.industry) &&
			(ignore === 'tier' || f.tier === null || c.tier === f.tier) &&
			(f.status === null || c.status === f.status)
	);
}

/** Text order, as DuckDB sorts VARCHAR. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function addTo<K>(map: Map<K, number>, key: K, n: number) {
	map.set(key, (map.get(key) ?? 0) + n);
}

/** `queryScenarioByRegion`: share of each 盟市's declarations that built each scenario. */
export function scenarioByRegionFromCube(
	cube: ScenarioCube,
	f: DashboardFilters,
	year: number
): ScenarioCell[] {
	const totals = new Map<string, number>();
	for (const d of sliceOf(cube.declarations, f, year, 'region')) addTo(totals, d.region, d.n);
	const built = new Map<string, number>();
	for (const c of sliceOf(cube.built, f, year, 'region'))
		addTo(built, `${c.scenario} ${c.region}`, c.atOrAbove[0] ?? 0);
	const columns = [...totals.keys()].sort(byText);
	return SCENARIO_NUMBERS.flatMap((scenario) =>
		columns.map((region) => {
			const count = built.get(`${scenario} ${region}`) ?? 0;
			const total = totals.get(region) ?? 0;
			return { scenario, column: region, count, total, share: count / total };
		})
	);
}

/** `queryScenarioByTier`: share of the declarations that built each scenario at each tier or above. */
export function scenarioByTierFromCube(
	cube: ScenarioCube,
	f: DashboardFilters,
	year: number
): ScenarioCell[] {
	let total = 0;
	for (const d of sliceOf(cube.declarations, f, year)) total += d.n;
	const built = new Map<number, number[]>();
	for (const c of sliceOf(cube.built, f, year)) {
		const counts = built.get(c.scenario) ?? TIER_RANKS.map(() => 0);
		c.atOrAbove.forEach((n, i) => (counts[i] = (counts[i] ?? 0) + n));
		built.set(c.scenario, counts);
	}
	return SCENARIO_NUMBERS.flatMap((scenario) =>
		TIER_RANKS.map((rank, i) => {
			const count = built.get(scenario)?.[i] ?? 0;
			return {
				scenario,
				column: String(rank),
				count,
				total,
				share: total ? count / total : 0
			};
		})
	);
}

/** `queryScenarioShortfalls`: the ten scenarios with most rows counted below their declared tier. */
export function scenarioShortfallsFromCube(
	cube: ScenarioCube,
	f: DashboardFilters,
	year: number
): ScenarioShortfall[] {
	const counts = new Map<number, number>();
	for (const c of sliceOf(cube.built, f, year)) if (c.short > 0) addTo(counts, c.scenario, c.short);
	return [...counts]
		.map(([scenario, count]) => ({ scenario, count }))
		.sort((a, b) => b.count - a.count || a.scenario - b.scenario)
		.slice(0, 10);
}

/** `queryIndicatorLevels`: declarations per level of each level indicator. */
export function indicatorLevelsFromCube(
	cube: AssessmentCube,
	f: DashboardFilters,
	year: number
): IndicatorLevelCount[] {
	const counts = new Map<string, Map<number, number>>();
	for (const cell of sliceOf(cube.cells, f, year)) {
		LEVEL_INDICATORS.forEach((indicator, n) => {
			const level = cell.levels[n];
			if (level === null || level === undefined) return;
			let levels = counts.get(indicator.key);
			if (!levels) counts.set(indicator.key, (levels = new Map()));
			addTo(levels, level, cell.n);
		});
	}
	return [...counts.keys()]
		.sort(byText)
		.flatMap((indicator) =>
			[...(counts.get(indicator) ?? [])]
				.sort(([a], [b]) => a - b)
				.map(([level, count]) => ({ indicator, level, count }))
		);
}

/** `queryIndicatorMeans`: mean level of each indicator (不涉及 left out) by 盟市 or by declared tier. */
export function indicatorMeansFromCube(
	cube: AssessmentCube,
	f: DashboardFilters,
	year: number,
	by: 'region' | 'tier'
): IndicatorMean[] {
	const groups = new Map<string, { declarations: number; sums: number[]; counts: number[] }>();
	for (const cell of sliceOf(cube.cells, f, year, by)) {
		const key = by === 'region' ? cell.region : String(cell.tier);
		let group = groups.get(key);
		if (!group) {
			group = {
				declarations: 0,
				sums: LEVEL_INDICATORS.map(() => 0),
				counts: LEVEL_INDICATORS.map(() => 0)
			};
			groups.set(key, group);
		}
		group.declarations += cell.n;
		cell.levels.forEach((level, n) => {
			if (!level) return; // not given, or 不涉及
			group.sums[n] = (group.sums[n] ?? 0) + level * cell.n;
			group.counts[n] = (group.counts[n] ?? 0) + cell.n;
		});
	}
	return [...groups.keys()].sort(byText).flatMap((key) => {
		const group = groups.get(key)!;
		return LEVEL_INDICATORS.map((indicator, n) => ({
			indicator: indicator.key,
			group: key,
			mean: group.counts[n] ? (group.sums[n] ?? 0) / (group.counts[n] ?? 1) : null,
			declarations: group.declarations
		}));
	});
}

/** `queryMaturityByTier`: declarations by declared tier × maturity level. */
export function maturityByTierFromCube(
	cube: AssessmentCube,
	f: DashboardFilters,
	year: number
): MaturityCell[] {
	const counts = new Map<string, MaturityCell>();
	for (const cell of sliceOf(cube.cells, f, year, 'tier')) {
		if (cell.maturity === null) continue;
		const key = `${cell.tier} ${cell.maturity}`;
		const known = counts.get(key);
		if (known) known.count += cell.n;
		else counts.set(key, { tier: cell.tier, maturity: cell.maturity, count: cell.n });
	}
	return [...counts.values()].sort((a, b) => a.tier - b.tier || a.maturity - b.maturity);
}
