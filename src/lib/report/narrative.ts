/**
 * The report's paragraphs in Chinese, written from the published headline figures only: a
 * count hidden as "<k" reads "少于k家", one hidden as "×" is said to be unpublished, and so is a
 * rate hidden with its count. Every number in them is one the report's tables or its date show.
 * Zero and one are worded as a reader says them ("尚无盟市达到25.0%", not "0个已达到"); the
 * period follows the data's date (period.ts). Pure.
 */
import { targets, tierName } from '../domain/catalogue';
import { formatPercent, formatPointDifference } from '../format';
import type { Disclosed, DisclosureRule } from './disclosure';
import { shownRate, type HeadlineFigures, type PublishedRegionRow } from './model';
import type { ReportPeriod } from './period';

const TARGET_TIERS = ['advanced', 'excellent', 'leading'] as const;

/** A difference this small (a twentieth of a point) reads as "持平": it prints as 0.0. */
const LEVEL = 0.0005;

/** Who the report is about: 全区, or one 盟市 (whose targets are the region's). */
export interface NarrativeScope {
	name: string;
	regionWide: boolean;
}

/** How many 盟市 publish a rate, how many of those reached the target, of how many 盟市. */
export interface RegionsReaching {
	rated: number;
	reached: number;
	regions: number;
}

/** "501家", "少于3家"; a count hidden as "×" has no words of its own (callers say it is unpublished). */
function count(cell: Disclosed, rule: DisclosureRule): string {
	if (cell.kind === 'primary') return `少于${rule.minCount}家`;
	if (cell.kind === 'secondary') return '若干家（不公布）';
	return `${cell.value}家`;
}

const isZero = (cell: Disclosed) => cell.kind === 'shown' && cell.value === 0;

function comparatorText(comparator: string) {
	return comparator === 'atLeast' ? '以上' : comparator === 'about' ? '左右' : '';
}

/** The paragraphs of a report: coverage against the plan; starts and tiers; the 盟市 reaching it. */
export function reportNarrative(
	headline: HeadlineFigures,
	scope: NarrativeScope,
	rule: DisclosureRule,
	period: ReportPeriod,
	reaching: RegionsReaching | null = null
): string[] {
	const paragraphs = [coverageSentence(headline, scope, rule, period)];
	paragraphs.push(
		`${startsSentence(headline, scope, rule, period)}${tiersSentence(headline, scope, rule, period)}`
	);
	if (reaching) paragraphs.push(regionsReachingText(reaching));
	return paragraphs;
}

/** "截至2026年12月2日，全区基础级及以上智能工厂覆盖规上工业企业501家，覆盖率为12.3%，…" */
function coverageSentence(
	headline: HeadlineFigures,
	scope: NarrativeScope,
	rule: DisclosureRule,
	period: ReportPeriod
): string {
	const { year, row } = headline;
	const goal = formatPercent(targets.coverage.rate);
	const goalYear = targets.coverage.year;
	const lead = `${period.stock}，${scope.name}基础级及以上智能工厂`;
	let text =
		row.covered.kind === 'secondary'
			? `${lead}覆盖的规上工业企业数不予公布`
			: isZero(row.covered)
				? `${lead}尚未覆盖任何规上工业企业`
				: `${lead}覆盖规上工业企业${count(row.covered, rule)}`;

	const rate = shownRate(row.rate);
	if (rate === null) {
		if (row.rate.kind === 'none') return `${text}；缺少规上工业企业基数，覆盖率无法计算。`;
		return row.covered.kind === 'primary'
			? `${text}，因涉及企业较少，覆盖率不予公布。`
			: `${text}，覆盖率不予公布。`;
	}

	text += `，覆盖率为${formatPercent(rate)}`;
	if (headline.change !== null) {
		const c = headline.change;
		text +=
			Math.abs(c) < LEVEL
				? '，与上年持平'
				: `，较上年${c > 0 ? '提高' : '下降'}${formatPointDifference(Math.abs(c))}`;
	} else if (headline.previous !== null) {
		text +=
			headline.previous.rate.kind === 'none'
				? '（上年缺少基数，不作比较）'
				: '（上年覆盖率未公布，不作比较）';
	}
	// The plan's coverage target is the region's: a 盟市 is not read against it.
	if (!scope.regionWide || headline.gap === null) text += '。';
	else
		text +=
			headline.gap > 0
				? `，距行动计划${goalYear}年底${goal}的目标尚差${formatPointDifference(headline.gap)}。`
				: `，已达到行动计划${goalYear}年底${goal}的目标。`;

	if (headline.pathRate !== null) {
		const difference = rate - headline.pathRate;
		const now = period.closed ? '实际' : '目前';
		text += `按计划路径，${year}年底应达${formatPercent(headline.pathRate)}，${now}`;
		text +=
			Math.abs(difference) < LEVEL
				? '与路径持平'
				: `${difference > 0 ? '高于' : '低于'}路径${formatPointDifference(Math.abs(difference))}`;
		text +=
			headline.projectedRate !== null && year < goalYear
				? `；按当前进度，预计${goalYear}年底约为${formatPercent(headline.projectedRate)}。`
				: '。';
	}
	return text;
}

