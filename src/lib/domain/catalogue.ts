/**
 * The policy catalogue: typed views over the reference data transcribed from the plan
 * and its four attachments (`data/reference/*.json`). Pure: no DuckDB, no DOM.
 */
import indicatorsJson from '../../../data/reference/indicators.json';
import industriesJson from '../../../data/reference/industries.json';
import linksJson from '../../../data/reference/links.json';
import regionsJson from '../../../data/reference/regions.json';
import scenariosJson from '../../../data/reference/scenarios.json';
import segmentsJson from '../../../data/reference/segments.json';
import targetsJson from '../../../data/reference/targets.json';
import tiersJson from '../../../data/reference/tiers.json';

export const TIER_KEYS = ['basic', 'advanced', 'excellent', 'leading'] as const;
export type TierKey = (typeof TIER_KEYS)[number];

export const SEGMENT_NAMES = ['工厂建设', '研发设计', '生产作业', '生产管理', '运营管理'] as const;
export type SegmentName = (typeof SEGMENT_NAMES)[number];

/**
 * One cell of 附件4: a description, "/" (the attachment says there is no description at
 * this tier), or missing (the source table has no cell at all — 附件4 row 28, 领航级).
 */
export type TierDescription =
	{ kind: 'text'; text: string } | { kind: 'none' } | { kind: 'missing' };

export interface Scenario {
	/** Number in 附件1 (the numbering the data contract uses). */
	no: number;
	/** Name as 附件1 spells it. */
	name: string;
	linkNo: number;
	link: string;
	/** 附件1's guide paragraph. */
	guide: string;
	/** Number, name and 环节 label as 附件4 has them (20/21 and 29/30 swapped, some names differ). */
	annex4: { no: number; name: string; link: string };
	/** The 环节 of 附件2 the tier rules count this scenario under. */
	segment: SegmentName;
	descriptions: Record<TierKey, TierDescription>;
}

export interface Link {
	no: number;
	name: string;
	annex4Name?: string;
}

export interface Tier {
	key: TierKey;
	name: string;
	rank: number;
	minScenarios: number;
	requiredSegments: SegmentName[];
	/** GB/T 39116 level required, or null where 附件2 sets none (基础级). */
	minMaturity: number | null;
	summary: string;
	segmentTexts: Record<SegmentName, string>;
}

export interface BasicRequirement {
	key: string;
	text: string;
}

export interface MaturityLevel {
	level: number;
	name: string;
	title: string;
}

export interface Indicator {
	no: number;
	key: string;
	group: string;
	name: string;
	description: string;
	kind: 'level' | 'amount';
	levels: string[];
	allowsNotApplicable: boolean;
	unit?: string;
	prompt?: string;
}

export interface Region {
	code: string;
	name: string;
	shortName: string;
	aliases: string[];
}

export interface IndustryDivision {
	/** Two-digit 大类 code, e.g. "26". */
	code: string;
	/** 门类 letter: B, C or D. */
	section: string;
	name: string;
}

function toDescription(cell: string | null): TierDescription {
	if (cell === null) return { kind: 'missing' };
	if (cell.trim() === '/') return { kind: 'none' };
	return { kind: 'text', text: cell };
}

function isSegmentName(value: string): value is SegmentName {
	return (SEGMENT_NAMES as readonly string[]).includes(value);
}

const segmentOfScenario = new Map<number, SegmentName>();
for (const segment of segmentsJson.segments) {
	if (!isSegmentName(segment.name))
		throw new Error(`Unknown 环节 in segments.json: ${segment.name}`);
	for (const no of segment.scenarios) segmentOfScenario.set(no, segment.name);
}

export const links: readonly Link[] = linksJson;

export const scenarios: readonly Scenario[] = scenariosJson.map((row) => {
	const segment = segmentOfScenario.get(row.no);
	if (!segment) throw new Error(`Scenario ${row.no} has no 环节 in segments.json`);
	return {
		no: row.no,
		name: row.name,
		linkNo: row.linkNo,
		link: row.link,
		guide: row.guide,
		annex4: row.annex4,
		segment,
		descriptions: {
			basic: toDescription(row.tiers.basic),
			advanced: toDescription(row.tiers.advanced),
			excellent: toDescription(row.tiers.excellent),
			leading: toDescription(row.tiers.leading)
		}
	};
});

export const segmentMapping = {
	source: segmentsJson.source,
	segments: segmentsJson.segments.map((s) => ({
		name: s.name as SegmentName,
		links: s.links,
		scenarios: s.scenarios
	}))
};

export const tiers: readonly Tier[] = tiersJson.tiers.map((t) => ({
	key: t.key as TierKey,
	name: t.name,
	rank: t.rank,
	minScenarios: t.minScenarios,
	requiredSegments: t.requiredSegments.filter(isSegmentName),
	minMaturity: t.minMaturity,
	summary: t.summary,
	segmentTexts: t.segmentTexts as Record<SegmentName, string>
}));

export const basicRequirements: readonly BasicRequirement[] = tiersJson.basicRequirements;
export const maturityLevels: readonly MaturityLevel[] = tiersJson.maturityLevels;
export const indicators: readonly Indicator[] = indicatorsJson as Indicator[];
export const regions: readonly Region[] = regionsJson.regions;
export const wholeRegion = regionsJson.wholeRegion;
export const industrySections = industriesJson.sections;
export const industryDivisions: readonly IndustryDivision[] = industriesJson.divisions;
export const targets = targetsJson;

/** Tier by key; every TierKey exists in tiers.json (checked by the catalogue tests). */
export function tierByKey(key: TierKey): Tier {
	const tier = tiers.find((t) => t.key === key);
	if (!tier) throw new Error(`No tier ${key}`);
	return tier;
}

export function tierName(key: TierKey): string {
	return tierByKey(key).name;
}

/**
 * The tier the plan's coverage target counts from ("基础级及以上 … 25%左右"): a coverage counted
 * from a higher tier (a 层级 filter) is not read against that target.
 */
export const PLAN_COVERAGE_TIER = tierName('basic');

export function tierRank(key: TierKey): number {
	return tierByKey(key).rank;
}

const scenarioNumbers = new Map(scenarios.map((s) => [s.no, s]));

export function scenarioByNo(no: number): Scenario | undefined {
	return scenarioNumbers.get(no);
}

/** The name of a GB/T 39116 level ("二级"), or a plain number where out of range. */
export function maturityName(level: number): string {
	return maturityLevels.find((m) => m.level === level)?.name ?? `${level}级`;
}
