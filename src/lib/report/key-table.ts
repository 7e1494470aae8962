/**
 * The report's 主要指标 table as text, each column holding what its heading says: the year (to
 * the data's date), the year before, the change, the plan's target — only a target the plan
 * sets, never the pace's projection — and the gap, each gap cell saying to what (目标 or 路径).
 * The projection is a row of its own, labelled as one. Written from published figures only: a
 * hidden count gives no change and no gap. Pure.
 */
import { targets, tierName, TIER_KEYS, type TierKey } from '../domain/catalogue';
import { formatPercent, formatPointDifference } from '../format';
import { disclosedText, type Disclosed } from './disclosure';
import { shownCount, type PublishedRate } from './model';
import { reportPeriod } from './period';
import type { AnnualReport } from './view';

export interface KeyTableRow {
	/** data-figure of the row: coverage, covered, path, projection, starts, awarded, or a tier. */
	figure: string;
	label: string;
	current: string;
	previous: string;
	change: string;
	/** The plan's target ("100家以上") and when it is due ("2027年底"), or "—". */
	target: string;
	targetDue: string | null;
	/** What is missing, and to what: "距目标尚差12.7个百分点", "目前低于路径4.4个百分点", "已达到". */
	gap: string;
}

export interface KeyColumn {
	text: string;
	/** A second line: "截至12月2日" under "2026年" for a year not over. */
	note: string | null;
}

export interface KeyTable {
	/** Column headings, in order: 指标, this year, last year, 较上年, 计划目标, 差距. */
	columns: KeyColumn[];
	rows: KeyTableRow[];
}

const NONE = '—';

function comparatorText(comparator: string) {
	return comparator === 'atLeast' ? '以上' : comparator === 'about' ? '左右' : '';
}

export function rateText(rate: PublishedRate | undefined): string {
	if (!rate) return NONE;
	if (rate.kind === 'shown') return formatPercent(rate.rate);
	return rate.kind === 'hidden' ? '×' : '无基数';
}

/** +5.6个百分点 / −0.3个百分点. */
function points(value: number | null): string {
	return value === null
		? NONE
		: `${value >= 0 ? '+' : '−'}${formatPointDifference(Math.abs(value))}`;
}

/** The change of a count when both years publish it: "+240", "−3", "0". */
function countChange(now: Disclosed, before: Disclosed | undefined): string {
	const a = shownCount(now);
	const b = shownCount(before);
	if (a === null || b === null) return NONE;
	const d = a - b;
	return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0';
}

/** "尚差5家" / "已达到"; none when the count is hidden. */
function countGap(cell: Disclosed, target: number): string {
	const value = shownCount(cell);
	if (value === null) return NONE;
	return value >= target ? '已达到' : `距目标尚差${target - value}家`;
}

/** What the key table is made from: a report's headline, scope, period and rule. */
export type KeyTableInput = Pick<
	AnnualReport,
	'year' | 'region' | 'rule' | 'period' | 'source' | 'headline' | 'regionTargets'
>;

