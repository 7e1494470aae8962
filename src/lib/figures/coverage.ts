/**
 * Coverage, tier counts, basic-level starts (basic-starts.ts) and declaration counts of any slice (year, 盟市,
 * 行业, tier, status), from the cube's enterprises, basic_starts, declarations and baseline
 * tables: 总览, 盟市, 行业, the cards of every page, the reports and the summary. Pure.
 * Definitions: the data contract; decisions: docs/decisions.md.
 */
import { industryDivisions, regions } from '../domain/catalogue';
import { coverageOf, planPath, type CoverageFigure } from '../domain/plan';
import type { CubeCore } from '../cube/cube';
import { ints, nullOf, texts, textAt, type IntArray, type TextColumn } from '../cube/table';
import { basicStartsBy, basicStartsOf } from './basic-starts';
import {
	filterCode,
	keptPerKey,
	keyColumns,
	keyFilter,
	keyPasses,
	oncePerCube,
	passes
} from './columns';
import type {
	DashboardFilters,
	IndustryRow,
	Overview,
	RegionRow,
	TierCounts,
	TrendPoint
} from './types';

/** Every year of the data, ascending. */
export function cubeYears(cube: CubeCore): number[] {
	return oncePerCube(cube, 'years', () =>
		[...ints(cube.tables.years, 'year')].sort((a, b) => a - b)
	);
}

/** The year a page shows: the filters' year when the data has it, else the latest. */
export function yearShown(cube: CubeCore, f: { year: number | null }): number | undefined {
	const years = cubeYears(cube);
	return f.year !== null && years.includes(f.year) ? f.year : years.at(-1);
}

/** The tier a coverage figure counts from: 基础级 unless a tier is chosen ("先进级及以上" …). */
export const coverageThreshold = (f: { tier: number | null }) => f.tier ?? 1;

const NO_TIERS: TierCounts = { basic: 0, advanced: 0, excellent: 0, leading: 0 };

interface EnterpriseTotals {
	/** 规上 enterprises at the threshold tier or above: coverage's numerator. */
	covered: number;
	/** Every enterprise (规上 or not) by current tier. */
	tiers: TierCounts;
}

interface EnterpriseColumns {
	length: number;
	year: IntArray;
	region: TextColumn;
	industry: TextColumn;
	aboveScale: IntArray;
	tier: IntArray;
	n: IntArray;
}

const enterpriseColumns = (cube: CubeCore): EnterpriseColumns =>
	oncePerCube(cube, 'enterprises', () => {
		const table = cube.tables.enterprises;
		return {
			length: table.length,
			year: ints(table, 'year'),
			region: texts(table, 'region'),
			industry: texts(table, 'industry'),
			aboveScale: ints(table, 'above_scale'),
			tier: ints(table, 'tier'),
			n: ints(table, 'n')
		};
	});

const TIER_KEY_OF_RANK = [null, 'basic', 'advanced', 'excellent', 'leading'] as const;

/**
 * The enterprises of `year` in the slice (盟市, 行业; null = all), summed per 盟市 or 行业
 * code, or in one total under the key null.
 */
function enterpriseTotals(
	cube: CubeCore,
	year: number,
	slice: { region: string | null; industry: string | null },
	threshold: number,
	by: 'region' | 'industry' | null
): Map<string | null, EnterpriseTotals> {
	const e = enterpriseColumns(cube);
	const region = filterCode(e.region, slice.region);
	const industry = filterCode(e.industry, slice.industry);
	const keyColumn = by === null ? null : by === 'region' ? e.region : e.industry;
	// Summed per code of the key column into flat arrays (a pass over numbers: no Map or object
	// per row), then named: this runs on every filter change and first thing on a reload.
	const keys = keyColumn?.dictionary.length ?? 1;
	const covered = new Float64Array(keys);
	const seen = new Uint8Array(keys);
	const tiers = new Float64Array(keys * TIER_KEY_OF_RANK.length);
	for (let i = 0; i < e.length; i++) {
		if (e.year[i] !== year || !passes(e.region.codes[i], region)) continue;
		if (!passes(e.industry.codes[i], industry)) continue;
		const key = keyColumn === null ? 0 : (keyColumn.codes[i] ?? 0);
		const n = e.n[i] ?? 0;
		const tier = e.tier[i] ?? 0;
		seen[key] = 1;
		if (e.aboveScale[i] === 1 && tier >= threshold) covered[key]! += n;
		if (tier > 0 && tier < TIER_KEY_OF_RANK.length)
			tiers[key * TIER_KEY_OF_RANK.length + tier]! += n;
	}
	const totals = new Map<string | null, EnterpriseTotals>();
	for (let key = 0; key < keys; key++) {
		if (!seen[key]) continue;
		const counts = { ...NO_TIERS };
		for (let tier = 1; tier < TIER_KEY_OF_RANK.length; tier++)
			counts[TIER_KEY_OF_RANK[tier]!] = tiers[key * TIER_KEY_OF_RANK.length + tier]!;
		const name = keyColumn === null ? null : (keyColumn.dictionary[key] ?? null);
		totals.set(name, { covered: covered[key]!, tiers: counts });
	}
	return totals;
}

