/**
 * The oracle of `npm run summary`: the year's summary by SQL over the oracle's views (coverage
 * region-wide, by 盟市 and by 行业 at each tier; tier counts; starts; declarations), the way the
 * CLI computed it before the cube. tests/unit/summary.test.ts holds src/lib/figures/summary.ts
 * equal to it.
 */
import type { SqlEngine } from '../../src/lib/db/engine';
import type { CoverageSummary, Summary } from '../../src/lib/figures/summary';
import { NO_FILTERS } from '../../src/lib/figures/types';
import { oracleScorecard } from './pages';
import { dataYears } from './queries';
import { queryNationalPipeline, queryPriorTitles, queryRegionTargets } from './queries-plan';

/** The views' numerator column for each tier of coverage. */
const NUMERATORS = {
	basic: 'basic_or_above',
	advanced: 'advanced_or_above',
	excellent: 'excellent_or_above',
	leading: 'leading_only'
} as const;

async function coverageAt(
	engine: SqlEngine,
	year: number,
	tier: keyof typeof NUMERATORS
): Promise<CoverageSummary> {
	const numerator = NUMERATORS[tier];
	const rate = `(${numerator} / nullif(denominator, 0))::DOUBLE`;
	const [overall] = await engine.query<CoverageSummary['overall']>(
		`SELECT ${numerator} AS numerator, denominator, ${rate} AS rate FROM coverage_total WHERE year = ${year}`
	);
	return {
		overall: overall ?? { numerator: 0, denominator: null, rate: null },
		byRegion: await engine.query(
			`SELECT region_code AS code, region_name AS name, ${numerator} AS numerator, denominator, ${rate} AS rate
			 FROM coverage_region WHERE year = ${year}`
		),
		byIndustry: await engine.query(
			`SELECT industry_code AS code, industry_name AS name, ${numerator} AS numerator, denominator, ${rate} AS rate
			 FROM coverage_industry WHERE year = ${year} ORDER BY industry_code`
		)
	};
}

/** The summary for `year` (default: the latest year in the data); null when there is no data. */
export async function oracleSummary(engine: SqlEngine, year?: number): Promise<Summary | null> {
	const years = await dataYears(engine);
	const y = year ?? years[years.length - 1];
	if (y === undefined) return null;
	const headline = await coverageAt(engine, y, 'basic');
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
		coverage: { ...headline, industryAvailable: (industryRows?.n ?? 0) > 0 },
		coverageByTier: {
			advanced: await coverageAt(engine, y, 'advanced'),
			excellent: await coverageAt(engine, y, 'excellent'),
			leading: await coverageAt(engine, y, 'leading')
		},
		scorecard: (await oracleScorecard(engine, { ...NO_FILTERS, year: y }, y)).rows,
		tiers: tiers ?? { basic: 0, advanced: 0, excellent: 0, leading: 0 },
		basicStarts: starts ?? { declared: 0, awarded: 0 },
		declarations: counts?.declarations ?? 0,
		flagged: counts?.flagged ?? 0,
		priorTitles: { total: prior.at(-1)!, byRegion: prior.slice(0, -1) },
		regionTargets: await queryRegionTargets(engine, y),
		nationalPipeline: (await queryNationalPipeline(engine)).filter((p) => p.year <= y)
	};
}
