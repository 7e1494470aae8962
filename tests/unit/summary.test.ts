import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { computeSummary, type Summary } from '../../src/lib/db/summary';
import { importFiles } from '../../src/lib/import/pipeline';

const FIXTURE = 'tests/fixtures/summary';
let engine: NodeEngine;

beforeAll(async () => {
	const inputs = readdirSync(FIXTURE)
		.filter((name) => name.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(`${FIXTURE}/${name}`) }));
	const result = importFiles(inputs);
	for (const report of result.reports) expect(report.rowsRejected, report.file).toBe(0);
	engine = await NodeEngine.create();
	await loadTables(engine, readSqlSources(), result.tables);
});
afterAll(() => engine?.close());

const region = (summary: Summary | null, code: string) =>
	summary?.coverage.byRegion.find((r) => r.code === code);
const industry = (summary: Summary | null, code: string) =>
	summary?.coverage.byIndustry.find((r) => r.code === code);

describe('summary on a hand-computed fixture', () => {
	it('2025: coverage = 2 / (20 + 20), by 盟市 and 行业; 规下 excluded', async () => {
		const s = await computeSummary(engine, 2025);
		expect(s?.years).toEqual([2025, 2026]);
		expect(s?.coverage.overall).toEqual({ numerator: 2, denominator: 40, rate: 0.05 });
		expect(region(s, '150100')).toMatchObject({
			name: '呼和浩特市',
			numerator: 1,
			denominator: 20,
			rate: 0.05
		});
		expect(region(s, '150200')).toMatchObject({ numerator: 1, denominator: 20, rate: 0.05 });
		expect(region(s, '152900')).toMatchObject({ numerator: 0, denominator: null, rate: null });
		expect(s?.coverage.byRegion).toHaveLength(12);
		expect(industry(s, '26')).toMatchObject({ numerator: 1, denominator: 10, rate: 0.1 });
		expect(industry(s, '13')).toMatchObject({ numerator: 0, denominator: 10, rate: 0 });
		expect(industry(s, '31')).toMatchObject({ numerator: 1, denominator: null, rate: null });
		expect(s?.tiers).toEqual({ basic: 3, advanced: 0, excellent: 0, leading: 0 });
		expect(s?.basicStarts).toEqual({ declared: 4, awarded: 3 });
		expect(s?.declarations).toBe(4);
		expect(s?.flagged).toBe(1);
	});

	it('2026: own rows win over sums (全区 100, 呼和浩特 25); current tier carries over', async () => {
		const s = await computeSummary(engine, 2026);
		expect(s?.coverage.overall).toEqual({ numerator: 3, denominator: 100, rate: 0.03 });
		expect(region(s, '150100')).toMatchObject({ numerator: 1, denominator: 25, rate: 0.04 });
		expect(region(s, '150200')).toMatchObject({ numerator: 2, denominator: 20, rate: 0.1 });
		expect(industry(s, '26')).toMatchObject({ numerator: 1, denominator: 12 });
		expect(s?.tiers).toEqual({ basic: 3, advanced: 1, excellent: 0, leading: 0 });
		expect(s?.basicStarts).toEqual({ declared: 2, awarded: 1 });
		expect(s?.flagged).toBe(1);
	});

	it('defaults to the latest year', async () => {
		expect((await computeSummary(engine))?.year).toBe(2026);
	});

	it('npm run summary prints the same JSON', async () => {
		const stdout = execFileSync(
			'npx',
			['tsx', 'scripts/summary.ts', '--data', FIXTURE, '--year', '2025'],
			{
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		expect(JSON.parse(stdout)).toEqual(await computeSummary(engine, 2025));
	}, 60_000);
});