/** "2026年（截至12月2日），全区开展基础级智能工厂建设的企业315家（计划每年300家），其中已认定240家。" */
function startsSentence(
	headline: HeadlineFigures,
	scope: NarrativeScope,
	rule: DisclosureRule,
	period: ReportPeriod
): string {
	const { row } = headline;
	// The plan's yearly 300 is the region's: a 盟市's starts are not read against it.
	const plan = scope.regionWide ? `（计划每年${targets.basicStartsPerYear.count}家）` : '';
	const lead = `${period.flow}，${scope.name}`;
	if (isZero(row.startsDeclared)) return `${lead}尚无企业开展基础级智能工厂建设${plan}。`;
	const declared =
		row.startsDeclared.kind === 'secondary'
			? `${lead}开展基础级智能工厂建设的企业数不予公布${plan}`
			: `${lead}开展基础级智能工厂建设的企业${count(row.startsDeclared, rule)}${plan}`;
	const awarded =
		row.startsAwarded.kind === 'secondary'
			? '，其中已认定的企业数不予公布'
			: isZero(row.startsAwarded)
				? '，尚无企业获认定'
				: `，其中已认定${count(row.startsAwarded, rule)}`;
	return `${declared}${awarded}。`;
}

/** "截至2026年12月2日，全区有先进级智能工厂134家、卓越级5家，尚无领航级（2027年底目标分别为…）。" */
function tiersSentence(
	headline: HeadlineFigures,
	scope: NarrativeScope,
	rule: DisclosureRule,
	period: ReportPeriod
): string {
	const cells = TARGET_TIERS.map((key) => ({ name: tierName(key), cell: headline.row.tiers[key] }));
	const some = cells.filter((c) => !isZero(c.cell));
	const none = cells.filter((c) => isZero(c.cell)).map((c) => c.name);
	const told = some.map((c, i) => {
		const name = i === 0 ? `${c.name}智能工厂` : c.name;
		return c.cell.kind === 'secondary' ? `${name}数量不予公布` : `${name}${count(c.cell, rule)}`;
	});
	let text = `${period.stock}，${scope.name}`;
	if (told.length === 0) text += `尚无${none.join('、')}智能工厂`;
	else {
		text += `有${told.join('、')}`;
		if (none.length > 0) text += `，尚无${none.join('、')}`;
	}
	if (!scope.regionWide) return `${text}。`; // the 2027 counts are the region's targets
	const goals = targets.tierCounts
		.map((t) => `${t.count}家${comparatorText(t.comparator)}`)
		.join('、');
	return `${text}（${targets.coverage.year}年底目标分别为${goals}）。`;
}

/** "12个盟市中，3个覆盖率已达到25.0%。", "尚无盟市覆盖率达到25.0%。", … */
export function regionsReachingText({ rated, reached, regions }: RegionsReaching): string {
	const goal = formatPercent(targets.coverage.rate);
	if (rated === 0) return '各盟市覆盖率均未公布，不作盟市比较。';
	if (rated === 1)
		return `公布覆盖率的盟市只有1个，${reached === 1 ? '已达到' : '尚未达到'}${goal}。`;
	const all = rated === regions;
	if (reached === 0)
		return all
			? `尚无盟市覆盖率达到${goal}。`
			: `在公布覆盖率的${rated}个盟市中，尚无盟市达到${goal}。`;
	if (reached === rated)
		return all
			? `${rated}个盟市覆盖率均已达到${goal}。`
			: `公布覆盖率的${rated}个盟市均已达到${goal}。`;
	return all
		? `${rated}个盟市中，${reached}个覆盖率已达到${goal}。`
		: `在公布覆盖率的${rated}个盟市中，${reached}个已达到${goal}。`;
}

/** How many 盟市 with a published rate have reached the target. */
export function regionsReachingTarget(regions: readonly PublishedRegionRow[]): RegionsReaching {
	const rated = regions.map((r) => shownRate(r.rate)).filter((r): r is number => r !== null);
	return {
		rated: rated.length,
		reached: rated.filter((r) => r >= targets.coverage.rate).length,
		regions: regions.length
	};
}
