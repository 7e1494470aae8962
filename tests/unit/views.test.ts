import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { makeCube } from '../../src/lib/db/make-cube';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { rowsOf } from '../../src/lib/cube/table';
import { importFiles } from '../../src/lib/import/pipeline';

const SAMPLE = 'data/sample';
const result = importFiles(
	readdirSync(SAMPLE).map((name) => ({ name, bytes: readFileSync(`${SAMPLE}/${name}`) }))
);
let engine: NodeEngine;

beforeAll(async () => {
	engine = await NodeEngine.create();
	await loadTables(engine, readSqlSources(), result.tables);
});
afterAll(() => engine?.close());

describe("the cube's scenarios table on the sample", () => {
	it('counts, per year, 盟市 and scenario, the declarations with the scenario counted at each tier or above', async () => {
		const { declarations, scenarios } = result.tables;
		const ofDeclaration = new Map(declarations.map((d) => [d.declaration_id, d]));
		// Each declaration's best counted tier per scenario, worked out here from the rows.
		const best = new Map<string, number>();
		for (const s of scenarios) {
			const key = `${s.declaration_id}|${s.scenario_no}`;
			best.set(key, Math.max(best.get(key) ?? 0, s.counted_tier ?? 0));
		}
		const expected = new Map<string, number>();
		for (const [key, tier] of best) {
			const [id, no] = key.split('|');
			const d = ofDeclaration.get(id as string);
			if (!d) continue;
			for (let t = 1; t <= tier; t++) {
				const cell = `${d.year}|${d.region_code}|${no}|${t}`;
				expected.set(cell, (expected.get(cell) ?? 0) + 1);
			}
		}
		// The cube keeps them by declaration key; summed over 行业, tier and status here.
		const cube = await makeCube(engine, readSqlSources().cube, {
			data: 'sample',
			asOf: '',
			files: []
		});
		const rows = rowsOf(cube.tables.scenarios);
		const got = new Map<string, number>();
		for (const row of rows) {
			for (let t = 1; t <= 4; t++) {
				const n = row[`t${t}`] as number;
				if (n === 0) continue;
				const cell = `${row.year}|${row.region}|${row.scenario}|${t}`;
				got.set(cell, (got.get(cell) ?? 0) + n);
			}
		}
		expect(got).toEqual(expected);
		expect([...got.keys()].some((cell) => cell.endsWith('|4'))).toBe(true);
	});
});

describe('enterprise_year', () => {
	/** Each enterprise as of each year, worked out here from the declarations. */
	function expectedEnterpriseYears(declarations: typeof result.tables.declarations) {
		const years = [...new Set(declarations.map((d) => d.year))].sort();
		return years.flatMap((year) => {
			const upTo = declarations.filter((d) => d.year <= year);
			return [...new Set(upTo.map((d) => d.enterprise_id))].map((enterprise) => {
				const own = upTo.filter((d) => d.enterprise_id === enterprise);
				const latest = own.reduce((a, b) =>
					b.year > a.year || (b.year === a.year && b.declaration_id > a.declaration_id) ? b : a
				);
				const awarded = own.filter((d) => d.status === 'approved').map((d) => d.awarded_tier ?? 0);
				return {
					year,
					enterprise_id: enterprise,
					region_code: latest.region_code,
					industry_code: latest.industry_code,
					above_scale: latest.above_scale,
					current_tier: Math.max(0, ...awarded)
				};
			});
		});
	}
	const byKey = (a: { year: number; enterprise_id: string }, b: typeof a) =>
		a.year - b.year || a.enterprise_id.localeCompare(b.enterprise_id);

	it('takes 盟市, 行业 and 规上 from the latest declaration up to the year (申报编号 breaks a tie)', async () => {
		const header = readFileSync(`${SAMPLE}/申报明细.csv`, 'utf8').split(/\r?\n/)[0];
		const indicators = '3,2,3,3,1,2,368.7,1,2,1,';
		const lines = [
			header,
			`SB2025-00001,E1,2025,呼和浩特市,新城区,27,中型,否,基础级,已认定,基础级,三级,${indicators}`,
			`SB2026-00001,E1,2026,包头市,昆都仑区,25,中型,是,先进级,未通过,,三级,${indicators}`,
			`SB2026-00002,E2,2026,包头市,青山区,31,小型,否,基础级,已认定,基础级,二级,${indicators}`,
			`SB2026-00003,E2,2026,赤峰市,红山区,13,小型,是,基础级,已认定,基础级,二级,${indicators}`
		];
		const small = importFiles([
			{ name: '申报明细.csv', bytes: new TextEncoder().encode(lines.join('\n') + '\n') }
		]);
		expect(small.reports[0]?.rowsLoaded).toBe(4);
		const own = await NodeEngine.create();
		try {
			await loadTables(own, readSqlSources(), small.tables);
			const rows = await own.query<{ year: number; enterprise_id: string }>(
				'SELECT * FROM enterprise_year ORDER BY year, enterprise_id'
			);
			expect(rows).toEqual([
				{
					year: 2025,
					enterprise_id: 'E1',
					region_code: '150100',
					industry_code: '27',
					above_scale: false,
					current_tier: 1
				},
				{
					year: 2026,
					enterprise_id: 'E1',
					region_code: '150200',
					industry_code: '25',
					above_scale: true,
					current_tier: 1
				},
				{
					year: 2026,
					enterprise_id: 'E2',
					region_code: '150400',
					industry_code: '13',
					above_scale: true,
					current_tier: 1
				}
			]);
		} finally {
			own.close();
		}
	});

	it('is, on the sample, what the declarations say', async () => {
		const rows = await engine.query<{ year: number; enterprise_id: string }>(
			'SELECT * FROM enterprise_year'
		);
		const expected = expectedEnterpriseYears(result.tables.declarations);
		expect(rows.length).toBeGreaterThan(500);
		expect([...rows].sort(byKey)).toEqual(expected.sort(byKey));
	});
});
