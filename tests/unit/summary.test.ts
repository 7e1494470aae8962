import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cube } from '../../src/lib/cube/cube';
import type { NodeEngine } from '../../src/lib/db/node-engine';
import { oracleEngine } from '../oracle/engine';
import { oracleSummary } from '../oracle/summary';
import { summaryOf, type Summary } from '../../src/lib/figures/summary';
import { importFiles } from '../../src/lib/import/pipeline';

const FIXTURE = 'tests/fixtures/summary';
let engine: NodeEngine;
let cube: Cube;

beforeAll(async () => {
	const inputs = readdirSync(FIXTURE)
		.filter((name) => name.endsWith('.csv'))
		.map((name) => ({ name, bytes: readFileSync(`${FIXTURE}/${name}`) }));
	const result = importFiles(inputs);
	for (const report of result.reports) expect(report.rowsRejected, report.file).toBe(0);
	({ engine, cube } = await oracleEngine(inputs));
});
afterAll(() => engine?.close());

const region = (summary: Summary | null, code: string) =>
	summary?.coverage.byRegion.find((r) => r.code === code);
const industry = (summary: Summary | null, code: string) =>
	summary?.coverage.byIndustry.find((r) => r.code === code);

describe('summary on a hand-computed fixture', () => {
	it('2025: coverage = 2 / (20 + 20), by 盟市 and 行业; 规下 excluded', async () => {
		const s = summaryOf(cube, 2025);
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
		const s = summaryOf(cube, 2026);
		expect(s?.coverage.overall).toEqual({ numerator: 3, denominator: 100, rate: 0.03 });
		expect(region(s, '150100')).toMatchObject({ numerator: 1, denominator: 25, rate: 0.04 });
		expect(region(s, '150200')).toMatchObject({ numerator: 2, denominator: 20, rate: 0.1 });
		expect(industry(s, '26')).toMatchObject({ numerator: 1, denominator: 12 });
		expect(s?.tiers).toEqual({ basic: 3, advanced: 1, excellent: 0, leading: 0 });
		expect(s?.basicStarts).toEqual({ declared: 2, awarded: 1 });
		expect(s?.flagged).toBe(1);
	});

	it('defaults to the latest year', async () => {
		expect(summaryOf(cube)?.year).toBe(2026);
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
		expect(JSON.parse(stdout)).toEqual(summaryOf(cube, 2025));
	}, 60_000);

	it("npm run summary reads a .txt (Excel's Unicode 文本) too, and names the files it leaves", async () => {
		const dir = mkdtempSync(join(tmpdir(), 'summary-'));
		try {
			for (const name of readdirSync(FIXTURE).filter((n) => n.endsWith('.csv'))) {
				const text = readFileSync(`${FIXTURE}/${name}`, 'utf8');
				if (name !== '规上工业企业基数.csv') writeFileSync(join(dir, name), text);
				// The baseline as Excel saves "Unicode 文本": UTF-16LE with a BOM, named .txt.
				else writeFileSync(join(dir, '规上工业企业基数.txt'), '\uFEFF' + text, 'utf16le');
			}
			writeFileSync(join(dir, '说明.docx'), 'not data');
			const run = spawnSync('npx', ['tsx', 'scripts/summary.ts', '--data', dir, '--year', '2025'], {
				encoding: 'utf8'
			});
			expect(run.stderr).toContain('未读取：说明.docx');
			expect(run.stderr).toContain('规上工业企业基数.txt：规上工业企业基数');
			expect(JSON.parse(run.stdout)).toEqual(summaryOf(cube, 2025));
		} finally {
			rmSync(dir, { recursive: true });
		}
	}, 60_000);

	it('npm run summary for a year the data does not hold exits non-zero, saying so', () => {
		let failure: { status: number; stderr: string } | null = null;
		try {
			execFileSync('npx', ['tsx', 'scripts/summary.ts', '--data', FIXTURE, '--year', '2024'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe']
			});
		} catch (error) {
			failure = error as { status: number; stderr: string };
		}
		expect(failure?.status).toBe(2);
		expect(failure?.stderr).toContain('数据中没有 2024 年');
		expect(failure?.stderr).toContain('2025、2026');
		expect(failure?.stderr).not.toMatch(/\bat \S+ \(/); // no stack trace
	}, 60_000);

	it('coverage by tier: 先进级及以上, 卓越级及以上 and 领航级, overall, by 盟市 and by 行业', () => {
		const s = summaryOf(cube, 2026)!;
		for (const key of ['advanced', 'excellent', 'leading'] as const) {
			const tier = s.coverageByTier[key];
			expect(tier.overall.denominator).toBe(s.coverage.overall.denominator);
			expect(tier.overall.numerator).toBeLessThanOrEqual(s.coverage.overall.numerator);
			expect(tier.byRegion.map((r) => r.code)).toEqual(s.coverage.byRegion.map((r) => r.code));
			expect(tier.byIndustry.map((r) => r.code)).toEqual(s.coverage.byIndustry.map((r) => r.code));
			// The slices add up to the whole where every enterprise has a 盟市.
			expect(tier.byRegion.reduce((n, r) => n + r.numerator, 0)).toBe(tier.overall.numerator);
		}
		expect(s.coverageByTier.excellent.overall.numerator).toBeLessThanOrEqual(
			s.coverageByTier.advanced.overall.numerator
		);
	});
});

describe('the summary is a slice of the cube equal to the SQL oracle', () => {
	for (const dir of ['data/sample', FIXTURE, 'tests/fixtures/plan']) {
		it(dir, async () => {
			const inputs = readdirSync(dir)
				.filter((name) => name.endsWith('.csv'))
				.map((name) => ({ name, bytes: readFileSync(`${dir}/${name}`) }));
			const { engine: oracle, cube: own } = await oracleEngine(inputs);
			try {
				for (const year of summaryOf(own)!.years) {
					expect(summaryOf(own, year), `${year}`).toEqual(await oracleSummary(oracle, year));
				}
			} finally {
				oracle.close();
			}
		});
	}
});
