/**
 * The report's paragraph in Chinese, written from the published headline figures only: a
 * hidden count reads "少于k家", a hidden rate is said to be unpublished. Every number in it is
 * one the report's tables show. Pure.
 */
import { targets, tierName } from '../domain/catalogue';
import { formatPercent, formatPointDifference } from '../format';
import type { Disclosed, DisclosureRule } from './disclosure';
import { shownRate, type HeadlineFigures, type PublishedRegionRow } from './model';

const TARGET_TIERS = ['advanced', 'excellent', 'leading'] as const;

function count(cell: Disclosed, rule: DisclosureRule): string {
	if (cell.kind === 'primary') return `少于${rule.minCount}家`;
	if (cell.kind === 'secondary') return '若干家（不公布）';
	return `${cell.value}家`;
}

function comparatorText(comparator: string) {
	return comparator === 'atLeast' ? '以上' : comparator === 'about' ? '左右' : '';
}

/** "截至2026年底，全区基础级及以上智能工厂覆盖规上工业企业501家，覆盖率为12.3%，较上年提高…" */
export function reportNarrative(
	headline: HeadlineFigures,
	scopeName: string,
	rule: DisclosureRule,
	regionsReachingTarget: { reached: number; rated: number } | null = null
): string[] {
	const { year, row } = headline;
	const goal = formatPercent(targets.coverage.rate);
	const goalYear = targets.coverage.year;
	const rate = shownRate(row.rate);
	const paragraphs: string[] = [];

	let coverage = `截至${year}年底，${scopeName}基础级及以上智能工厂覆盖规上工业企业${count(row.covered, rule)}`;
	if (rate === null) {
		coverage +=
			row.rate.kind === 'none'
				? '，缺少规上工业企业基数，覆盖率无法计算。'
				: `，因涉及企业较少，覆盖率不予公布。`;
	} else {
		coverage += `，覆盖率为${formatPercent(rate)}`;
		if (headline.change !== null) {
			const c = headline.change;
			coverage +=
				Math.abs(c) < 0.0005
					? '，与上年持平'
					: `，较上年${c > 0 ? '提高' : '下降'}${formatPointDifference(Math.abs(c))}`;
		}
		coverage +=
			headline.gap !== null && headline.gap > 0
				? `，距${goalYear}年${goal}目标尚差${formatPointDifference(headline.gap)}。`
				: `，已达到${goalYear}年${goal}目标。`;
		if (headline.pathRate !== null) {
			const above = rate >= headline.pathRate;
			coverage += `按计划路径，${year}年底应达${formatPercent(headline.pathRate)}，实际${above ? '高于' : '低于'}路径${formatPointDifference(Math.abs(rate - headline.pathRate))}`;
			coverage +=
				headline.projectedRate !== null
					? `；按当前进度，${goalYear}年底约为${formatPercent(headline.projectedRate)}。`
					: '。';
		}
	}
	paragraphs.push(coverage);

	const starts = `${year}年开展基础级智能工厂建设的企业${count(row.startsDeclared, rule)}（计划每年${targets.basicStartsPerYear.count}家），其中已认定${count(row.startsAwarded, rule)}。`;
	const tiers = TARGET_TIERS.map((key) => `${tierName(key)}${count(row.tiers[key], rule)}`).join(
		'、'
	);
	const tierTargets = targets.tierCounts
		.map((t) => `${t.count}家${comparatorText(t.comparator)}`)
		.join('、');
	paragraphs.push(`${starts}现有${tiers}（${goalYear}年目标分别为${tierTargets}）。`);

	if (regionsReachingTarget) {
		paragraphs.push(
			`在公布覆盖率的${regionsReachingTarget.rated}个盟市中，${regionsReachingTarget.reached}个已达到${goal}。`
		);
	}
	return paragraphs;
}

/** How many 盟市 with a published rate have reached the target. */
export function regionsReachingTarget(regions: readonly PublishedRegionRow[]) {
	const rated = regions.map((r) => shownRate(r.rate)).filter((r): r is number => r !== null);
	return { rated: rated.length, reached: rated.filter((r) => r >= targets.coverage.rate).length };
}
