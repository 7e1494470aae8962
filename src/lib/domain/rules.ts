/**
 * The tier rules of 附件2 applied to one declaration. Pure: the conditions come from the
 * catalogue (tiers.json, segments.json, scenarios.json), never from constants here.
 *
 * A tier's conditions: at least `minScenarios` scenarios built at that tier or above; every
 * required 环节 holding at least one such scenario; a GB/T 39116 maturity level of at least
 * `minMaturity`; and none of 附件2's basic requirements declared unmet.
 */
import {
	basicRequirements,
	scenarioByNo,
	tiers,
	tierName,
	tierRank,
	TIER_KEYS,
	type SegmentName,
	type TierKey
} from './catalogue';
import { maturityName } from './catalogue';

export interface DeclaredScenario {
	/** Scenario number in 附件1's numbering. */
	scenario: number;
	/** The tier whose 附件4 description the enterprise says it meets. */
	tier: TierKey;
}

export interface DeclarationInput {
	scenarios: readonly DeclaredScenario[];
	/** GB/T 39116 level 1–5, or null when not given. */
	maturityLevel: number | null;
	/** 附件2 一 basic requirements by key; a key left out is "not stated" and not judged. */
	basicRequirements?: Readonly<Record<string, boolean | undefined>>;
}

export type ConditionKind = 'scenarioCount' | 'segment' | 'maturity' | 'basicRequirement';

export interface Condition {
	kind: ConditionKind;
	held: boolean;
	/** Chinese, e.g. "先进级及以上场景数 8，少于 10" or "生产管理环节无场景". */
	message: string;
}

export interface TierCheck {
	tier: TierKey;
	tierName: string;
	held: boolean;
	conditions: Condition[];
}

/** How one declared scenario is counted, with a note when it differs from what was declared. */
export interface CountedScenario {
	scenario: number;
	name: string;
	segment: SegmentName;
	declaredTier: TierKey;
	/** The tier the rules count it at, or null when 附件4 has no description at or below it. */
	countedTier: TierKey | null;
	note: string | null;
}

export interface Evaluation {
	/** The highest tier whose conditions all hold, or null when not even 基础级 does. */
	eligibleTier: TierKey | null;
	checks: TierCheck[];
	/** The tier above the eligible one and its failing conditions; null at 领航级. */
	next: { tier: TierKey; tierName: string; missing: string[] } | null;
	counted: CountedScenario[];
	/** Declaration-level notes: unknown scenarios, duplicates, requirements not stated. */
	notes: string[];
}

/**
 * The tier a declared scenario counts at: the declared tier when 附件4 describes it there
 * (or the cell is missing from the source), else the highest lower tier with a description.
 */
export function countedTierOf(scenarioNo: number, declared: TierKey): CountedTier {
	// Pure in its two arguments, and asked once per scenario row of an import: remembered.
	let byScenario = countedTiers.get(declared);
	if (!byScenario) countedTiers.set(declared, (byScenario = new Map()));
	let known = byScenario.get(scenarioNo);
	if (!known) byScenario.set(scenarioNo, (known = Object.freeze(countTier(scenarioNo, declared))));
	return known;
}

type CountedTier = { readonly tier: TierKey | null; readonly note: string | null };
const countedTiers = new Map<TierKey, Map<number, CountedTier>>();

function countTier(scenarioNo: number, declared: TierKey): CountedTier {
	const scenario = scenarioByNo(scenarioNo);
	if (!scenario) return { tier: null, note: `场景编号${scenarioNo}不在附件1中` };
	const cell = scenario.descriptions[declared];
	if (cell.kind === 'text') return { tier: declared, note: null };
	if (cell.kind === 'missing') {
		return {
			tier: declared,
			note: `附件4中“${scenario.name}”${tierName(declared)}描述原文缺失，按申报层级计`
		};
	}
	const lower = TIER_KEYS.slice(0, TIER_KEYS.indexOf(declared))
		.reverse()
		.find((t) => scenario.descriptions[t].kind === 'text');
	const base = `附件4中“${scenario.name}”在${tierName(declared)}无描述（“/”）`;
	return lower
		? { tier: lower, note: `${base}，按${tierName(lower)}计` }
		: { tier: null, note: `${base}，且无更低层级描述，不计入场景数` };
}

function atOrAbove(tier: TierKey | null, threshold: TierKey): boolean {
	return tier !== null && tierRank(tier) >= tierRank(threshold);
}

/**
 * Only the eligible tier of `evaluateDeclaration`, without its conditions' messages: the import
 * asks it of every declaration. The same counting and the same conditions (a test holds the
 * two equal); `evaluateDeclaration` explains the result where it is needed.
 */