/** The slice's baseline count: its own row where the file has one, else the sum below it. */
export function denominatorOf(
	cube: CubeCore,
	year: number,
	region: string | null,
	industry: string | null
): number | null {
	const { baseline, baseline_region, baseline_industry, baseline_total } = cube.tables;
	const rowsOf = (table: typeof baseline, match: (i: number) => boolean) => {
		const years = ints(table, 'year');
		const counts = ints(table, 'enterprises');
		let found = false;
		let sum = 0;
		for (let i = 0; i < table.length; i++) {
			if (years[i] !== year || !match(i)) continue;
			found = true;
			sum += counts[i] ?? 0;
		}
		return found ? sum : null;
	};
	if (region !== null && industry !== null) {
		const regions = texts(baseline, 'region');
		const industries = texts(baseline, 'industry');
		return rowsOf(
			baseline,
			(i) => textAt(regions, i) === region && textAt(industries, i) === industry
		);
	}
	if (region !== null) {
		const regions = texts(baseline_region, 'region');
		return rowsOf(baseline_region, (i) => textAt(regions, i) === region);
	}
	if (industry !== null) {
		const industries = texts(baseline_industry, 'industry');
		return rowsOf(baseline_industry, (i) => textAt(industries, i) === industry);
	}
	// A year with declarations but no baseline has a row with a NULL count: no denominator.
	const years = ints(baseline_total, 'year');
	const counts = ints(baseline_total, 'enterprises');
	for (let i = 0; i < baseline_total.length; i++) {
		if (years[i] === year) return counts[i] === nullOf(counts) ? null : (counts[i] ?? null);
	}
	return null;
}

interface DeclarationTotals {
	declarations: number;
	rejected: number;
	flagged: number;
}

/** Declarations of a year under the filters (declared tier, not current), in one total or per 盟市. */
function declarationTotals(
	cube: CubeCore,
	year: number,
	f: DashboardFilters,
	by: 'region' | null
): Map<string | null, DeclarationTotals> {
	const keys = keyColumns(cube, 'declarations');
	const filter = keyFilter(keys, { ...f, year });
	const flagged = ints(cube.tables.declarations, 'flagged');
	const n = ints(cube.tables.declarations, 'n');
	const rejected = filterCode(keys.status, 'rejected');
	// Summed per 盟市 code into flat arrays, as enterpriseTotals does.
	const size = by === null ? 1 : keys.region.dictionary.length;
	const sums = new Float64Array(size * 3);
	const seen = new Uint8Array(size);
	for (let i = 0; i < keys.length; i++) {
		if (!keyPasses(keys, filter, i)) continue;
		const key = by === null ? 0 : (keys.region.codes[i] ?? 0);
		const count = n[i] ?? 0;
		seen[key] = 1;
		sums[key * 3]! += count;
		if (keys.status.codes[i] === rejected) sums[key * 3 + 1]! += count;
		if (flagged[i] === 1) sums[key * 3 + 2]! += count;
	}
	const totals = new Map<string | null, DeclarationTotals>();
	for (let key = 0; key < size; key++) {
		if (!seen[key]) continue;
		totals.set(by === null ? null : (keys.region.dictionary[key] ?? null), {
			declarations: sums[key * 3]!,
			rejected: sums[key * 3 + 1]!,
			flagged: sums[key * 3 + 2]!
		});
	}
	return totals;
}

/** Coverage from the threshold tier up, and enterprises by current tier, of one year's slice. */
export function enterprisesOf(
	cube: CubeCore,
	year: number,
	slice: { region: string | null; industry: string | null },
	threshold = 1
): { coverage: CoverageFigure; tiers: TierCounts } {
	const own = enterpriseTotals(cube, year, slice, threshold, null).get(null);
	return {
		coverage: coverageOf(
			own?.covered ?? 0,
			denominatorOf(cube, year, slice.region, slice.industry)
		),
		tiers: own?.tiers ?? { ...NO_TIERS }
	};
}

