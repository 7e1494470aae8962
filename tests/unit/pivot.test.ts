import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { pivotProblem, pivotSql, toPivotTable, type PivotSpec } from '../../src/lib/explore/pivot';
import { importFiles } from '../../src/lib/import/pipeline';

const FIXTURE = 'tests/fixtures/summary';
let engine: NodeEngine;

beforeAll(async () => {
	const inputs = readdirSync(FIXTURE)
		.filter((n) => n.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(`${FIXTURE}/${name}`) }));
	engine = await NodeEngine.create();
	await loadTables(engine, readSqlSources(), importFiles(inputs).tables);
});
afterAll(() => engine?.close());

async function pivot(spec: PivotSpec) {
	const rows = await engine.query<{
		row_key: string | null;
		column_key: string | null;
		value: number | null;
	}>(pivotSql(spec));
	return toPivotTable(
		rows.map((r) => ({ row: r.row_key, column: r.column_key, value: r.value })),
		spec
	);
}

describe('pivot on the hand-computed fixture', () => {
	it('enterprises by 盟市 × 现有层级 in 2026, with exact totals', async () => {
		const t = await pivot({ rows: 'region', columns: 'tier', measure: 'enterprises', year: 2026 });
		expect(t.rowKeys).toEqual(['150100', '150200']);
		expect(t.columnKeys).toEqual(['1', '2']);
		// 呼和浩特: E1 先进级, E4 基础级 (规下, still a smart factory); 包头: E2, E3 基础级.
		expect([t.value('150100', '1'), t.value('150100', '2')]).toEqual([1, 1]);
		expect([t.value('150200', '1'), t.value('150200', '2')]).toEqual([2, null]);
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
