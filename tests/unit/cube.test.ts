/**
 * Every page's figures are slices of the cube (src/lib/figures/): here each is held equal to
 * the SQL oracle (tests/oracle/: the figure computed per filter over the loaded rows) on many
 * filter combinations, on the sample, the hand-made fixtures, random data sets with upgrades,
 * rejections, non-规上 enterprises, 盟市 without declarations and 盟市目标, and partial loads —
 * and the cube read back from its bytes (its core alone, for the pages that read only that)
 * gives the same figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	decodeCube,
	decodeCubeCore,
	encodeCube,
	withDetail,
	type Cube
} from '../../src/lib/cube/cube';
import type { NodeEngine } from '../../src/lib/db/node-engine';
import * as slices from '../../src/lib/figures/pages';
import { REGION_COLUMNS, scenarioHeatmapModel } from '../../src/lib/charts/heatmap-table';
import { NO_FILTERS, type DashboardFilters } from '../../src/lib/figures/types';
import { oracleEngine } from '../oracle/engine';
import * as oracle from '../oracle/pages';
import { randomDataSet } from '../oracle/random-data';

const PAGES = [
	'overviewPage',
	'regionsPage',
	'industriesPage',
	'scenariosPage',
	'assessmentPage',
	'planPage'
] as const;

const FILTERS: Partial<DashboardFilters>[] = [
	{},
	{ year: 2025 },
	{ year: 2024 },
	{ region: '150100' },
	{ region: '150600', year: 2025 },
	{ industry: '26' },
	{ industry: '31' },
	{ region: '150100', industry: '26' },
	{ tier: 2 },
	{ tier: 4 },
	{ tier: 1, status: 'approved' },
	{ status: 'rejected' },
	{ status: 'recommended' },
	{ status: 'pending', region: '150200' },
	{ tier: 3, industry: '06' },
	{ year: 2026, region: '152900', industry: '32', tier: 1, status: 'approved' },
	{ year: 2026, region: '150200', industry: '13', tier: 2 }
];

/** Every page, and one 盟市's page, from the cube and from the oracle, for the filters. */
async function expectEqualPages(
	cube: Cube,
	engine: NodeEngine,
	partial: Partial<DashboardFilters>
) {
	const filters = { ...NO_FILTERS, ...partial };
	for (const page of PAGES) {
		expect(slices[page](cube, filters), `${page} ${JSON.stringify(partial)}`).toEqual(
			await oracle[page](engine, filters)
		);
	}
	// One 盟市's own page always has a 盟市 (fixed by the page).
	const own = { ...filters, region: filters.region ?? '150100' };
	expect(slices.regionDetailPage(cube, own), `regionDetailPage ${JSON.stringify(own)}`).toEqual(
		await oracle.regionDetailPage(engine, own)
	);
}

const filesOf = (dir: string) =>
	readdirSync(dir)
		.filter((n) => n.endsWith('.csv'))
		.map((name) => ({ name, bytes: new Uint8Array(readFileSync(`${dir}/${name}`)) }));

// The plan fixture has a 盟市目标 file; the summary one a baseline with and without industry
// rows; the random sets everything in small numbers.
const DATA_SETS: Record<string, () => { name: string; bytes: Uint8Array }[]> = {
	sample: () => filesOf('data/sample'),
	'summary fixture': () => filesOf('tests/fixtures/summary'),
	'plan fixture': () => filesOf('tests/fixtures/plan'),
	...Object.fromEntries(
		[1, 2, 3, 4, 5, 6, 7, 8].map((seed) => [`random ${seed}`, () => randomDataSet(seed)])
	)
};

const loaded: Record<string, { engine: NodeEngine; cube: Cube }> = {};

beforeAll(async () => {
	for (const [name, files] of Object.entries(DATA_SETS)) loaded[name] = await oracleEngine(files());
}, 120_000);
afterAll(() => Object.values(loaded).forEach(({ engine }) => engine.close()));

describe('every page sliced from the cube equals the SQL oracle', () => {
	for (const name of Object.keys(DATA_SETS)) {
		it(name, { timeout: 60_000 }, async () => {
			const { cube, engine } = loaded[name]!;
			for (const partial of FILTERS) await expectEqualPages(cube, engine, partial);
		});
	}
});

