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
	SEGMENT_NAMES,
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
 * Only the eligible tier of `evaluateDeclaration`, without its conditions' messages: the same
 * counting and the same conditions (a test holds the two equal); `evaluateDeclaration` explains
 * the result where it is needed.
 */
export function eligibleTierOf(declaration: DeclarationInput): TierKey | null {
	const nos = declaration.scenarios.map((s) => s.scenario);
	const ranks = declaration.scenarios.map((s) => tierRank(s.tier));
	const stated = declaration.basicRequirements ?? {};
	const anyUnmet = basicRequirements.some((r) => stated[r.key] === false);
	const rank = eligibleRankOf(nos, ranks, 0, nos.length, declaration.maturityLevel, anyUnmet);
	return tiers.find((tier) => tier.rank === rank)?.key ?? null;
}

/** 附件1 numbers the look-up tables below cover (a byte, as the import's columns hold them). */
const SCENARIO_NUMBERS = 256;

/**
 * The rules as look-up tables, made once: the rank a scenario counts at for each declared rank
 * (`countedTierOf`; 0 when not counted or not in 附件1), each scenario's 环节 as a bit, and each
 * tier's required 环节 as a mask.
 */
interface RankTables {
	countedRank: Uint8Array;
	segmentBit: Uint32Array;
	requiredSegments: number[];
}
let rankTables: RankTables | null = null;

function rankTablesOf(): RankTables {
	if (rankTables) return rankTables;
	const countedRank = new Uint8Array((TIER_KEYS.length + 1) * SCENARIO_NUMBERS);
	const segmentBit = new Uint32Array(SCENARIO_NUMBERS);
	const bitOf = (segment: SegmentName) => 1 << SEGMENT_NAMES.indexOf(segment);
	for (let no = 0; no < SCENARIO_NUMBERS; no++) {
		const scenario = scenarioByNo(no);
		if (!scenario) continue;
		segmentBit[no] = bitOf(scenario.segment);
		for (const declared of TIER_KEYS) {
			const { tier } = countedTierOf(no, declared);
			countedRank[tierRank(declared) * SCENARIO_NUMBERS + no] = tier ? tierRank(tier) : 0;
		}
	}
	const requiredSegments = tiers.map((tier) =>
		tier.requiredSegments.reduce((mask, segment) => mask | bitOf(segment), 0)
	);
	return (rankTables = { countedRank, segmentBit, requiredSegments });
}

/** Scratch for `eligibleRankOf`: the best counted rank per scenario number, zero between calls. */
const bestRank = new Uint8Array(SCENARIO_NUMBERS);
/** Scratch for `eligibleRankOf`, per tier rank: scenarios counted at it or above, their 环节. */
const qualifying = new Int32Array(TIER_KEYS.length + 1);
const covered = new Uint32Array(TIER_KEYS.length + 1);

/**
 * `eligibleTierOf` over plain numbers, for the import to ask of every declaration without making
 * objects: the declaration's scenarios are `nos[i]` (附件1 number) declared at tier rank
 * `ranks[i]` for i in [start, end). Returns the eligible tier's rank, 0 when not even 基础级.
 * A scenario declared more than once counts once, at its best counted tier.
 */
export function eligibleRankOf(
	nos: ArrayLike<number>,
	ranks: ArrayLike<number>,
	start: number,
	end: number,
	maturityLevel: number | null,
	anyUnmet = false
): number {
	const { countedRank, segmentBit, requiredSegments } = rankTablesOf();
	const inTable = (no: number) => Number.isInteger(no) && no >= 0 && no < SCENARIO_NUMBERS;
	for (let i = start; i < end; i++) {
		const no = nos[i] as number;
		const rank = ranks[i] as number;
		if (!inTable(no) || !(rank >= 1 && rank <= TIER_KEYS.length)) continue;
		const counted = countedRank[rank * SCENARIO_NUMBERS + no] as number;
		if (counted > (bestRank[no] as number)) bestRank[no] = counted;
	}
	qualifying.fill(0);
	covered.fill(0);
	for (let i = start; i < end; i++) {
		const no = nos[i] as number;
		if (!inTable(no)) continue;
		const best = bestRank[no] as number;
		if (best === 0) continue;
		bestRank[no] = 0; // counted once, and the scratch left clean
		for (let r = 1; r <= best; r++) {
			qualifying[r] = (qualifying[r] as number) + 1;
			covered[r] = (covered[r] as number) | (segmentBit[no] as number);
		}
	}
	let eligible = 0;
	for (const [t, tier] of tiers.entries()) {
		const required = requiredSegments[t] as number;
		const held =
			(qualifying[tier.rank] ?? 0) >= tier.minScenarios &&
			((covered[tier.rank] ?? 0) & required) === required &&
			(tier.minMaturity === null ||
				(maturityLevel !== null && maturityLevel >= tier.minMaturity)) &&
			!anyUnmet;
		if (!held) break;
		eligible = tier.rank;
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
