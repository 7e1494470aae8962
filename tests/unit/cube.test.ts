import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCube, overviewFromCube, type Cube } from '../../src/lib/dashboard/cube';
import {
	assessmentPageFromCube,
	industriesPageFromCube,
	overviewPageFromCube,
	planPageFromCube,
	regionDetailPageFromCube,
	regionsPageFromCube,
	scenariosPageFromCube
} from '../../src/lib/dashboard/live-pages';
import {
	assessmentPage,
	industriesPage,
	overviewPage,
	planPage,
	regionDetailPage,
	regionsPage,
	scenariosPage
} from '../../src/lib/dashboard/pages';
import { NO_FILTERS, type DashboardFilters } from '../../src/lib/dashboard/types';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { importFiles } from '../../src/lib/import/pipeline';

// The plan fixture has a 盟市目标 file (the 盟市 pages show it); the summary one a baseline
// with and without industry rows.
const DATA_SETS = ['data/sample', 'tests/fixtures/summary', 'tests/fixtures/plan'];
const engines: Record<string, NodeEngine> = {};
const cubes: Record<string, Cube> = {};

beforeAll(async () => {
	for (const dir of DATA_SETS) {
		const inputs = readdirSync(dir)
			.filter((n) => n.endsWith('.csv'))
			.map((name) => ({ name, bytes: readFileSync(`${dir}/${name}`) }));
		const engine = await NodeEngine.create();
		await loadTables(engine, readSqlSources(), importFiles(inputs).tables);
		engines[dir] = engine;
		cubes[dir] = await loadCube(engine);
	}
});
afterAll(() => Object.values(engines).forEach((e) => e.close()));

const FILTERS: Partial<DashboardFilters>[] = [
	{},
	{ year: 2025 },
	{ region: '150100' },
	{ region: '150600', year: 2025 },
	{ industry: '26' },
	{ industry: '31' },
	{ region: '150100', industry: '26' },
	{ tier: 2 },
	{ tier: 1, status: 'approved' },
	{ status: 'rejected' },
	{ status: 'pending', region: '150200' },
	{ tier: 3, industry: '06' },
	{ year: 2026, region: '152900', industry: '32', tier: 1, status: 'approved' }
];

describe('the 总览 cube gives exactly what the SQL queries give', () => {
	for (const dir of DATA_SETS) {
		for (const partial of FILTERS) {
			it(`${dir} ${JSON.stringify(partial)}`, async () => {
				const filters = { ...NO_FILTERS, ...partial };
				const engine = engines[dir] as NodeEngine;
				expect(overviewFromCube(cubes[dir] as Cube, filters)).toEqual(
					await overviewPage(engine, filters)
				);
			});
		}
	}
});

describe('the other dashboard pages from the cubes give exactly what the SQL queries give', () => {
	for (const dir of DATA_SETS) {
		for (const partial of FILTERS) {
			it(`${dir} ${JSON.stringify(partial)}`, async () => {
				const filters = { ...NO_FILTERS, ...partial };
				const engine = engines[dir] as NodeEngine;
				expect(await regionsPageFromCube(engine, filters)).toEqual(
					await regionsPage(engine, filters)
				);
				expect(await industriesPageFromCube(engine, filters)).toEqual(
					await industriesPage(engine, filters)
				);
				expect(await scenariosPageFromCube(engine, filters)).toEqual(
					await scenariosPage(engine, filters)
				);
				expect(await assessmentPageFromCube(engine, filters)).toEqual(
					await assessmentPage(engine, filters)
				);
				expect(await planPageFromCube(engine, filters)).toEqual(await planPage(engine, filters));
				// One 盟市's own page always has a 盟市 (fixed by the page).
				const own = { ...filters, region: filters.region ?? '150100' };
				expect(await regionDetailPageFromCube(engine, own)).toEqual(
					await regionDetailPage(engine, own)
				);
			});
		}
	}
});

describe('the live pages on partial data give what the SQL pages give (null where they do)', () => {
	const PARTIAL: Record<string, string[]> = {
		'the baseline only': ['规上工业企业基数.csv'],
		'declarations without scenario rows': ['申报明细.csv'],
		'declarations and scenarios without a baseline': ['申报明细.csv', '建设场景明细.csv'],
		'no files': []
	};
	const PAIRS = [
		[overviewPageFromCube, overviewPage],
		[regionsPageFromCube, regionsPage],
		[industriesPageFromCube, industriesPage],
		[scenariosPageFromCube, scenariosPage],
		[assessmentPageFromCube, assessmentPage],
		[planPageFromCube, planPage]
	] as const;
	for (const [label, names] of Object.entries(PARTIAL)) {
		it(label, async () => {
			const inputs = names.map((name) => ({
				name,
				bytes: readFileSync(`data/sample/${name}`)
			}));
			const engine = await NodeEngine.create();
			try {
				await loadTables(engine, readSqlSources(), importFiles(inputs).tables);
				for (const partial of [{}, { region: '150100', tier: 2 }, { year: 2025, industry: '26' }]) {
					const filters = { ...NO_FILTERS, ...partial };
					for (const [live, sql] of PAIRS) {
						expect(await live(engine, filters)).toEqual(await sql(engine, filters));
					}
					const own = { ...filters, region: filters.region ?? '150100' };
					expect(await regionDetailPageFromCube(engine, own)).toEqual(
						await regionDetailPage(engine, own)
					);
				}
			} finally {
				engine.close();
			}
		});
	}
});