describe('a figure that leaves a filter out stays the same object under a change of it alone', () => {
	it('the by-盟市 figures under a 盟市 change, the by-tier ones under a tier change', () => {
		const { cube } = loaded.sample!;
		const at = (f: Partial<DashboardFilters>) => ({ ...NO_FILTERS, year: 2025, ...f });
		const scenariosIn = (f: Partial<DashboardFilters>) => slices.scenariosPage(cube, at(f))!;
		const first = scenariosIn({ region: '150100' });
		const second = scenariosIn({ region: '150200' });
		expect(second.byRegion).toBe(first.byRegion);
		expect(second.byTier).not.toEqual(first.byTier);
		// …and the heatmap drawn from it is the one drawn before: nothing to compare or redraw.
		const model = (cells: typeof first.byRegion) =>
			scenarioHeatmapModel(cells, REGION_COLUMNS, 'region');
		expect(model(second.byRegion)).toBe(model(first.byRegion));
		// Another filter it reads gives other figures.
		const third = scenariosIn({ region: '150200', tier: 2 });
		expect(third.byRegion).not.toBe(second.byRegion);
		expect(third.byRegion).not.toEqual(second.byRegion);
		expect(model(third.byRegion)).not.toBe(model(second.byRegion));

		const regionsIn = (f: Partial<DashboardFilters>) => slices.regionsPage(cube, at(f))!;
		expect(regionsIn({ region: '150200' }).regions).toBe(regionsIn({ region: '150300' }).regions);
		const assessmentIn = (f: Partial<DashboardFilters>) => slices.assessmentPage(cube, at(f))!;
		const a = assessmentIn({ tier: 1 });
		const b = assessmentIn({ tier: 2 });
		expect(b.meansByTier).toBe(a.meansByTier);
		expect(b.maturity).toBe(a.maturity);
		expect(b.meansByRegion).not.toEqual(a.meansByRegion);
	});
});

describe('the random data sets carry what the comparison must see', () => {
	it('upgrades, rejections, non-规上, 盟市 without declarations, targets', async () => {
		const seen = { upgrades: 0, rejected: 0, belowScale: 0, emptyRegions: 0, targets: 0 };
		for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
			const { engine } = loaded[`random ${seed}`]!;
			const [row] = await engine.query<Record<keyof typeof seen, number>>(`
				SELECT
					(SELECT count(*) FROM (SELECT enterprise_id FROM declarations GROUP BY 1
						HAVING count(DISTINCT declared_tier) > 1))::INTEGER AS upgrades,
					(SELECT count(*) FROM declarations WHERE status = 'rejected')::INTEGER AS rejected,
					(SELECT count(*) FROM declarations WHERE NOT above_scale)::INTEGER AS "belowScale",
					(SELECT count(*) FROM ref_regions WHERE code NOT IN
						(SELECT region_code FROM declarations))::INTEGER AS "emptyRegions",
					(SELECT count(*) FROM region_targets)::INTEGER AS targets`);
			for (const key of Object.keys(seen) as (keyof typeof seen)[]) seen[key] += row![key];
		}
		for (const [key, n] of Object.entries(seen)) expect(n, key).toBeGreaterThan(0);
	});
});

/** A part's bytes as the buffer IndexedDB or `fetch` hands over. */
const own = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;

describe('the cube read back from its bytes gives the same figures', () => {
	const CORE_PAGES = ['overviewPage', 'regionsPage', 'industriesPage', 'planPage'] as const;
	for (const name of ['sample', 'plan fixture', 'random 3']) {
		it(name, () => {
			const { cube } = loaded[name]!;
			const bytes = encodeCube(cube);
			const back = decodeCube(bytes);
			const core = decodeCubeCore(own(bytes.core));
			expect(back.origin).toEqual(cube.origin);
			expect(Object.keys(core.tables)).not.toContain('scenarios');
			for (const partial of FILTERS) {
				const filters = { ...NO_FILTERS, ...partial };
				for (const page of PAGES)
					expect(slices[page](back, filters)).toEqual(slices[page](cube, filters));
				for (const page of CORE_PAGES)
					expect(slices[page](core, filters)).toEqual(slices[page](cube, filters));
			}
		});
	}

	it('refuses bytes that are not a part of a cube of this version, or of another cube', () => {
		const bytes = encodeCube(loaded.sample!.cube);
		const core = decodeCubeCore(own(bytes.core));
		expect(() => decodeCubeCore(new Uint8Array(10).buffer)).toThrow(/汇总数据格式不符/);
		const truncated = bytes.core.slice(0, bytes.core.length - 100).buffer;
		expect(() => decodeCubeCore(truncated)).toThrow(/越界/);
		const other = encodeCube({ ...loaded.sample!.cube, version: 0 });
		expect(() => decodeCubeCore(own(other.core))).toThrow(/版本/);
		expect(() => decodeCubeCore(own(bytes.detail))).toThrow(/不是主体部分/);
		expect(() => withDetail(core, own(bytes.core))).toThrow(/不是明细部分/);
		const elsewhere = encodeCube(loaded['plan fixture']!.cube);
		expect(() => withDetail(core, own(elsewhere.detail))).toThrow(/不是同一份数据/);
	});
});

describe('partial loads: the cube gives what the oracle gives (null where it does)', () => {
	const PARTIAL: Record<string, string[]> = {
		'the baseline only': ['规上工业企业基数.csv'],
		'declarations without scenario rows': ['申报明细.csv'],
		'declarations and scenarios without a baseline': ['申报明细.csv', '建设场景明细.csv'],
		'no files': []
	};
	for (const [label, names] of Object.entries(PARTIAL)) {
		it(label, { timeout: 60_000 }, async () => {
			const files = filesOf('data/sample').filter((f) => names.includes(f.name));
			const { engine, cube } = await oracleEngine(files);
			try {
				for (const partial of [{}, { region: '150100', tier: 2 }, { year: 2025, industry: '26' }])
					await expectEqualPages(cube, engine, partial);
			} finally {
				engine.close();
			}
		});
	}
});
