import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cube } from '../../src/lib/cube/cube';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import {
	pivotCells,
	pivotProblem,
	pivotSql,
	toPivotTable,
	type PivotQueryRow,
	type PivotSpec
} from '../../src/lib/explore/pivot';
import { CUBE_MEASURES, cubePivotCells } from '../../src/lib/explore/pivot-cube';
import { importFiles } from '../../src/lib/import/pipeline';
import { oracleEngine } from '../oracle/engine';
import type { DeclarationRow } from '../../src/lib/import/tables';

const FIXTURE = 'tests/fixtures/summary';
let engine: NodeEngine;
let cube: Cube;

beforeAll(async () => {
	const inputs = readdirSync(FIXTURE)
		.filter((n) => n.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(`${FIXTURE}/${name}`) }));
	({ engine, cube } = await oracleEngine(inputs));
});
afterAll(() => engine?.close());

/** The pivot as the 探索 page makes it: the cube's measures sliced, the others queried. */
async function pivot(spec: PivotSpec) {
	if (CUBE_MEASURES.has(spec.measure)) return toPivotTable(cubePivotCells(cube, spec), spec);
	const rows = await engine.query<PivotQueryRow>(pivotSql(spec));
	return toPivotTable(pivotCells(spec, rows), spec);
}

describe('pivot on the hand-computed fixture', () => {
	it('enterprises by 盟市 × 现有层级 in 2026, with exact totals', async () => {
		const t = await pivot({ rows: 'region', columns: 'tier', measure: 'enterprises', year: 2026 });
		expect(t.rowKeys).toEqual(['150100', '150200']);
		expect(t.columnKeys).toEqual(['1', '2']);
		// 呼和浩特: E1 先进级, E4 基础级 (规下, still a smart factory); 包头: E2, E3 基础级.
		expect([t.value('150100', '1'), t.value('150100', '2')]).toEqual([1, 1]);
		// A count of nothing is 0.
		expect([t.value('150200', '1'), t.value('150200', '2')]).toEqual([2, 0]);
		expect(t.value(null, null)).toBe(4);
	});

	it('declarations by 环节 count a declaration once in the total though it spans 环节', async () => {
		const t = await pivot({ rows: 'segment', columns: null, measure: 'declarations', year: 2026 });
		expect(t.value('生产作业', null)).toBe(4); // D5, D6, D7, D8
		expect(t.value('工厂建设', null)).toBe(1); // D8
		expect(t.value(null, null)).toBe(4);
	});

	it('refuses dimensions a measure cannot be split by', () => {
		expect(
			pivotProblem({ rows: 'segment', columns: null, measure: 'enterprises', year: null })
		).toContain('不能按');
		expect(
			pivotProblem({ rows: 'region', columns: 'region', measure: 'declarations', year: null })
		).toContain('同一维度');
	});
});

describe('coverage in the pivot', () => {
	it('uses each slice’s own baseline row: 全区 100, 呼和浩特 25, 包头 20 in 2026', async () => {
		const t = await pivot({ rows: 'region', columns: null, measure: 'coverage', year: 2026 });
		expect(t.value('150100', null)).toBeCloseTo(4); // E1 / 25
		expect(t.value('150200', null)).toBeCloseTo(10); // E2, E3 / 20
		expect(t.value(null, null)).toBeCloseTo(3); // 3 / 100 (the 全区 row)
	});

	it('by 年度 × 行业: a 大类 without baseline rows has no rate; no total across years', async () => {
		const t = await pivot({ rows: 'year', columns: 'industry', measure: 'coverage', year: null });
		expect(t.value('2025', '26')).toBeCloseTo(10); // E1 / 10
		expect(t.value('2025', '31')).toBeNull(); // 包头 has no industry rows
		expect(t.value(null, '26')).toBeNull();
	});
});

