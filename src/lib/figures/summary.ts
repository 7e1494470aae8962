/**
 * The year's summary as `npm run summary` prints it and the 数据 page shows it, sliced from the
 * cube like every other figure: coverage region-wide, by 盟市 and by 行业 — at 基础级 and above
 * (the headline) and at each higher tier —, the plan's scorecard, enterprises by current tier,
 * basic-level starts,
 * declarations and flagged ones, prior titles, 盟市 targets and the national pipeline. Format:
 * docs/data-in.md. Pure.
 */
import { TIER_KEYS, tiers as TIERS, type TierKey } from '../domain/catalogue';
import type { CoverageFigure, ScorecardRow } from '../domain/plan';
import type { Cube } from '../cube/cube';
import { cubeYears, enterprisesOf, industryRowsOf, overviewOf, regionRowsOf } from './coverage';
import { pipelineOf, priorTitlesOf, regionTargetsOf } from './plan';
import { scorecardOf } from './scorecard';
import {
	NO_FILTERS,
	type PipelineRow,
	type PriorTitleRow,
	type RegionTargetRow,
	type TierCounts
} from './types';

export interface CoverageSlice extends CoverageFigure {
	code: string;
	name: string;
}

/** Coverage region-wide, by 盟市 (all 12) and by 行业 (every 大类 with enterprises or a baseline count). */
export interface CoverageSummary {
	overall: CoverageFigure;
	byRegion: CoverageSlice[];
	byIndustry: CoverageSlice[];
}

export interface Summary {
	year: number;
	years: number[];
	/** 基础级 and above: the plan's headline coverage. */
	coverage: CoverageSummary & {
		/** False when the baseline has no industry rows: industry rates are then unavailable. */
		industryAvailable: boolean;
	};
	/** The same at 先进级 and above, 卓越级 and above, and 领航级 (the contract's per-tier reading). */
	coverageByTier: Record<Exclude<TierKey, 'basic'>, CoverageSummary>;
	/** The plan's targets (region-wide): value, gap, pace to the target's year, verdict, change. */
	scorecard: ScorecardRow[];
	/** Enterprises by current tier (highest awarded tier up to the year). */
	tiers: TierCounts;
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

/** A year the summary was asked for that the data does not hold. */
export class YearNotInDataError extends Error {
	constructor(
		readonly year: number,
		readonly years: number[]
	) {
		super(
			years.length
				? `数据中没有 ${year} 年；数据中的年度：${years.join('、')}`
				: `数据中没有 ${year} 年：没有载入任何数据`
		);
		this.name = 'YearNotInDataError';
	}
}

function coverageSummary(cube: Cube, year: number, tier: number): CoverageSummary {
	const f = { ...NO_FILTERS, year, tier };
	const slice = (row: { code: string; name: string; coverage: CoverageFigure }) => ({
		code: row.code,
		name: row.name,
		...row.coverage
	});
	return {
		overall: enterprisesOf(cube, year, f, tier).coverage,
		byRegion: regionRowsOf(cube, f, year).map(slice),
		byIndustry: industryRowsOf(cube, f, year).map(slice)
	};
}

/**
 * The summary for `year` (default: the latest year in the data); null when there is no data;
 * `YearNotInDataError` for a year the data does not hold.
 */
export function summaryOf(cube: Cube, year?: number): Summary | null {
	const years = cubeYears(cube);
	if (year !== undefined && !years.includes(year)) throw new YearNotInDataError(year, years);
	const y = year ?? years.at(-1);
	if (y === undefined) return null;
	const overview = overviewOf(cube, { ...NO_FILTERS, year: y })!;
	const headline = coverageSummary(cube, y, 1);
	const prior = priorTitlesOf(cube, y);
	const byTier = Object.fromEntries(
		TIER_KEYS.filter((key) => key !== 'basic').map((key) => [
			key,
			coverageSummary(cube, y, TIERS.find((t) => t.key === key)!.rank)
		])
	) as Summary['coverageByTier'];
	return {
		year: y,
		years,
		coverage: {
			...headline,
			industryAvailable: headline.byIndustry.some((row) => row.denominator !== null)
		},
		coverageByTier: byTier,
		scorecard: scorecardOf(cube, { ...NO_FILTERS, year: y })!.rows,
		tiers: overview.tiers,
		basicStarts: overview.basicStarts,
		declarations: overview.declarations,
		flagged: overview.flagged,
		priorTitles: { total: prior.at(-1)!, byRegion: prior.slice(0, -1) },
		regionTargets: regionTargetsOf(cube, y),
		nationalPipeline: pipelineOf(cube).filter((p) => p.year <= y)
	};
}
