import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
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

describe('scenario_shares on the sample', () => {
	it('is, per year, 盟市, scenario and tier, the share of declarations with the scenario counted at that tier or above', async () => {
		const { declarations, scenarios } = result.tables;
		const ofDeclaration = new Map(declarations.map((d) => [d.declaration_id, d]));
		// Each declaration's best counted tier per scenario, worked out here from the rows.
		const best = new Map<string, number>();
		for (const s of scenarios) {
			const key = `${s.declaration_id}|${s.scenario_no}`;
			best.set(key, Math.max(best.get(key) ?? 0, s.counted_tier ?? 0));
		}
		const totals = new Map<string, number>();
		for (const d of declarations) {
			const key = `${d.year}|${d.region_code}`;
			totals.set(key, (totals.get(key) ?? 0) + 1);
		}
		const withScenario = new Map<string, number>();
		for (const [key, tier] of best) {
			const [id, no] = key.split('|');
			const d = ofDeclaration.get(id as string);
			if (!d) continue;
			for (let t = 1; t <= 4; t++) {
				if (tier < t) continue;
				const cell = `${d.year}|${d.region_code}|${no}|${t}`;
				withScenario.set(cell, (withScenario.get(cell) ?? 0) + 1);
			}
		}
		const rows = await engine.query<{
			year: number;
			region_code: string;
			scenario_no: number;
			tier: number;
			declarations_with: number;
			declarations: number;
			share: number;
		}>('SELECT * FROM scenario_shares');
		// Every (year, 盟市, scenario) a declaration built appears, with its four tiers.
		const built = new Set(
			[...best.keys()].map((key) => {
				const [id, no] = key.split('|');
				const d = ofDeclaration.get(id as string);
				return `${d?.year}|${d?.region_code}|${no}`;
			})
		);
		expect(rows.length).toBe(built.size * 4);
		for (const row of rows) {
			const cell = `${row.year}|${row.region_code}|${row.scenario_no}|${row.tier}`;
			const total = totals.get(`${row.year}|${row.region_code}`);
			expect(row.declarations, cell).toBe(total);
			expect(row.declarations_with, cell).toBe(withScenario.get(cell) ?? 0);
			expect(row.share, cell).toBeCloseTo(row.declarations_with / (total as number), 12);
		}
		expect(rows.some((r) => r.tier === 4 && r.declarations_with > 0)).toBe(true);
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
