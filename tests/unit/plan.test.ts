import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { computeSummary } from '../../src/lib/db/summary';
import { importFiles } from '../../src/lib/import/pipeline';

const FIXTURE = 'tests/fixtures/plan';
let engine: NodeEngine;

beforeAll(async () => {
	const inputs = readdirSync(FIXTURE)
		.filter((name) => name.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(`${FIXTURE}/${name}`) }));
	const result = importFiles(inputs);
	for (const report of result.reports) expect(report.rowsRejected, report.file).toBe(0);
	expect(result.tables.region_targets).toHaveLength(3);
	engine = await NodeEngine.create();
	await loadTables(engine, readSqlSources(), result.tables);
});
afterAll(() => engine?.close());

describe('计划落实 on a hand-computed fixture (tests/fixtures/plan/README.md)', () => {
	it('prior titles: who has one, who declared 先进级 or above again, who was recognised', async () => {
		const s = (await computeSummary(engine, 2026))!;
		expect(s.priorTitles.total).toEqual({
			code: null,
			name: '全区',
			withTitle: 3,
			declaredAdvanced: 2,
			recognised: 1
		});
		const byCode = (code: string) => s.priorTitles.byRegion.find((r) => r.code === code);
		expect(byCode('150100')).toMatchObject({ withTitle: 2, declaredAdvanced: 2, recognised: 1 });
		expect(byCode('150200')).toMatchObject({ withTitle: 1, declaredAdvanced: 0, recognised: 0 });
		expect(s.priorTitles.byRegion).toHaveLength(12);
		const earlier = (await computeSummary(engine, 2025))!;
		expect(earlier.priorTitles.total).toMatchObject({
			withTitle: 2,
			declaredAdvanced: 0,
			recognised: 0
		});
	});

	it('national pipeline: recommended beside recognised and not recognised, never added', async () => {
		const s = (await computeSummary(engine, 2026))!;
		expect(s.nationalPipeline).toEqual([
			{ year: 2025, tier: 3, recommended: 0, recognised: 0, notRecognised: 1 },
			{ year: 2025, tier: 4, recommended: 0, recognised: 0, notRecognised: 0 },
			{ year: 2026, tier: 3, recommended: 1, recognised: 0, notRecognised: 0 },
			{ year: 2026, tier: 4, recommended: 0, recognised: 1, notRecognised: 0 }
		]);
		// The recommended 卓越级 is not an enterprise at 卓越级.
		expect(s.tiers.excellent).toBe(0);
	});

	it('盟市 own targets beside what each reached in the year', async () => {
		const s = (await computeSummary(engine, 2026))!;
		expect(s.regionTargets).toEqual([
			{
				code: '150100',
				name: '呼和浩特市',
				metric: 'advanced',
				targetYear: 2027,
				target: 2,
				actual: 1
			},
			{
				code: '150100',
				name: '呼和浩特市',
				metric: 'coverage',
				targetYear: 2027,
				target: 0.3,
				actual: 0.04
			},
			{
				code: '150200',
				name: '包头市',
				metric: 'basic_starts',
				targetYear: 2026,
				target: 3,
				actual: 1
			}
		]);
	});
});
