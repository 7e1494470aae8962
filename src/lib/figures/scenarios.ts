/**
 * The 40 scenarios of a year's declarations under the filters, from the cube's scenarios table
 * (declaration key × scenario) and its declarations table (the totals the shares are of): the
 * heatmaps by tier and by 盟市, and the scenarios most often declared above what 附件4 describes.
 * Pure.
 */
import { scenarios, tiers } from '../domain/catalogue';
import type { Cube } from '../cube/cube';
import { codeOf, ints, textAt } from '../cube/table';
import { keptPerKey, keyColumns, keyFilter, keyPasses, oncePerCube } from './columns';
import type { DashboardFilters, ScenarioCell, ScenarioShortfall } from './types';

const SCENARIO_NUMBERS = scenarios.map((s) => s.no).sort((a, b) => a - b);
const TIER_RANKS = tiers.map((t) => t.rank).sort((a, b) => a - b);

const scenarioColumns = (cube: Cube) =>
	oncePerCube(cube, 'scenarios', () => {
		const table = cube.tables.scenarios;
		return {
			keys: keyColumns(cube, 'scenarios'),
			scenario: ints(table, 'scenario'),
			/** Per tier rank 1–4: declarations that built the scenario at that tier or above. */
			atOrAbove: TIER_RANKS.map((rank) => ints(table, `t${rank}`)),
			short: ints(table, 'short')
		};
	});

/** Text order, as DuckDB sorts VARCHAR. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function addTo<K>(map: Map<K, number>, key: K, n: number) {
	map.set(key, (map.get(key) ?? 0) + n);
}

/** The year's declarations under the filters, per 盟市 code (leaving out the 盟市 filter) or in all. */
function declarationCounts(
	cube: Cube,
	f: DashboardFilters,
	year: number,
	by: 'region' | null
): Map<string | null, number> {
	const keys = keyColumns(cube, 'declarations');
	const filter = keyFilter(keys, { ...f, year, ...(by === 'region' ? { region: null } : {}) });
	const n = ints(cube.tables.declarations, 'n');
	const counts = new Map<string | null, number>();
	for (let i = 0; i < keys.length; i++) {
		if (keyPasses(keys, filter, i))
			addTo(counts, by === null ? null : textAt(keys.region, i), n[i] ?? 0);
	}
	return counts;
}

/**
 * Share of each 盟市's declarations that built each scenario (at any tier the rules count);
 * the columns are the 盟市 with declarations under the other filters. The 盟市 filter is left
 * out: under a change of it alone the result is the same object.
 */
export function scenarioByRegionOf(cube: Cube, f: DashboardFilters, year: number): ScenarioCell[] {
	const others = { ...f, year, region: null };
	return keptPerKey(cube, 'scenarioByRegion', others, () => {
		const totals = declarationCounts(cube, others, year, 'region');
		const s = scenarioColumns(cube);
		const filter = keyFilter(s.keys, others);
		// Counts by scenario number × the 盟市's code in the column's dictionary.
		const codes = s.keys.region.dictionary.length;
		const built = new Float64Array((SCENARIO_NUMBERS.at(-1)! + 1) * codes);
		const builtAtAny = s.atOrAbove[0];
		for (let i = 0; i < s.keys.length; i++) {
			if (keyPasses(s.keys, filter, i))
				built[(s.scenario[i] ?? 0) * codes + (s.keys.region.codes[i] ?? 0)]! +=
					builtAtAny?.[i] ?? 0;
		}
		const columns = ([...totals.keys()] as string[])
			.sort(byText)
			.map((region) => ({ region, code: codeOf(s.keys.region, region) }));
		return SCENARIO_NUMBERS.flatMap((scenario) =>
			columns.map(({ region, code }) => {
				const count = code < 0 ? 0 : (built[scenario * codes + code] ?? 0);
				const total = totals.get(region) ?? 0;
				return { scenario, column: region, count, total, share: count / total };
			})
		);
	});
}

/** Share of the declarations that built each scenario at each tier or above (columns "1"–"4"). */
export function scenarioByTierOf(cube: Cube, f: DashboardFilters, year: number): ScenarioCell[] {
	const total = declarationCounts(cube, f, year, null).get(null) ?? 0;
	const s = scenarioColumns(cube);
	const filter = keyFilter(s.keys, { ...f, year });
	const built = new Map<number, number[]>();
	for (let i = 0; i < s.keys.length; i++) {
		if (!keyPasses(s.keys, filter, i)) continue;
		const scenario = s.scenario[i] ?? 0;
		let counts = built.get(scenario);
		if (!counts) built.set(scenario, (counts = TIER_RANKS.map(() => 0)));
		for (let t = 0; t < TIER_RANKS.length; t++) counts[t]! += s.atOrAbove[t]?.[i] ?? 0;
	}
	return SCENARIO_NUMBERS.flatMap((scenario) =>
		TIER_RANKS.map((rank, t) => {
			const count = built.get(scenario)?.[t] ?? 0;
			return { scenario, column: String(rank), count, total, share: total ? count / total : 0 };
		})
	);
}

/** The ten scenarios with most rows counted below their declared tier (附件4 "/" there). */
export function scenarioShortfallsOf(
	cube: Cube,
	f: DashboardFilters,
	year: number
): ScenarioShortfall[] {
	const s = scenarioColumns(cube);
	const filter = keyFilter(s.keys, { ...f, year });
	const counts = new Map<number, number>();
	for (let i = 0; i < s.keys.length; i++) {
		const short = s.short[i] ?? 0;
		if (short > 0 && keyPasses(s.keys, filter, i)) addTo(counts, s.scenario[i] ?? 0, short);
	}
	return [...counts]
		.map(([scenario, count]) => ({ scenario, count }))
		.sort((a, b) => b.count - a.count || a.scenario - b.scenario)
		.slice(0, 10);
}
