/**
 * Drill-through (figures/drill.ts): the rows behind a figure are exactly as many as the figure
 * counts — coverage numerators, tier counts, starts, declaration counts and every scenario cell
 * — on many slices of the sample and of random data sets, and they are the declarations the SQL
 * oracle names for a scenario cell.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cube } from '../../src/lib/cube/cube';
import { decodeDrillRows, encodeDrillRows, type DrillRows } from '../../src/lib/cube/drill';
import { makeDrillRows } from '../../src/lib/db/make-cube';
import { readSqlSources, type NodeEngine } from '../../src/lib/db/node-engine';
import { regions } from '../../src/lib/domain/catalogue';
import { basicStartsOf } from '../../src/lib/figures/basic-starts';
import { cubeYears, enterprisesOf, overviewOf, regionRowsOf } from '../../src/lib/figures/coverage';
import { drillRows } from '../../src/lib/figures/drill';
import { scenarioByRegionOf, scenarioByTierOf } from '../../src/lib/figures/scenarios';
import { NO_FILTERS } from '../../src/lib/figures/types';
import { oracleEngine } from '../oracle/engine';
import { randomDataSet } from '../oracle/random-data';

const sets: Record<string, { engine: NodeEngine; cube: Cube; drill: DrillRows }> = {};
const files = (dir: string) =>
	readdirSync(dir)
		.filter((n) => n.endsWith('.csv'))
		.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) }));

beforeAll(async () => {
	const inputs: Record<string, { name: string; bytes: Uint8Array }[]> = {
		sample: files('data/sample'),
		plan: files('tests/fixtures/plan'),
		'random 2': randomDataSet(2),
		'random 5': randomDataSet(5)
	};
	for (const [name, set] of Object.entries(inputs)) {
		const { engine, cube } = await oracleEngine(set);
		const made = await makeDrillRows(engine, readSqlSources().drill, cube.origin);
		// Through its bytes, as the site keeps it.
		sets[name] = { engine, cube, drill: decodeDrillRows(encodeDrillRows(made).slice().buffer) };
	}
}, 120_000);
afterAll(() => Object.values(sets).forEach(({ engine }) => engine.close()));

const SLICES = [
	{ region: null, industry: null },
	...regions.slice(0, 4).map((r) => ({ region: r.code, industry: null })),
	{ region: null, industry: '31' },
	{ region: '150200', industry: '31' }
];

describe('the rows behind a figure are as many as it counts', () => {
	for (const name of ['sample', 'plan', 'random 2', 'random 5']) {
		it(name, () => {
			const { cube, drill } = sets[name]!;
			for (const year of cubeYears(cube)) {
				for (const slice of SLICES) {
					const at = `${year} ${JSON.stringify(slice)}`;
					for (const threshold of [1, 2, 3, 4]) {
						const { coverage } = enterprisesOf(cube, year, slice, threshold);
						const rows = drillRows(drill, { kind: 'covered', year, ...slice, threshold });
						expect(rows.length, `covered ${threshold} ${at}`).toBe(coverage.numerator);
					}
					const { tiers } = enterprisesOf(cube, year, slice);
					(['basic', 'advanced', 'excellent', 'leading'] as const).forEach((key, i) => {
						const rows = drillRows(drill, { kind: 'tier', year, ...slice, tier: i + 1 });
						expect(rows.length, `tier ${key} ${at}`).toBe(tiers[key]);
					});
					for (const status of [null, 'approved', 'rejected']) {
						const starts = basicStartsOf(cube, year, { ...slice, status });
						const target = { kind: 'starts', year, ...slice, status } as const;
						expect(drillRows(drill, { ...target, awarded: false }).length, at).toBe(
							starts.declared
						);
						expect(drillRows(drill, { ...target, awarded: true }).length, at).toBe(starts.awarded);
					}
					for (const [tier, status] of [
						[null, null],
						[2, null],
						[1, 'approved']
					] as const) {
						const f = { ...NO_FILTERS, year, ...slice, tier, status };
						const overview = overviewOf(cube, f)!;
						const target = { kind: 'declarations', year, ...slice, tier, status } as const;
						expect(drillRows(drill, target).length, at).toBe(overview.declarations);
						expect(drillRows(drill, { ...target, only: 'flagged' }).length, at).toBe(
							overview.flagged
						);
						for (const cell of scenarioByTierOf(cube, f, year)) {
							const rows = drillRows(drill, {
								kind: 'scenario',
								year,
								...slice,
								tier,
								status,
								scenario: cell.scenario,
								atOrAbove: Number(cell.column)
							});
							expect(rows.length, `scenario ${cell.scenario}/${cell.column} ${at}`).toBe(
								cell.count
							);
						}
					}
				}
				// The 盟市 heatmap's cells and the 盟市 table's rejected declarations.
				for (const cell of scenarioByRegionOf(cube, { ...NO_FILTERS, year }, year)) {
					const rows = drillRows(drill, {
						kind: 'scenario',
						year,
						region: cell.column,
						industry: null,
						tier: null,
						status: null,
						scenario: cell.scenario,
						atOrAbove: 1
					});
					expect(rows.length, `${cell.column} ${cell.scenario} ${year}`).toBe(cell.count);
				}
				for (const row of regionRowsOf(cube, { ...NO_FILTERS, year }, year)) {
					const rows = drillRows(drill, {
						kind: 'declarations',
						year,
						region: row.code,
						industry: null,
						tier: null,
						status: null,
						only: 'rejected'
					});
					expect(rows.length, `rejected ${row.code} ${year}`).toBe(row.rejected);
				}
			}
		});
	}
});

describe('a scenario cell lists the declarations SQL names', () => {
	it('the sample, 2026, 14 在线智能检测 at 先进级 or above in 包头市', async () => {
		const { engine, drill } = sets.sample!;
		const rows = drillRows(drill, {
			kind: 'scenario',
			year: 2026,
			region: '150200',
			industry: null,
			tier: null,
			status: null,
			scenario: 14,
			atOrAbove: 1
		});
		const sql = await engine.query<{ id: string }>(`
			SELECT DISTINCT d.declaration_id AS id FROM declarations d JOIN scenarios s USING (declaration_id)
			WHERE d.year = 2026 AND d.region_code = '150200' AND s.scenario_no = 14 AND s.counted_tier >= 1
			ORDER BY id`);
		expect(sql.length).toBeGreaterThan(0);
		expect(rows.map((r) => r.declaration)).toEqual(sql.map((r) => r.id));
		for (const row of rows) {
			expect(row.region).toBe('150200');
			expect(row.scenarios.find((s) => s.scenario === 14)?.tier).toBeGreaterThanOrEqual(1);
		}
	});
});
