/**
 * The 场景 and 能力评估 figures for any filters from aggregates DuckDB makes once per load and
 * year, as the 总览 cube does for coverage: the year's scenario rows grouped by what the filters
 * act on, and its declarations' self-assessment likewise. A filter change then slices them
 * here, with no query.
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

/** What the filters act on in a declaration (`declarationConditions`), as a query gives it. */
interface DeclarationKey {
	year: number;
	region: string;
	industry: string | null;
	tier: number;
	status: string;
}

/** In the typed columns below: a value the query gave as NULL. */
const NONE = -32768;

/**
 * A text column as 16-bit codes into its distinct values (NULL among them where there is one):
 * for 盟市, 行业 and status, a few dozen values at most.
 */
interface CodedColumn {
	codes: Uint16Array;
	values: (string | null)[];
}

function codedColumn(texts: readonly (string | null)[]): CodedColumn {
	const index = new Map<string | null, number>();
	const codes = new Uint16Array(texts.length);
	texts.forEach((text, i) => {
		let code = index.get(text);
		if (code === undefined) index.set(text, (code = index.size));
		codes[i] = code;
	});
	return { codes, values: [...index.keys()] };
}

/**
 * The declaration keys of an aggregate's rows, one typed column each: at a million scenario rows
 * the aggregates have ~150k rows, which as objects took ~35 MB of the page's heap.
 */
interface DeclarationKeys {
	length: number;
	year: Int16Array;
	region: CodedColumn;
	industry: CodedColumn;
	tier: Int16Array;
	status: CodedColumn;
}

const small = (value: number | null | undefined) => value ?? NONE;

function keysOf(rows: readonly DeclarationKey[]): DeclarationKeys {
	return {
		length: rows.length,
		year: Int16Array.from(rows, (r) => small(r.year)),
		region: codedColumn(rows.map((r) => r.region)),
		industry: codedColumn(rows.map((r) => r.industry)),
		tier: Int16Array.from(rows, (r) => small(r.tier)),
		status: codedColumn(rows.map((r) => r.status))
	};
}

/** One year's scenario rows by declaration key and scenario: how many declarations built each. */
export interface ScenarioCube {
	keys: DeclarationKeys;
	scenario: Int16Array;
	/**
	 * Per tier (index 0: 基础级 … 3: 领航级), the declarations that built the scenario at that
	 * tier or above: the highest tier the rules count among a declaration's rows of it.
	 */
	atOrAbove: Int32Array[];
	/** Scenario rows counted below their declared tier. */
	short: Int32Array;
	/** Declarations by key (the totals the shares are of). */
	declarations: { keys: DeclarationKeys; n: Int32Array };
}

/** One year's declarations by key, maturity level and 附件3 levels. */
export interface AssessmentCube {
	keys: DeclarationKeys;
	maturity: Int16Array;
	/** One column per level indicator, in catalogue order (NONE: not given; 0: 不涉及). */
	levels: Int16Array[];
	n: Int32Array;
}

const LEVEL_INDICATORS = indicators.filter((i) => i.kind === 'level');
const SCENARIO_NUMBERS = scenarios.map((s) => s.no).sort((a, b) => a - b);
const TIER_RANKS = tiers.map((t) => t.rank).sort((a, b) => a - b);
const KEY_COLUMNS = `year::INTEGER AS year, region_code AS region, industry_code AS industry,
	declared_tier::INTEGER AS tier, status`;

type Row = DeclarationKey & Record<string, unknown>;

const intColumn = (rows: readonly Row[], name: string) =>
	Int32Array.from(rows, (r) => (r[name] as number | null) ?? 0);

/**
 * The year's scenario rows by declaration key and scenario (two queries, once per load and
 * year: the page shows one year, and DuckDB's grouping of a year's rows takes a share of the
 * memory all years' would — wasm memory, once grown, is not given back).
 */
