/**
 * The year's summary as the CLI prints it and the pages show it: coverage region-wide, by
 * 盟市 and by 行业; enterprises by current tier; basic-level starts; flagged declarations.
 */
import {
	queryNationalPipeline,
	queryPriorTitles,
	queryRegionTargets,
	type PipelineRow,
	type PriorTitleRow,
	type RegionTargetRow
} from '../dashboard/queries-plan';
import type { SqlEngine } from './engine';

export interface CoverageSlice {
	code: string;
	name: string;
	numerator: number;
	/** null where the baseline has no count for the slice. */
	denominator: number | null;
	/** numerator / denominator, null without a denominator. */
	rate: number | null;
}

export interface Summary {
	year: number;
	years: number[];
	coverage: {
		overall: { numerator: number; denominator: number | null; rate: number | null };
		byRegion: CoverageSlice[];
		byIndustry: CoverageSlice[];
		/** False when the baseline has no industry rows: industry rates are then unavailable. */
		industryAvailable: boolean;
	};
	/** Enterprises by current tier (highest awarded tier up to the year). */
	tiers: { basic: number; advanced: number; excellent: number; leading: number };
	basicStarts: { declared: number; awarded: number };
	declarations: number;
	flagged: number;
	/** Enterprises with a 既有称号 up to the year: by 盟市 (all 12) and region-wide. */
	priorTitles: { total: PriorTitleRow; byRegion: PriorTitleRow[] };
	/** Each 盟市's own targets (盟市目标 file) with what it reached in the year; [] without the file. */
	regionTargets: RegionTargetRow[];
	/** 卓越级 and 领航级 by year up to the year: recommended, recognised, not recognised. */
	nationalPipeline: PipelineRow[];
}

/** Every year in the loaded data, ascending. */
export async function dataYears(engine: SqlEngine): Promise<number[]> {
	const rows = await engine.query<{ year: number }>(
		'SELECT year::INTEGER AS year FROM data_years ORDER BY year'
	);
	return rows.map((r) => r.year);
}

/** The summary for `year` (default: the latest year in the data); null when there is no data. */
export async function computeSummary(engine: SqlEngine, year?: number): Promise<Summary | null> {
	const years = await dataYears(engine);
	const y = year ?? years[years.length - 1];
	if (y === undefined) return null;
	if (!Number.isInteger(y)) throw new Error(`Bad year ${y}`);

	const [overall] = await engine.query<{
		numerator: number;
		denominator: number | null;
		rate: number | null;
	}>(`SELECT basic_or_above AS numerator, denominator, rate FROM coverage_total WHERE year = ${y}`);
	const byRegion = await engine.query<CoverageSlice>(
		`SELECT region_code AS code, region_name AS name, basic_or_above AS numerator, denominator, rate
		 FROM coverage_region WHERE year = ${y}`
	);
	const byIndustry = await engine.query<CoverageSlice>(
		`SELECT industry_code AS code, industry_name AS name, basic_or_above AS numerator, denominator, rate
		 FROM coverage_industry WHERE year = ${y} ORDER BY industry_code`
	);
	const [industryRows] = await engine.query<{ n: number }>(
		`SELECT count(*)::INTEGER AS n FROM baseline WHERE industry_code IS NOT NULL AND year = ${y}`
	);
	const [tiers] = await engine.query<Summary['tiers']>(
		`SELECT coalesce(sum(basic), 0)::INTEGER AS basic, coalesce(sum(advanced), 0)::INTEGER AS advanced,
		        coalesce(sum(excellent), 0)::INTEGER AS excellent, coalesce(sum("leading"), 0)::INTEGER AS leading
		 FROM tier_counts WHERE year = ${y}`
	);
	const [starts] = await engine.query<Summary['basicStarts']>(
		`SELECT declared, awarded FROM basic_starts WHERE year = ${y} AND region_code IS NULL`
	);
	const [counts] = await engine.query<{ declarations: number; flagged: number }>(
		`SELECT count(*)::INTEGER AS declarations, count(*) FILTER (WHERE flagged)::INTEGER AS flagged
		 FROM declaration_overview WHERE year = ${y}`
	);
	const prior = await queryPriorTitles(engine, y);
	return {
		year: y,
		years,
		coverage: {
			overall: overall ?? { numerator: 0, denominator: null, rate: null },
			byRegion,
			byIndustry,
			industryAvailable: (industryRows?.n ?? 0) > 0
		},
		tiers: tiers ?? { basic: 0, advanced: 0, excellent: 0, leading: 0 },
		basicStarts: starts ?? { declared: 0, awarded: 0 },
		declarations: counts?.declarations ?? 0,
		flagged: counts?.flagged ?? 0,
		priorTitles: { total: prior.at(-1)!, byRegion: prior.slice(0, -1) },
		regionTargets: await queryRegionTargets(engine, y),
		nationalPipeline: (await queryNationalPipeline(engine)).filter((p) => p.year <= y)
	};
}
