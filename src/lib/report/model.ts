/**
 * What the published annual reports show: the exact figures of every year (figures.ts) under
 * disclosure control (disclosure.ts), one decision per figure shared by every page and year —
 * a 盟市's count hidden in the region-wide table is hidden on its own report, in its trend and in
 * next year's change too. Pure: no DuckDB, no DOM.
 */
import type {
	IndustryRow,
	RegionRow,
	RegionTargetRow,
	TargetMetric,
	TierCounts
} from '../figures/types';
import { TIER_KEYS, targets, type TierKey } from '../domain/catalogue';
import { planPath } from '../domain/plan';
import {
	discloseCount,
	discloseList,
	discloseSharedTotal,
	type Disclosed,
	type DisclosureRule
} from './disclosure';
import type { YearFigures } from './figures';

/** A coverage rate as published: hidden with its numerator; null without a baseline count. */
export type PublishedRate = { kind: 'shown'; rate: number } | { kind: 'hidden' } | { kind: 'none' };

/** One row of a published table: a 盟市, a 行业, or 全区. */
export interface PublishedRow {
	code: string;
	name: string;
	/** 规上工业企业 in the baseline (a published statistic, shown as is); null without one. */
	denominator: number | null;
	/** 规上工业企业 with a 基础级-or-above smart factory. */
	covered: Disclosed;
	rate: PublishedRate;
	tiers: Record<TierKey, Disclosed>;
}

export interface PublishedRegionRow extends PublishedRow {
	shortName: string;
	/** Enterprises declaring 基础级 in the year, and those recognised. */
	startsDeclared: Disclosed;
	startsAwarded: Disclosed;
	declarations: Disclosed;
}

export interface PublishedYear {
	year: number;
	regions: PublishedRegionRow[];
	/** 全区: the total row of the 盟市 table. */
	total: PublishedRegionRow;
	industries: PublishedRow[];
	/** 全区 as the total row of the 行业 table (its own decision where the sums differ). */
	industryTotal: PublishedRow;
	/** False when the baseline has no industry rows: industry rates are unavailable. */
	industryBaseline: boolean;
	/** Prior-title enterprises by 盟市, then 全区 (each column a list with its total). */
	priorTitles: PublishedPriorTitles[];
	/** 卓越级 and 领航级 of the year, each count on its own (no published sums). */
	pipeline: {
		tier: number;
		recommended: Disclosed;
		recognised: Disclosed;
		notRecognised: Disclosed;
	}[];
	/** 盟市目标 with the figure reached as the 盟市 table publishes it. */
	regionTargets: PublishedTarget[];
}

export interface PublishedPriorTitles {
	code: string | null;
	name: string;
	withTitle: Disclosed;
	declaredAdvanced: Disclosed;
	recognised: Disclosed;
}

export interface PublishedTarget {
	code: string;
	name: string;
	metric: TargetMetric;
	targetYear: number;
	/** A 盟市's own target is public: shown as given. */
	target: number;
	/** What the 盟市 reached, hidden exactly where its row of the 盟市 table hides it. */
	actual: { kind: 'shown'; value: number } | { kind: 'hidden' } | { kind: 'none' };
}

function rateOf(covered: Disclosed, denominator: number | null): PublishedRate {
	if (denominator === null || denominator <= 0) return { kind: 'none' };
	return covered.kind === 'shown'
		? { kind: 'shown', rate: covered.value / denominator }
		: { kind: 'hidden' };
}

/** The lists of one measure across the tables that share its total, disclosed together. */
function measure<R>(
	tables: readonly (readonly R[])[],
	value: (row: R) => number,
	rule: DisclosureRule
) {
	return discloseSharedTotal(
		tables.map((rows) => rows.map(value)),
		rule
	);
}

const tierOf = (key: TierKey) => (row: { tiers: TierCounts }) => row.tiers[key];

/** One year's 盟市 and 行业 tables under disclosure control. */
export function publishYear(figures: YearFigures, rule: DisclosureRule): PublishedYear {
	const { regions, industries, overview } = figures;
	const tables = [regions, industries] as const;
	const covered = measure<RegionRow | IndustryRow>(tables, (r) => r.coverage.numerator, rule);
	const tierLists = TIER_KEYS.map((key) =>
		measure<RegionRow | IndustryRow>(tables, tierOf(key), rule)
	);
	const startsDeclared = measure([regions], (r) => r.basicStarts.declared, rule)[0]!;
	const startsAwarded = measure([regions], (r) => r.basicStarts.awarded, rule)[0]!;
	const declarations = measure([regions], (r) => r.declarations, rule)[0]!;
	const tiersAt = (table: 0 | 1, index: number | 'total') =>
		Object.fromEntries(
			TIER_KEYS.map((key, t) => {
				const list = tierLists[t]![table]!;
				return [key, index === 'total' ? list.total : list.items[index]!];
			})
		) as Record<TierKey, Disclosed>;
	const regionRow = (row: RegionRow, i: number): PublishedRegionRow => {
		const c = covered[0]!.items[i]!;
		return {
			code: row.code,
			name: row.name,
			shortName: row.shortName,
			denominator: row.coverage.denominator,
			covered: c,
			rate: rateOf(c, row.coverage.denominator),
			tiers: tiersAt(0, i),
			startsDeclared: startsDeclared.items[i]!,
			startsAwarded: startsAwarded.items[i]!,
			declarations: declarations.items[i]!
		};
	};
	const totalCovered = covered[0]!.total;
	const industryCovered = covered[1]!;
	return {
		year: figures.year,
		regions: regions.map(regionRow),
		total: {
			code: '150000',
			name: '全区',
			shortName: '全区',
			denominator: overview.coverage.denominator,
			covered: totalCovered,
			rate: rateOf(totalCovered, overview.coverage.denominator),
			tiers: tiersAt(0, 'total'),
			startsDeclared: startsDeclared.total,
			startsAwarded: startsAwarded.total,
			declarations: declarations.total
		},
		industries: industries.map((row, i) => {
			const c = industryCovered.items[i]!;
			return {
				code: row.code,
				name: row.name,
				denominator: row.coverage.denominator,
				covered: c,
				rate: rateOf(c, row.coverage.denominator),
				tiers: tiersAt(1, i)
			};
		}),
		industryTotal: {
			code: 'total',
			name: '合计',
			denominator: overview.coverage.denominator,
			covered: industryCovered.total,
			rate: rateOf(industryCovered.total, overview.coverage.denominator),
			tiers: tiersAt(1, 'total')
		},
		industryBaseline: industries.some((row) => row.coverage.denominator !== null),
		...followThrough(figures, rule, regions.map(regionRow))
	};
}