export async function loadScenarioCube(engine: SqlEngine, year: number): Promise<ScenarioCube> {
	const atOrAbove = TIER_RANKS.map(
		(rank) => `count(*) FILTER (WHERE p.best >= ${rank})::INTEGER AS t${rank}`
	);
	const rows = await engine.query<Row>(`
		WITH per AS (
			SELECT declaration_id, scenario_no, max(counted_tier) AS best,
				count(*) FILTER (WHERE coalesce(counted_tier, 0) < scenario_tier) AS short
			FROM scenarios
			WHERE declaration_id IN (SELECT declaration_id FROM declarations WHERE year = ${year})
			GROUP BY declaration_id, scenario_no
		)
		SELECT ${KEY_COLUMNS}, p.scenario_no::INTEGER AS scenario, ${atOrAbove.join(', ')},
			sum(p.short)::INTEGER AS short
		FROM per p JOIN declarations USING (declaration_id) GROUP BY ALL`);
	const declarations = await engine.query<Row>(
		`SELECT ${KEY_COLUMNS}, count(*)::INTEGER AS n FROM declarations WHERE year = ${year} GROUP BY ALL`
	);
	return {
		keys: keysOf(rows),
		scenario: Int16Array.from(rows, (r) => small(r.scenario as number | null)),
		atOrAbove: TIER_RANKS.map((rank) => intColumn(rows, `t${rank}`)),
		short: intColumn(rows, 'short'),
		declarations: { keys: keysOf(declarations), n: intColumn(declarations, 'n') }
	};
}

/** The year's declarations' maturity and 附件3 levels by key (one query, once per load and year). */
export async function loadAssessmentCube(engine: SqlEngine, year: number): Promise<AssessmentCube> {
	const levelColumns = LEVEL_INDICATORS.map((i, n) => `ind_${i.key}::INTEGER AS l${n}`);
	const rows = await engine.query<Row>(`
		SELECT ${KEY_COLUMNS}, maturity_level::INTEGER AS maturity, ${levelColumns.join(', ')},
			count(*)::INTEGER AS n
		FROM declarations WHERE year = ${year} GROUP BY ALL`);
	return {
		keys: keysOf(rows),
		maturity: Int16Array.from(rows, (r) => small(r.maturity as number | null)),
		levels: LEVEL_INDICATORS.map((_, n) =>
			Int16Array.from(rows, (r) => small(r[`l${n}`] as number | null))
		),
		n: intColumn(rows, 'n')
	};
}

/** The code of `value` in a column, or −1 when no row has it (the filter then matches none). */
const codeOf = (column: CodedColumn, value: string) => column.values.indexOf(value);

/**
 * The indices of the rows of `year` under the filters, leaving out the filter named in
 * `ignore`: `conditions` of declarationConditions, on the typed columns.
 */
function sliceOf(
	keys: DeclarationKeys,
	f: DashboardFilters,
	year: number,
	ignore: 'region' | 'tier' | null = null
): number[] {
	const region = ignore === 'region' || f.region === null ? null : codeOf(keys.region, f.region);
	const industry = f.industry === null ? null : codeOf(keys.industry, f.industry);
	const tier = ignore === 'tier' || f.tier === null ? null : f.tier;
	const status = f.status === null ? null : codeOf(keys.status, f.status);
	const rows: number[] = [];
	for (let i = 0; i < keys.length; i++) {
		if (keys.year[i] !== year) continue;
		if (region !== null && keys.region.codes[i] !== region) continue;
		if (industry !== null && keys.industry.codes[i] !== industry) continue;
		if (tier !== null && keys.tier[i] !== tier) continue;
		if (status !== null && keys.status.codes[i] !== status) continue;
		rows.push(i);
	}
	return rows;
}

