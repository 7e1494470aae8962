/**
 * The figures of 总览, 盟市 and 行业 for any filters from small aggregates ("the cube") that
 * DuckDB computes once per load: a filter change then needs no query at all. The cube's rows are
 * counts by every dimension a filter can take; slicing them here must give exactly what the SQL
 * queries give (tests/unit/cube.test.ts checks many filter combinations against pages.ts).
 */
import { industryDivisions, regions } from '../domain/catalogue';
import type { SqlEngine } from '../db/engine';
import type { OverviewPage } from './pages';
import { coverageOf, planPath } from './queries';
import type { DashboardFilters, IndustryRow, RegionRow, TierCounts, TrendPoint } from './types';

interface EnterpriseCell {
	year: number;
	region: string;
	industry: string;
	aboveScale: boolean;
	tier: number;
	n: number;
}

interface DeclarationCell {
	year: number;
	region: string;
	industry: string;
	tier: number;
	status: string;
	flagged: boolean;
	n: number;
}

/** One 基础级 declaration: starts count distinct enterprises. */
interface BasicDeclaration {
	year: number;
	region: string;
	industry: string;
	status: string;
	enterprise: string;
	awarded: boolean;
}

export interface Cube {
	years: number[];
	enterprises: EnterpriseCell[];
	declarations: DeclarationCell[];
	basic: BasicDeclaration[];
	/** Baseline rows below 全区 with an industry, and the materialised denominators. */
	baseline: { year: number; region: string; industry: string; enterprises: number }[];
	baselineRegion: { year: number; region: string; enterprises: number }[];
	baselineIndustry: { year: number; industry: string; enterprises: number }[];
	baselineTotal: { year: number; enterprises: number | null }[];
}