/** The key table of a report. */
export function keyTable(report: KeyTableInput): KeyTable {
	const { headline: h, period, rule } = report;
	const regionWide = report.region === null;
	const count = (cell: Disclosed | undefined) => (cell ? disclosedText(cell, rule) : NONE);
	const goalYear = targets.coverage.year;
	const goal = `${formatPercent(targets.coverage.rate)}${comparatorText(targets.coverage.comparator)}`;
	const goalDue = `${goalYear}年底`;
	const before = reportPeriod(report.year - 1, report.source.asOf);
	const rate = h.row.rate.kind === 'shown' ? h.row.rate.rate : null;
	const column = (text: string, note: string | null = null): KeyColumn => ({ text, note });
	const yearColumn = (p: typeof period) => column(`${p.year}年`, p.within);

	// A 盟市 is read against its own targets (盟市目标), never the plan's, which are the region's.
	const own = (metric: string) =>
		regionWide ? undefined : report.regionTargets.find((t) => t.metric === metric);
	const ownCoverage = own('coverage');
	const ownGap =
		ownCoverage && rate !== null
			? rate >= ownCoverage.target
				? '已达到'
				: `距目标尚差${formatPointDifference(ownCoverage.target - rate)}`
			: NONE;
	const rows: KeyTableRow[] = [
		{
			figure: 'coverage',
			label: '覆盖率（基础级及以上 / 规上工业企业）',
			current: rateText(h.row.rate),
			previous: rateText(h.previous?.rate),
			change: points(h.change),
			target: regionWide ? goal : ownCoverage ? formatPercent(ownCoverage.target) : NONE,
			targetDue: regionWide ? goalDue : ownCoverage ? `${ownCoverage.targetYear}年底` : null,
			gap: !regionWide
				? ownGap
				: h.gap === null
					? NONE
					: h.gap > 0
						? `距目标尚差${formatPointDifference(h.gap)}`
						: '已达到'
		},
		{
			figure: 'covered',
			label: '覆盖规上工业企业（家）',
			current: count(h.row.covered),
			previous: count(h.previous?.covered),
			change: countChange(h.row.covered, h.previous?.covered),
			target: NONE,
			targetDue: null,
			gap: NONE
		}
	];
	if (h.pathRate !== null) {
		const difference = rate === null ? null : rate - h.pathRate;
		rows.push({
			figure: 'path',
			label: `计划路径应达（${report.year}年底）`,
			current: formatPercent(h.pathRate),
			previous: NONE,
			change: NONE,
			target: NONE,
			targetDue: null,
			gap:
				difference === null
					? NONE
					: Math.abs(difference) < 0.0005
						? '与路径持平'
						: `${period.closed ? '实际' : '目前'}${difference > 0 ? '高于' : '低于'}路径${formatPointDifference(Math.abs(difference))}`
		});
	}
	if (regionWide && report.year < goalYear) {
		const projected = h.projectedRate;
		const short = projected === null ? null : targets.coverage.rate - projected;
		rows.push({
			figure: 'projection',
			label: `按当前进度预计（${goalYear}年底）`,
			current: projected === null ? NONE : formatPercent(projected),
			previous: NONE,
			change: NONE,
			target: goal,
			targetDue: goalDue,
			gap:
				short === null ? NONE : short > 0 ? `预计尚差${formatPointDifference(short)}` : '预计达到'
		});
	}
	const starts = targets.basicStartsPerYear.count;
	const ownStarts = own('basic_starts');
	rows.push(
		{
			figure: 'starts',
			label: '基础级新建（申报企业，家）',
			current: count(h.row.startsDeclared),
			previous: count(h.previous?.startsDeclared),
			change: countChange(h.row.startsDeclared, h.previous?.startsDeclared),
			target: regionWide ? `每年${starts}家` : ownStarts ? `${ownStarts.target}家` : NONE,
			targetDue: regionWide ? null : ownStarts ? `${ownStarts.targetYear}年` : null,
			gap: regionWide
				? countGap(h.row.startsDeclared, starts)
				: ownStarts && ownStarts.targetYear === report.year
					? countGap(h.row.startsDeclared, ownStarts.target)
					: NONE
		},
		{
			figure: 'awarded',
			label: '其中已认定（家）',
			current: count(h.row.startsAwarded),
			previous: count(h.previous?.startsAwarded),
			change: countChange(h.row.startsAwarded, h.previous?.startsAwarded),
			target: NONE,
			targetDue: null,
			gap: NONE
		}
	);
	for (const key of TIER_KEYS) rows.push(tierRow(key));
	return {
		columns: [
			column('指标'),
			yearColumn(period),
			yearColumn(before),
			column('较上年'),
			// A 盟市 is measured against its own targets (盟市目标), never the region's.
			column(regionWide ? '计划目标' : '盟市目标'),
			column('差距')
		],
		rows
	};

	function tierRow(key: TierKey): KeyTableRow {
		const plan = regionWide ? targets.tierCounts.find((t) => t.tier === key) : undefined;
		const mine = own(key);
		const cell = h.row.tiers[key];
		return {
			figure: key,
			label: `${tierName(key)}智能工厂（家）`,
			current: count(cell),
			previous: count(h.previous?.tiers[key]),
			change: countChange(cell, h.previous?.tiers[key]),
			target: plan
				? `${plan.count}家${comparatorText(plan.comparator)}`
				: mine
					? `${mine.target}家以上`
					: NONE,
			targetDue: plan ? `${plan.year}年底` : mine ? `${mine.targetYear}年底` : null,
			gap: plan ? countGap(cell, plan.count) : mine ? countGap(cell, mine.target) : NONE
		};
	}
}