/** Prior titles, the national pipeline and 盟市 targets of a year, published. */
function followThrough(
	figures: YearFigures,
	rule: DisclosureRule,
	regionRows: PublishedRegionRow[]
): Pick<PublishedYear, 'priorTitles' | 'pipeline' | 'regionTargets'> {
	const byRegion = figures.priorTitles.filter((r) => r.code !== null);
	const column = (value: (r: (typeof byRegion)[number]) => number) =>
		discloseList(byRegion.map(value), rule);
	const withTitle = column((r) => r.withTitle);
	const declared = column((r) => r.declaredAdvanced);
	const recognised = column((r) => r.recognised);
	const priorTitles: PublishedPriorTitles[] = [
		...byRegion.map((r, i) => ({
			code: r.code,
			name: r.name,
			withTitle: withTitle.items[i]!,
			declaredAdvanced: declared.items[i]!,
			recognised: recognised.items[i]!
		})),
		{
			code: null,
			name: '全区',
			withTitle: withTitle.total,
			declaredAdvanced: declared.total,
			recognised: recognised.total
		}
	];
	const pipeline = figures.pipeline.map((p) => ({
		tier: p.tier,
		recommended: discloseCount(p.recommended, rule),
		recognised: discloseCount(p.recognised, rule),
		notRecognised: discloseCount(p.notRecognised, rule)
	}));
	const regionTargets = figures.regionTargets.map((t) => ({
		code: t.code,
		name: t.name,
		metric: t.metric,
		targetYear: t.targetYear,
		target: t.target,
		actual: publishedActual(
			t,
			regionRows.find((r) => r.code === t.code)
		)
	}));
	return { priorTitles, pipeline, regionTargets };
}

/** A 盟市's reached figure for a target, as its row of the 盟市 table publishes it. */
function publishedActual(
	target: RegionTargetRow,
	row: PublishedRegionRow | undefined
): PublishedTarget['actual'] {
	if (!row) return { kind: 'none' };
	if (target.metric === 'coverage') {
		return row.rate.kind === 'shown'
			? { kind: 'shown', value: row.rate.rate }
			: { kind: row.rate.kind };
	}
	const cell = target.metric === 'basic_starts' ? row.startsDeclared : row.tiers[target.metric];
	return cell.kind === 'shown' ? { kind: 'shown', value: cell.value } : { kind: 'hidden' };
}

/** The row a report is about: 全区, or one 盟市. */
export function scopeRow(
	published: PublishedYear,
	region: string | null
): PublishedRegionRow | null {
	return region === null
		? published.total
		: (published.regions.find((r) => r.code === region) ?? null);
}

/** A rate as a number when published, else null. */
export function shownRate(rate: PublishedRate | undefined): number | null {
	return rate?.kind === 'shown' ? rate.rate : null;
}

/** A count as a number when published, else null. */
export function shownCount(cell: Disclosed | undefined): number | null {
	return cell?.kind === 'shown' ? cell.value : null;
}

/** Coverage by year as published for the scope (hidden years null), for the trend chart and the path. */
export function publishedTrend(years: readonly PublishedYear[], region: string | null) {
	return years.map((published) => {
		const row = scopeRow(published, region);
		const rate = shownRate(row?.rate);
		return { year: published.year, rate };
	});
}

export interface HeadlineFigures {
	year: number;
	row: PublishedRegionRow;
	previous: PublishedRegionRow | null;
	/** Change in coverage from the previous year (a fraction); null unless both rates are shown. */
	change: number | null;
	/**
	 * How far the coverage is below the 2027 target (a fraction, 0 when reached); null when hidden,
	 * and for a 盟市 (the target is the region's), as are the path and the pace.
	 */
	gap: number | null;
	/** The rate the straight path to the target asks for this year, and the pace's 2027 projection. */
	pathRate: number | null;
	projectedRate: number | null;
}

/** The headline of a report: the scope's row this year, last year's, and the way to the target. */
export function headlineFigures(
	years: readonly PublishedYear[],
	year: number,
	region: string | null
): HeadlineFigures | null {
	const published = years.find((y) => y.year === year);
	const row = published && scopeRow(published, region);
	if (!row) return null;
	const before = years.find((y) => y.year === year - 1);
	const previous = before ? scopeRow(before, region) : null;
	const rate = shownRate(row.rate);
	const previousRate = shownRate(previous?.rate);
	const path = planPath(publishedTrend(years, region), year);
	// The plan's targets are the region's: a 盟市 is never read against them (issue #21).
	const regionWide = region === null;
	return {
		year,
		row,
		previous,
		change: rate !== null && previousRate !== null ? rate - previousRate : null,
		gap: rate === null || !regionWide ? null : Math.max(0, targets.coverage.rate - rate),
		pathRate: regionWide ? path.pathRate : null,
		projectedRate: rate === null || !regionWide ? null : path.projectedRate
	};
}