/** The cube of the loaded data (six small queries, once per load). */
export async function loadCube(engine: SqlEngine): Promise<Cube> {
	return {
		years: (
			await engine.query<{ year: number }>(
				'SELECT year::INTEGER AS year FROM data_years ORDER BY year'
			)
		).map((r) => r.year),
		enterprises: await engine.query<EnterpriseCell>(`
			SELECT year::INTEGER AS year, region_code AS region, industry_code AS industry, above_scale AS "aboveScale",
				current_tier::INTEGER AS tier, count(*)::INTEGER AS n
			FROM enterprise_year GROUP BY ALL`),
		declarations: await engine.query<DeclarationCell>(`
			SELECT year::INTEGER AS year, region_code AS region, industry_code AS industry, declared_tier::INTEGER AS tier,
				status, flagged, count(*)::INTEGER AS n
			FROM declaration_overview GROUP BY ALL`),
		basic: await engine.query<BasicDeclaration>(`
			SELECT year::INTEGER AS year, region_code AS region, industry_code AS industry, status, enterprise_id AS enterprise,
				(status = 'approved' AND coalesce(awarded_tier, 0) >= 1) AS awarded
			FROM declarations WHERE declared_tier = 1`),
		baseline: await engine.query(`
			SELECT year::INTEGER AS year, region_code AS region, industry_code AS industry, enterprises::INTEGER AS enterprises
			FROM baseline WHERE industry_code IS NOT NULL`),
		baselineRegion: await engine.query(
			'SELECT year::INTEGER AS year, region_code AS region, enterprises::INTEGER AS enterprises FROM baseline_region'
		),
		baselineIndustry: await engine.query(
			'SELECT year::INTEGER AS year, industry_code AS industry, enterprises::INTEGER AS enterprises FROM baseline_industry'
		),
		baselineTotal: await engine.query(
			'SELECT year::INTEGER AS year, enterprises FROM baseline_total'
		)
	};
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** The slice's baseline count: own row where there is one (materialised), else the sum below. */
function denominator(
	cube: Cube,
	year: number,
	region: string | null,
	industry: string | null
): number | null {
	if (region !== null && industry !== null) {
		const rows = cube.baseline.filter(
			(b) => b.year === year && b.region === region && b.industry === industry
		);
		return rows.length ? sum(rows.map((b) => b.enterprises)) : null;
	}
	if (region !== null)
		return (
			cube.baselineRegion.find((b) => b.year === year && b.region === region)?.enterprises ?? null
		);
	if (industry !== null)
		return (
			cube.baselineIndustry.find((b) => b.year === year && b.industry === industry)?.enterprises ??
			null
		);
	return cube.baselineTotal.find((b) => b.year === year)?.enterprises ?? null;
}

function tierCounts(cells: EnterpriseCell[]): TierCounts {
	const at = (t: number) => sum(cells.filter((c) => c.tier === t).map((c) => c.n));
	return { basic: at(1), advanced: at(2), excellent: at(3), leading: at(4) };
}

function starts(rows: BasicDeclaration[]) {
	return {
		declared: new Set(rows.map((r) => r.enterprise)).size,
		awarded: new Set(rows.filter((r) => r.awarded).map((r) => r.enterprise)).size
	};
}

/** The cube's rows by year, then by 盟市: a slice then reads only its own cells. */
interface CubeIndex {
	enterprises: Map<number, Map<string, EnterpriseCell[]>>;
	declarations: Map<number, Map<string, DeclarationCell[]>>;
	basic: Map<number, Map<string, BasicDeclaration[]>>;
}

function byYearAndRegion<R extends { year: number; region: string }>(
	rows: readonly R[]
): Map<number, Map<string, R[]>> {
	const index = new Map<number, Map<string, R[]>>();
	for (const row of rows) {
		let year = index.get(row.year);
		if (!year) index.set(row.year, (year = new Map()));
		const cells = year.get(row.region);
		if (cells) cells.push(row);
		else year.set(row.region, [row]);
	}
	return index;
}

const indexes = new WeakMap<Cube, CubeIndex>();

function indexOf(cube: Cube): CubeIndex {
	let index = indexes.get(cube);
	if (!index) {
		index = {
			enterprises: byYearAndRegion(cube.enterprises),
			declarations: byYearAndRegion(cube.declarations),
			basic: byYearAndRegion(cube.basic)
		};
		indexes.set(cube, index);
	}
	return index;
}

/** The year's rows of one 盟市, or of all when `region` is null. */
function rowsOf<R>(index: Map<number, Map<string, R[]>>, year: number, region: string | null): R[] {
	const byRegion = index.get(year);
	if (!byRegion) return [];
	if (region !== null) return byRegion.get(region) ?? [];
	return [...byRegion.values()].flat();
}

/** 总览 for the filters, as `overviewPage` in pages.ts computes it in SQL. */
export function overviewFromCube(cube: Cube, f: DashboardFilters): OverviewPage | null {
	const index = indexOf(cube);
	const year =
		f.year !== null && cube.years.includes(f.year) ? f.year : cube.years[cube.years.length - 1];
	if (year === undefined) return null;
	const threshold = f.tier ?? 1;
	const inSlice = (c: { region: string; industry: string }, region = f.region) =>
		(region === null || c.region === region) && (f.industry === null || c.industry === f.industry);
	const basicInSlice = (r: BasicDeclaration, region = f.region) =>
		inSlice(r, region) && (f.status === null || r.status === f.status);

	const trend: TrendPoint[] = cube.years.map((y) => {
		const cells = rowsOf(index.enterprises, y, f.region).filter((c) => inSlice(c));
		const covered = sum(cells.filter((c) => c.aboveScale && c.tier >= threshold).map((c) => c.n));
		return {
			year: y,
			coverage: coverageOf(covered, denominator(cube, y, f.region, f.industry)),
			tiers: tierCounts(cells),
			basicStarts: starts(rowsOf(index.basic, y, f.region).filter((r) => basicInSlice(r)))
		};
	});
	const point = trend.find((p) => p.year === year);
	const declarations = rowsOf(index.declarations, year, f.region).filter(
		(d) =>
			inSlice(d) &&
			(f.tier === null || d.tier === f.tier) &&
			(f.status === null || d.status === f.status)
	);
	const overview = {
		year,
		years: cube.years,
		coverage: point?.coverage ?? coverageOf(0, null),
		...planPath(trend, year),
		tiers: point?.tiers ?? tierCounts([]),
		basicStarts: point?.basicStarts ?? { declared: 0, awarded: 0 },
		declarations: sum(declarations.map((d) => d.n)),
		flagged: sum(declarations.filter((d) => d.flagged).map((d) => d.n))
	};

	const regionRows: RegionRow[] = regions.map((region) => {
		const cells = rowsOf(index.enterprises, year, region.code).filter((c) =>
			inSlice(c, region.code)
		);
		const covered = sum(cells.filter((c) => c.aboveScale && c.tier >= threshold).map((c) => c.n));
		const decl = rowsOf(index.declarations, year, region.code).filter(
			(d) =>
				inSlice(d, region.code) &&
				(f.tier === null || d.tier === f.tier) &&
				(f.status === null || d.status === f.status)
		);
		const basic =
			f.tier === null || f.tier === 1
				? rowsOf(index.basic, year, region.code).filter((r) => basicInSlice(r, region.code))
				: [];
		return {
			code: region.code,
			name: region.name,
			shortName: region.shortName,
			coverage: coverageOf(covered, denominator(cube, year, region.code, f.industry)),
			tiers: tierCounts(cells),
			basicStarts: starts(basic),
			declarations: sum(decl.map((d) => d.n)),
			rejected: sum(decl.filter((d) => d.status === 'rejected').map((d) => d.n)),
			flagged: sum(decl.filter((d) => d.flagged).map((d) => d.n))
		};
	});
	return { overview, trend, regions: regionRows };
}

/** Every 大类 with enterprises or a baseline count in the year, as `queryIndustries` gives them. */
export function industriesFromCube(cube: Cube, f: DashboardFilters, year: number): IndustryRow[] {
	const threshold = f.tier ?? 1;
	const byIndustry = new Map<string, EnterpriseCell[]>();
	for (const cell of rowsOf(indexOf(cube).enterprises, year, f.region)) {
		const cells = byIndustry.get(cell.industry);
		if (cells) cells.push(cell);
		else byIndustry.set(cell.industry, [cell]);
	}
	const denominators = new Map<string, number>();
	if (f.region === null) {
		for (const b of cube.baselineIndustry)
			if (b.year === year) denominators.set(b.industry, b.enterprises);
	} else {
		for (const b of cube.baseline)
			if (b.year === year && b.region === f.region)
				denominators.set(b.industry, (denominators.get(b.industry) ?? 0) + b.enterprises);
	}
	return industryDivisions
		.map((division) => {
			const own = byIndustry.get(division.code) ?? [];
			if (!own.length && !denominators.has(division.code)) return null;
			const covered = sum(own.filter((c) => c.aboveScale && c.tier >= threshold).map((c) => c.n));
			return {
				code: division.code,
				section: division.section,
				name: division.name,
				coverage: coverageOf(covered, denominators.get(division.code)),
				tiers: tierCounts(own)
			};
		})
		.filter((row): row is IndustryRow => row !== null)
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
