import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cube } from '../../src/lib/cube/cube';
import { oracleEngine } from '../oracle/engine';
import { summaryOf } from '../../src/lib/figures/summary';
import { importFiles } from '../../src/lib/import/pipeline';

const FIXTURE = 'tests/fixtures/plan';
let cube: Cube;
let inputs: { name: string; bytes: Uint8Array }[];

beforeAll(async () => {
	inputs = readdirSync(FIXTURE)
		.filter((name) => name.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(`${FIXTURE}/${name}`) }));
	const result = importFiles(inputs);
	for (const report of result.reports) expect(report.rowsRejected, report.file).toBe(0);
	expect(result.tables.region_targets).toHaveLength(3);
	const loaded = await oracleEngine(inputs);
	cube = loaded.cube;
	loaded.engine.close();
});

describe('计划落实 on a hand-computed fixture (tests/fixtures/plan/README.md)', () => {
	it('prior titles: who has one, who declared 先进级 or above again, who was recognised', async () => {
		const s = summaryOf(cube, 2026)!;
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
		const earlier = summaryOf(cube, 2025)!;
		expect(earlier.priorTitles.total).toMatchObject({
			withTitle: 2,
			declaredAdvanced: 0,
			recognised: 0
		});
	});

	it('national pipeline: recommended beside recognised and not recognised, never added', async () => {
		const s = summaryOf(cube, 2026)!;
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
		const s = summaryOf(cube, 2026)!;
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

	it('a 盟市 without declarations reaches 0 of its count targets, not nothing', async () => {
		const targets = new TextEncoder().encode(
			'盟市,指标,目标年度,目标值\n锡林郭勒盟,先进级,2027,1\n锡林郭勒盟,基础级新建,2026,2\n锡林郭勒盟,覆盖率,2027,20%\n'
		);
		const { engine, cube: withTargets } = await oracleEngine([
			...inputs,
			{ name: '锡林郭勒盟目标.csv', bytes: targets }
		]);
		try {
			const own = summaryOf(withTargets, 2026)!.regionTargets.filter((t) => t.code === '152500');
			expect(own.map((t) => [t.metric, t.actual])).toEqual([
				['advanced', 0],
				['basic_starts', 0],
				// No baseline count for 锡林郭勒盟: its coverage has no rate.
				['coverage', null]
			]);
		} finally {
			engine.close();
		}
	});

	it('an enterprise with two declarations in a year is in the 盟市 coverage places it, in either order', async () => {
		const header =
			'申报编号,企业编码,申报年度,盟市,行业代码,规上企业,申报层级,审核状态,认定层级,既有称号';
		const rows = [
			'SB2026-2,E1,2026,包头市,C26,是,基础级,已认定,基础级,自治区智能工厂',
			'SB2026-1,E1,2026,赤峰市,C26,是,基础级,已认定,基础级,自治区智能工厂'
		];
		const baseline = '年度,盟市,规上工业企业数\n2026,包头市,10\n2026,赤峰市,10\n';
		for (const order of [rows, [...rows].reverse()]) {
			const { engine, cube: tied } = await oracleEngine([
				{ name: '申报明细.csv', bytes: new TextEncoder().encode([header, ...order].join('\n')) },
				{ name: '规上工业企业基数.csv', bytes: new TextEncoder().encode(baseline) }
			]);
			try {
				const summary = summaryOf(tied, 2026)!;
				const covered = summary.coverage.byRegion.filter((r) => r.numerator > 0);
				const titled = summary.priorTitles.byRegion.filter((r) => r.withTitle > 0);
				// The larger 申报编号 decides the tie, for both figures.
				expect(covered.map((r) => r.name)).toEqual(['包头市']);
				expect(titled.map((r) => r.name)).toEqual(['包头市']);
			} finally {
				engine.close();
			}
		}
	});
});
