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
