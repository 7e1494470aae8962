/**
 * The figures: what the slices of the cube give (coverage.ts, scenarios.ts, …) and the chart
 * option builders, pages, reports and the summary CLI read. Counts are enterprises unless named
 * declarations; rates are fractions (0.25 = 25%), null where the baseline has no denominator.
 */
import type { CoverageFigure, ScorecardRow, TargetKey } from '../domain/plan';
import type { TargetMetric } from '../import/tables';
import type { Status } from '../import/values';

/** What the user has sliced by; null = all. Kept in the URL. */
export interface DashboardFilters {
	year: number | null;
	/** GB/T 2260 code of a 盟市. */
	region: string | null;
	/** Two-digit GB/T 4754 大类 code. */
	industry: string | null;
	/** Tier rank 1–4. */
	tier: number | null;
	status: Status | null;
}

export const NO_FILTERS: DashboardFilters = {
	year: null,
	region: null,
	industry: null,
	tier: null,
	status: null
};

/** Enterprises by current tier (exactly that tier). */
export interface TierCounts {
	basic: number;
	advanced: number;
	excellent: number;
	leading: number;
}

/** One year of the trend chart. */
export interface TrendPoint {
	year: number;
	coverage: CoverageFigure;
	tiers: TierCounts;
	basicStarts: { declared: number; awarded: number };
}

export interface RegionRow {
	code: string;
	name: string;
	shortName: string;
	coverage: CoverageFigure;
	tiers: TierCounts;
	basicStarts: { declared: number; awarded: number };
	declarations: number;
	/** Declarations with status 未通过. */
	rejected: number;
	/** Declarations whose declared or awarded tier is above their eligible tier. */
	flagged: number;
}

export interface IndustryRow {
	/** Two-digit 大类 code. */
	code: string;
	/** 门类 letter B, C or D. */
	section: string;
	name: string;
	coverage: CoverageFigure;
	tiers: TierCounts;
}

/** Share of declarations that built a scenario at a tier or above, in one column of a heatmap. */
export interface ScenarioCell {
	/** 附件1 number. */
	scenario: number;
	/** The column: a 盟市 code (by-region heatmap) or a tier rank as a string "1"–"4" (by-tier heatmap). */
	column: string;
	/** Declarations in the column that built the scenario at the tier (or, by region, at any tier) or above. */
	count: number;
	/** Declarations in the column. */
	total: number;
	share: number;
}

/** Scenarios whose declared tier is most often above the tier the rules count them at. */
export interface ScenarioShortfall {
	scenario: number;
	/** Scenario rows counted below their declared tier (附件4 "/" at that tier). */
	count: number;
}

/** How many declarations chose each level (0 = 不涉及) of one 附件3 indicator. */
export interface IndicatorLevelCount {
	/** Key as in indicators.json, e.g. "rd_design". */
	indicator: string;
	level: number;
	count: number;
}

/** Mean level of each indicator per group (a 盟市 code or a tier rank "1"–"4"); 不涉及 excluded. */
export interface IndicatorMean {
	indicator: string;
	group: string;
	mean: number | null;
	declarations: number;
}

/** Declarations by declared tier × GB/T 39116 maturity level. */
export interface MaturityCell {
	tier: number;
	maturity: number;
	count: number;
}

export interface Overview {
	year: number;
	years: number[];
	coverage: CoverageFigure;
	/** The coverage the straight path from the plan's start to 25% at the end of 2027 asks for at `year`. */
	pathRate: number | null;
	/** Coverage projected to the end of 2027 at the pace so far (null with fewer than two years). */
	projectedRate: number | null;
	tiers: TierCounts;
	basicStarts: { declared: number; awarded: number };
	declarations: number;
	flagged: number;
}

export interface PriorTitleRow {
	/** 盟市 code, or null for 全区. */
	code: string | null;
	name: string;
	/** Enterprises with a 既有称号 in the data up to the year. */
	withTitle: number;
	/** Of them, declared 先进级 or above under the plan. */
	declaredAdvanced: number;
	/** Of them, recognised at 先进级 or above. */
	recognised: number;
}

/** One enterprise with a 既有称号 (analysts' drill-down; never on published pages). */
export interface PriorTitleEnterprise {
	enterpriseId: string;
	regionCode: string;
	priorTitle: string;
	highestDeclared: number;
	highestAwarded: number;
}

export interface PipelineRow {
	year: number;
	/** 3 = 卓越级, 4 = 领航级. */
	tier: number;
	recommended: number;
	recognised: number;
	notRecognised: number;
}

export type { TargetMetric };

export interface RegionTargetRow {
	code: string;
	name: string;
	metric: TargetMetric;
	targetYear: number;
	/** Coverage as a fraction; counts as counts. */
	target: number;
	/** Reached in the year asked for (null only for coverage without a baseline count). */
	actual: number | null;
}

/** The plan's scorecard for a slice (scorecard.ts). */
export interface Scorecard {
	/** Whose targets: the plan's (全区), the 盟市's own, or none for this slice. */
	scope: 'plan' | 'own' | 'none';
	year: number;
	rows: ScorecardRow[];
	/** Each measure's value in the year for the slice, and region-wide (its share of the region). */
	values: Record<TargetKey, number | null>;
	regionWide: Record<TargetKey, number | null>;
	/** Where the coverage path starts: the end of 2024's coverage, or 0 without 2024 data. */
	coverageStart: { year: number; value: number; fromData: boolean };
}

/** Each dashboard page's figures for its filters (a slice of the cube, pages.ts). */
export interface OverviewPage {
	overview: Overview;
	scorecard: Scorecard;
	trend: readonly TrendPoint[];
	regions: RegionRow[];
}

export interface RegionsPage {
	overview: Overview;
	/** The selected slice's scorecard (a 盟市's own targets when it is one). */
	scorecard: Scorecard;
	regions: RegionRow[];
	/** The selected slice by industry (follows a click on the map). */
	industries: IndustryRow[];
	/** Every 盟市's own targets (盟市目标 file) with what it reached; empty without the file. */
	regionTargets: RegionTargetRow[];
}

export interface RegionDetailPage {
	overview: Overview;
	/** Against the 盟市's own targets (盟市目标), never the region's. */
	scorecard: Scorecard;
	trend: readonly TrendPoint[];
	industries: IndustryRow[];
	scenarios: ScenarioCell[];
}

export interface IndustriesPage {
	overview: Overview;
	industries: IndustryRow[];
	/** False when the baseline has no industry rows: coverage by industry is unavailable. */
	industryBaseline: boolean;
}

export interface ScenariosPage {
	overview: Overview;
	byRegion: ScenarioCell[];
	byTier: ScenarioCell[];
	shortfalls: ScenarioShortfall[];
}

export interface AssessmentPage {
	overview: Overview;
	levels: IndicatorLevelCount[];
	meansByRegion: IndicatorMean[];
	meansByTier: IndicatorMean[];
	maturity: MaturityCell[];
}

export interface PlanPage {
	overview: Overview;
	priorTitles: PriorTitleRow[];
	/** The drill-down by pseudonymous 企业编码 (internal page only). */
	priorTitleEnterprises: PriorTitleEnterprise[];
	regionTargets: RegionTargetRow[];
	pipeline: PipelineRow[];
}