describe('share of declarations with a scenario', () => {
	it('場景 × 审核状态 in 2026: of the 4 declarations, 3 built 9 产线柔性配置', async () => {
		const t = await pivot({
			rows: 'scenario',
			columns: 'status',
			measure: 'scenarioShare',
			year: 2026
		});
		// 2026: D5 approved, D6 approved, D7 pending, D8 recommended; all but none built 9.
		expect(t.value('9', 'approved')).toBeCloseTo(100); // D5, D6 of 2 approved
		expect(t.value('9', 'pending')).toBeCloseTo(100); // D7
		expect(t.value('31', 'recommended')).toBeCloseTo(100); // D8 built 31
		expect(t.value('31', 'approved')).toBeNull(); // no approved declaration built it: an empty cell
		expect(t.value('31', null)).toBeCloseTo(25); // 1 of 4
	});

	it('totals are sums of numerators over sums of denominators, never sums of shares', async () => {
		const t = await pivot({
			rows: 'scenario',
			columns: 'status',
			measure: 'scenarioShare',
			year: 2026
		});
		// 2026 builds: D5 10 scenarios, D6 5 (both approved), D7 3 (pending), D8 15 (recommended);
		// 17 scenarios are built by someone, so each status's 合计 is its builds ÷ (17 × its declarations).
		expect(t.rowKeys).toHaveLength(17);
		expect(t.value(null, 'approved')).toBeCloseTo((100 * 15) / (17 * 2), 9);
		expect(t.value(null, 'pending')).toBeCloseTo((100 * 3) / 17, 9);
		expect(t.value(null, 'recommended')).toBeCloseTo((100 * 15) / 17, 9);
		expect(t.value(null, null)).toBeCloseTo((100 * 33) / (17 * 4), 9);
		// A scenario's 合计 over the statuses: its declarations of all 4 (D5, D6 built 13).
		expect(t.value('13', null)).toBeCloseTo(50, 9);
		expect(t.value('9', null)).toBeCloseTo(100, 9);
		// Without columns the corner is the same ratio.
		const single = await pivot({
			rows: 'scenario',
			columns: null,
			measure: 'scenarioShare',
			year: 2026
		});
		expect(single.value(null, null)).toBeCloseTo((100 * 33) / (17 * 4), 9);
	});

	it('by 盟市 as rows and 场景 as columns: a 盟市’s 合计 over its declarations', async () => {
		const t = await pivot({
			rows: 'region',
			columns: 'scenario',
			measure: 'scenarioShare',
			year: 2026
		});
		// 呼和浩特 2026: D5, D7, D8 (28 builds); 包头: D6 (5 builds); 17 scenarios.
		expect(t.value('150100', null)).toBeCloseTo((100 * 28) / (17 * 3), 9);
		expect(t.value('150200', null)).toBeCloseTo((100 * 5) / 17, 9);
		expect(t.value(null, '9')).toBeCloseTo(100, 9);
		expect(t.value(null, '31')).toBeCloseTo(25, 9);
	});

	it('needs 场景 as rows or columns', () => {
		expect(
			pivotProblem({ rows: 'region', columns: null, measure: 'scenarioShare', year: null })
		).toContain('场景');
	});
});

describe('附件3 indicators in the pivot (sample data, checked in plain TypeScript)', () => {
	let sample: NodeEngine;
	let declarations: DeclarationRow[];
	beforeAll(async () => {
		const inputs = readdirSync('data/sample').map((name) => ({
			name,
			bytes: readFileSync(`data/sample/${name}`)
		}));
		const tables = importFiles(inputs).tables;
		declarations = tables.declarations.filter((d) => d.year === 2026);
		sample = await NodeEngine.create();
		await loadTables(sample, readSqlSources(), tables);
	});
	afterAll(() => sample?.close());

	const run = async (spec: PivotSpec) => {
		const rows = await sample.query<PivotQueryRow>(pivotSql(spec));
		return toPivotTable(pivotCells(spec, rows), spec);
	};

	it('declarations by the level of 研发设计数字化水平 (0 = 不涉及)', async () => {
		const t = await run({
			rows: 'indicatorLevel',
			columns: null,
			measure: 'declarations',
			year: 2026,
			indicator: 'rd_design'
		});
		const expected = new Map<string, number>();
		for (const d of declarations) {
			if (d.ind_rd_design === null) continue;
			const key = String(d.ind_rd_design);
			expected.set(key, (expected.get(key) ?? 0) + 1);
		}
		expect(t.rowKeys).toEqual([...expected.keys()].sort());
		for (const [level, n] of expected) expect(t.value(level, null), level).toBe(n);
		expect(t.rowKeys).toContain('0');
	});

	it('mean level by 盟市: each declaration’s mean of its stated levels, averaged', async () => {
		const t = await run({ rows: 'region', columns: null, measure: 'indicatorMean', year: 2026 });
		const keys = [
			'ind_rd_design',
			'ind_production_operation',
			'ind_production_management',
			'ind_business_management',
			'ind_marketing_service',
			'ind_supply_chain',
			'ind_network_security',
			'ind_data_elements',
			'ind_organization_talent'
		] as const;
		const perDeclaration = (d: DeclarationRow) => {
			const levels = keys.map((k) => d[k]).filter((v): v is number => v !== null && v !== 0);
			return levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : null;
		};
		const ordos = declarations
			.filter((d) => d.region_code === '150600')
			.map(perDeclaration)
			.filter((v): v is number => v !== null);
		expect(t.value('150600', null)).toBeCloseTo(ordos.reduce((a, b) => a + b, 0) / ordos.length, 9);
	});
});