export function eligibleTierOf(declaration: DeclarationInput): TierKey | null {
	const best = new Map<number, number>();
	for (const declared of declaration.scenarios) {
		if (!scenarioByNo(declared.scenario)) continue;
		const { tier } = countedTierOf(declared.scenario, declared.tier);
		const rank = tier ? tierRank(tier) : 0;
		const previous = best.get(declared.scenario);
		if (previous === undefined || rank > previous) best.set(declared.scenario, rank);
	}
	const stated = declaration.basicRequirements ?? {};
	const anyUnmet = basicRequirements.some((r) => stated[r.key] === false);
	// Per tier rank: the scenarios counted at it or above, and the 环节 they cover.
	const qualifying = new Array<number>(tiers.length + 1).fill(0);
	const segments: Set<SegmentName>[] = [];
	for (const [no, rank] of best) {
		const segment = (scenarioByNo(no) as NonNullable<ReturnType<typeof scenarioByNo>>).segment;
		for (let r = 1; r <= rank; r++) {
			qualifying[r] = (qualifying[r] as number) + 1;
			(segments[r] ??= new Set()).add(segment);
		}
	}
	let eligible: TierKey | null = null;
	for (const tier of tiers) {
		const count = qualifying[tier.rank] ?? 0;
		const covered = segments[tier.rank];
		const maturity = declaration.maturityLevel;
		const held =
			count >= tier.minScenarios &&
			tier.requiredSegments.every((segment) => covered?.has(segment) === true) &&
			(tier.minMaturity === null || (maturity !== null && maturity >= tier.minMaturity)) &&
			!anyUnmet;
		if (!held) break;
		eligible = tier.key;
	}
	return eligible;
}

/** Evaluate a declaration against every tier of 附件2. */
export function evaluateDeclaration(declaration: DeclarationInput): Evaluation {
	const notes: string[] = [];
	const bestByScenario = new Map<number, CountedScenario>();
	for (const declared of declaration.scenarios) {
		const scenario = scenarioByNo(declared.scenario);
		if (!scenario) {
			notes.push(`场景编号${declared.scenario}不在附件1中，未计入`);
			continue;
		}
		const { tier, note } = countedTierOf(declared.scenario, declared.tier);
		const entry: CountedScenario = {
			scenario: scenario.no,
			name: scenario.name,
			segment: scenario.segment,
			declaredTier: declared.tier,
			countedTier: tier,
			note
		};
		const previous = bestByScenario.get(scenario.no);
		if (previous) {
			notes.push(`场景“${scenario.name}”重复填报，按较高层级计一次`);
			const previousRank = previous.countedTier ? tierRank(previous.countedTier) : 0;
			if ((tier ? tierRank(tier) : 0) <= previousRank) continue;
		}
		bestByScenario.set(scenario.no, entry);
	}
	const counted = [...bestByScenario.values()].sort((a, b) => a.scenario - b.scenario);

	const stated = declaration.basicRequirements ?? {};
	const unmet = basicRequirements.filter((r) => stated[r.key] === false);
	const unstated = basicRequirements.filter((r) => stated[r.key] === undefined);
	if (unstated.length > 0 && declaration.basicRequirements !== undefined) {
		notes.push(`基础要求未填报 ${unstated.length} 项，未纳入判断`);
	}

	const checks: TierCheck[] = tiers.map((tier) => {
		const conditions: Condition[] = [];
		const qualifying = counted.filter((c) => atOrAbove(c.countedTier, tier.key));
		const scope = `${tier.name}及以上场景数`;
		conditions.push({
			kind: 'scenarioCount',
			held: qualifying.length >= tier.minScenarios,
			message:
				qualifying.length >= tier.minScenarios
					? `${scope} ${qualifying.length}，不少于 ${tier.minScenarios}`
					: `${scope} ${qualifying.length}，少于 ${tier.minScenarios}`
		});
		for (const segment of tier.requiredSegments) {
			const inSegment = counted.filter((c) => c.segment === segment && c.countedTier !== null);
			const held = qualifying.some((c) => c.segment === segment);
			let message = `${segment}环节有${tier.name}及以上场景`;
			if (!held) {
				message =
					inSegment.length === 0
						? `${segment}环节无场景`
						: `${segment}环节无${tier.name}及以上场景`;
			}
			conditions.push({ kind: 'segment', held, message });
		}
		if (tier.minMaturity !== null) {
			const level = declaration.maturityLevel;
			const required = maturityName(tier.minMaturity);
			if (level === null) {
				conditions.push({
					kind: 'maturity',
					held: false,
					message: `未填报成熟度等级，需${required}及以上`
				});
			} else {
				const held = level >= tier.minMaturity;
				conditions.push({
					kind: 'maturity',
					held,
					message: held
						? `成熟度${maturityName(level)}，达到${required}`
						: `成熟度${maturityName(level)}，低于${required}`
				});
			}
		}
		for (const requirement of unmet) {
			conditions.push({
				kind: 'basicRequirement',
				held: false,
				message: `基础要求未满足：${requirement.text}`
			});
		}
		return {
			tier: tier.key,
			tierName: tier.name,
			held: conditions.every((c) => c.held),
			conditions
		};
	});

	// 附件2's tiers are nested, so the eligible tier is the last of the unbroken run that holds.
	let eligibleTier: TierKey | null = null;
	for (const check of checks) {
		if (!check.held) break;
		eligibleTier = check.tier;
	}
	const nextCheck =
		checks[eligibleTier === null ? 0 : checks.findIndex((c) => c.tier === eligibleTier) + 1];
	const next = nextCheck
		? {
				tier: nextCheck.tier,
				tierName: nextCheck.tierName,
				missing: nextCheck.conditions.filter((c) => !c.held).map((c) => c.message)
			}
		: null;

	return { eligibleTier, checks, next, counted, notes };
}