/** Coverage, tier counts and basic-level starts for every year of the data (the trend). */
export function trendOf(cube: CubeCore, f: DashboardFilters): readonly TrendPoint[] {
	// The same trend serves a page's chart, its headline and its scorecard (which reads the
	// region-wide one too): made once per cube and slice, kept for the last TRENDS_KEPT slices.
	const trends = oncePerCube(cube, 'trends', () => new Map<string, readonly TrendPoint[]>());
	const key = `${f.region} ${f.industry} ${f.tier} ${f.status}`;
	let trend = trends.get(key);
	if (!trend) {
		if (trends.size >= TRENDS_KEPT) trends.clear();
		trend = cubeYears(cube).map((year) => ({
			year,
			...enterprisesOf(cube, year, f, coverageThreshold(f)),
			basicStarts: basicStartsOf(cube, year, f)
		}));
		trends.set(key, trend);
	}
	return trend;
}

/** How many slices' trends are kept (a few filters' worth: a user going back and forth). */
const TRENDS_KEPT = 64;

/** The headline figures of the year shown; null without data. Pass the trend when known. */
export function overviewOf(
	cube: CubeCore,
	f: DashboardFilters,
	trend: readonly TrendPoint[] = trendOf(cube, f)
): Overview | null {
	const year = yearShown(cube, f);
	if (year === undefined) return null;
	const point = trend.find((p) => p.year === year);
	const declarations = declarationTotals(cube, year, f, null).get(null);
	return {
		year,
		years: cubeYears(cube),
		coverage: point?.coverage ?? coverageOf(0, null),
		...planPath(
			trend.map((p) => ({ year: p.year, rate: p.coverage.rate })),
			year
		),
		tiers: point?.tiers ?? { ...NO_TIERS },
		basicStarts: point?.basicStarts ?? { declared: 0, awarded: 0 },
		declarations: declarations?.declarations ?? 0,
		flagged: declarations?.flagged ?? 0
	};
}

/**
 * Every 盟市 (all 12, in GB/T 2260 order) for the year, under the other filters: the 盟市 filter
 * left out, so under a change of it alone the rows are the same object.
 */
export function regionRowsOf(cube: CubeCore, f: DashboardFilters, year: number): RegionRow[] {
	const slice = { ...f, region: null };
	return keptPerKey(cube, 'regionRows', [slice, year], () => {
		const threshold = coverageThreshold(f);
		const enterprises = enterpriseTotals(cube, year, slice, threshold, 'region');
		const declarations = declarationTotals(cube, year, slice, 'region');
		// Starts are 基础级 declarations: none under another declared tier.
		const starts =
			f.tier === null || f.tier === 1 ? basicStartsBy(cube, year, slice, 'region') : new Map();
		return regions.map((region) => {
			const own = enterprises.get(region.code);
			const decl = declarations.get(region.code);
			return {
				code: region.code,
				name: region.name,
				shortName: region.shortName,
				coverage: coverageOf(own?.covered ?? 0, denominatorOf(cube, year, region.code, f.industry)),
				tiers: own?.tiers ?? { ...NO_TIERS },
				basicStarts: starts.get(region.code) ?? { declared: 0, awarded: 0 },
				declarations: decl?.declarations ?? 0,
				rejected: decl?.rejected ?? 0,
				flagged: decl?.flagged ?? 0
			};
		});
	});
}

/** The year's baseline counts by 行业 in the 盟市 (or region-wide). */
function industryDenominators(cube: CubeCore, year: number, region: string | null) {
	const denominators = new Map<string, number>();
	const table = region === null ? cube.tables.baseline_industry : cube.tables.baseline;
	const years = ints(table, 'year');
	const industries = texts(table, 'industry');
	const counts = ints(table, 'enterprises');
	const regionCodes = region === null ? null : texts(table, 'region');
	for (let i = 0; i < table.length; i++) {
		if (years[i] !== year) continue;
		if (regionCodes && textAt(regionCodes, i) !== region) continue;
		const industry = textAt(industries, i) as string;
		denominators.set(industry, (denominators.get(industry) ?? 0) + (counts[i] ?? 0));
	}
	return denominators;
}

/** Every 大类 with enterprises or a baseline count in the year, under the 盟市 and tier filters. */
export function industryRowsOf(cube: CubeCore, f: DashboardFilters, year: number): IndustryRow[] {
	const enterprises = enterpriseTotals(
		cube,
		year,
		{ region: f.region, industry: null },
		coverageThreshold(f),
		'industry'
	);
	const denominators = industryDenominators(cube, year, f.region);
	return industryDivisions
		.filter((d) => enterprises.has(d.code) || denominators.has(d.code))
		.map((division) => {
			const own = enterprises.get(division.code);
			return {
				code: division.code,
				section: division.section,
				name: division.name,
				coverage: coverageOf(own?.covered ?? 0, denominators.get(division.code)),
				tiers: own?.tiers ?? { ...NO_TIERS }
			};
		})
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