/** A row's text value in a coded column. */
const textOf = (column: CodedColumn, i: number) => column.values[column.codes[i] ?? 0] ?? null;

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
	const { keys, n } = cube.declarations;
	const totals = new Map<string, number>();
	for (const i of sliceOf(keys, f, year, 'region'))
		addTo(totals, textOf(keys.region, i) as string, n[i] ?? 0);
	const built = new Map<string, number>();
	const atAnyTier = cube.atOrAbove[0];
	for (const i of sliceOf(cube.keys, f, year, 'region'))
		addTo(built, `${cube.scenario[i]} ${textOf(cube.keys.region, i)}`, atAnyTier?.[i] ?? 0);
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
	for (const i of sliceOf(cube.declarations.keys, f, year)) total += cube.declarations.n[i] ?? 0;
	const built = new Map<number, number[]>();
	for (const i of sliceOf(cube.keys, f, year)) {
		const scenario = cube.scenario[i] ?? NONE;
		const counts = built.get(scenario) ?? TIER_RANKS.map(() => 0);
		cube.atOrAbove.forEach((column, t) => (counts[t] = (counts[t] ?? 0) + (column[i] ?? 0)));
		built.set(scenario, counts);
	}
	return SCENARIO_NUMBERS.flatMap((scenario) =>
		TIER_RANKS.map((rank, t) => {
			const count = built.get(scenario)?.[t] ?? 0;
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
	for (const i of sliceOf(cube.keys, f, year)) {
		const short = cube.short[i] ?? 0;
		if (short > 0) addTo(counts, cube.scenario[i] ?? NONE, short);
	}
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
	const rows = sliceOf(cube.keys, f, year);
	const levels = LEVEL_INDICATORS.map((indicator, c) => {
		const column = cube.levels[c] as Int16Array;
		const counts = new Map<number, number>();
		for (const i of rows) {
			const level = column[i] ?? NONE;
			if (level !== NONE) addTo(counts, level, cube.n[i] ?? 0);
		}
		return { indicator: indicator.key, counts };
	});
	return levels
		.filter((l) => l.counts.size > 0)
		.sort((a, b) => byText(a.indicator, b.indicator))
		.flatMap(({ indicator, counts }) =>
			[...counts].sort(([a], [b]) => a - b).map(([level, count]) => ({ indicator, level, count }))
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
	for (const i of sliceOf(cube.keys, f, year, by)) {
		const key =
			by === 'region' ? (textOf(cube.keys.region, i) as string) : String(cube.keys.tier[i]);
		let group = groups.get(key);
		if (!group) {
			group = {
				declarations: 0,
				sums: LEVEL_INDICATORS.map(() => 0),
				counts: LEVEL_INDICATORS.map(() => 0)
			};
			groups.set(key, group);
		}
		const n = cube.n[i] ?? 0;
		group.declarations += n;
		cube.levels.forEach((column, c) => {
			const level = column[i] ?? NONE;
			if (level === NONE || level === 0) return; // not given, or 不涉及
			group.sums[c] = (group.sums[c] ?? 0) + level * n;
			group.counts[c] = (group.counts[c] ?? 0) + n;
		});
	}
	return [...groups.keys()].sort(byText).flatMap((key) => {
		const group = groups.get(key)!;
		return LEVEL_INDICATORS.map((indicator, c) => ({
			indicator: indicator.key,
			group: key,
			mean: group.counts[c] ? (group.sums[c] ?? 0) / (group.counts[c] ?? 1) : null,
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
	for (const i of sliceOf(cube.keys, f, year, 'tier')) {
		const maturity = cube.maturity[i] ?? NONE;
		if (maturity === NONE) continue;
		const tier = cube.keys.tier[i] ?? NONE;
		const n = cube.n[i] ?? 0;
		const key = `${tier} ${maturity}`;
		const known = counts.get(key);
		if (known) known.count += n;
		else counts.set(key, { tier, maturity, count: n });
	}
	return [...counts.values()].sort((a, b) => a.tier - b.tier || a.maturity - b.maturity);
}
