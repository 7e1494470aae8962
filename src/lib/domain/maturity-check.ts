/**
 * Does a claimed GB/T 39116 maturity level agree with the enterprise's own 附件3 indicator
 * levels? 附件2 一、5 asks for the maturity self-evaluation to be made "利用…（附件3）进行评估",
 * so the nine 附件3 level indicators are the evidence for the claim. Pure.
 *
 * The two scales are not mapped by the policy. Read side by side, 附件3 level 1 is "not yet
 * digital" (paper, manual work, no digital tool) and levels 2–6 follow GB/T 39116 一级–五级
 * (规划 → 规范 → 集成 → 优化 → 引领): single digital tools, then professional systems (MES, ERP,
 * PLM), then integration across departments, then model- and data-driven optimisation, then AI
 * and digital twins. So GB/T level L reads as 附件3 level L + 1. Allowing each indicator one level
 * of slack, an indicator contradicts a claim of level L when it is below level L; the claim is
 * contradicted when more than half of the answered level indicators do (GB/T 39116 judges a
 * level over all domains together, so one weak area does not). 不涉及 is not an answer here, and
 * 数字化投入规模 is an amount, not a level (docs/decisions.md, 2026-12-02).
 */
import { indicators, maturityLevels, maturityName } from './catalogue';

/** The lowest 附件3 level an indicator may have without contradicting a claim of GB/T level L. */
export function minimumIndicatorLevel(claimedLevel: number): number {
	return claimedLevel;
}

export interface IndicatorBelowClaim {
	key: string;
	no: number;
	name: string;
	level: number;
	/** 附件3's text for that level. */
	levelText: string;
	/** Chinese: "2. 生产作业数字化水平为1级，低于四级至少应有的4级". */
	message: string;
}

export interface MaturityCheck {
	claimed: number | null;
	/** Level indicators answered with a level 1–6 (不涉及 and unanswered left out). */
	answered: number;
	/** The answered indicators below what the claim needs (listed even when not a majority). */
	below: IndicatorBelowClaim[];
	/** More than half of the answered indicators are below the claim. */
	contradicted: boolean;
	/** The highest GB/T level the answered indicators support; null when none is answered. */
	supportedLevel: number | null;
}

const levelIndicators = indicators.filter((i) => i.kind === 'level');
const HIGHEST_LEVEL = Math.max(...maturityLevels.map((m) => m.level));

/** "四级（优化级）". */
export function maturityLabel(level: number): string {
	const title = maturityLevels.find((m) => m.level === level)?.title;
	return title ? `${maturityName(level)}（${title}）` : maturityName(level);
}

export function checkMaturityClaim(
	claimed: number | null,
	levels: Readonly<Partial<Record<string, number>>>
): MaturityCheck {
	const answered = levelIndicators.flatMap((indicator) => {
		const level = levels[indicator.key];
		return level !== undefined && level >= 1 ? [{ indicator, level }] : [];
	});
	const countBelow = (claim: number) =>
		answered.filter((a) => a.level < minimumIndicatorLevel(claim)).length;
	const supports = (claim: number) => countBelow(claim) * 2 <= answered.length;

	let supportedLevel: number | null = null;
	if (answered.length > 0) {
		supportedLevel = 1;
		for (let level = 2; level <= HIGHEST_LEVEL && supports(level); level++) supportedLevel = level;
	}
	const below =
		claimed === null
			? []
			: answered
					.filter((a) => a.level < minimumIndicatorLevel(claimed))
					.map(({ indicator, level }) => ({
						key: indicator.key,
						no: indicator.no,
						name: indicator.name,
						level,
						levelText: indicator.levels[level - 1] ?? '',
						message: `${indicator.no}. ${indicator.name}为${level}级，低于${maturityName(claimed)}至少应有的${minimumIndicatorLevel(claimed)}级`
					}));
	return {
		claimed,
		answered: answered.length,
		below,
		contradicted: claimed !== null && answered.length > 0 && !supports(claimed),
		supportedLevel
	};
}

/** The rule in one Chinese paragraph, for the page and its print. */
export const MATURITY_RULE_TEXT =
	'附件2要求成熟度自评价“利用附件3进行评估”。对照两者各级描述，附件3的1级为尚未数字化，2–6级依次大致对应GB/T 39116的一级（规划级）至五级（引领级）；' +
	'每项指标允许低一级，即成熟度N级要求指标不低于N级。已填的等级指标过半低于此，所填成熟度即与附件3不符，需核实（不涉及、未填写和数字化投入规模不计）。';
