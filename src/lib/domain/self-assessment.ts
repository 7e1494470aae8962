/**
 * An enterprise's self-assessment (自评): its scenarios and the tier each meets, its GB/T 39116
 * maturity level, 附件2's basic requirements and 附件3's indicators. Pure: turned into a
 * declaration for the rules, and saved to / read from a JSON file the enterprise keeps.
 */
import { basicRequirements, indicators, scenarios, TIER_KEYS, type TierKey } from './catalogue';
import type { DeclarationInput } from './rules';

export interface SelfAssessment {
	version: 1;
	/** 附件1 number → the tier whose 附件4 description the scenario meets (absent: not built). */
	scenarios: Partial<Record<number, TierKey>>;
	maturityLevel: number | null;
	/** 附件2 一 basic requirements by key: true met, false not met, absent not answered. */
	basicRequirements: Partial<Record<string, boolean>>;
	/** 附件3 indicator key → level 1–6, 0 for 不涉及. */
	indicators: Partial<Record<string, number>>;
	/** 数字化投入规模（万元）. */
	investment: number | null;
}

export function emptySelfAssessment(): SelfAssessment {
	return {
		version: 1,
		scenarios: {},
		maturityLevel: null,
		basicRequirements: {},
		indicators: {},
		investment: null
	};
}

export function toDeclaration(assessment: SelfAssessment): DeclarationInput {
	return {
		scenarios: Object.entries(assessment.scenarios).flatMap(([no, tier]) =>
			tier ? [{ scenario: Number(no), tier }] : []
		),
		maturityLevel: assessment.maturityLevel,
		basicRequirements: assessment.basicRequirements
	};
}

export const SELF_ASSESSMENT_FILE_TYPE = 'imau-smart-factory-self-assessment';

export function serializeSelfAssessment(assessment: SelfAssessment): string {
	return JSON.stringify({ type: SELF_ASSESSMENT_FILE_TYPE, ...assessment }, null, 2);
}

/** Read a saved file back; every value is checked against the catalogue. */
export function parseSelfAssessment(
	text: string
): { ok: true; value: SelfAssessment } | { ok: false; reason: string } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, reason: '文件不是有效的 JSON' };
	}
	const d = data as Record<string, unknown>;
	if (d?.type !== SELF_ASSESSMENT_FILE_TYPE || d.version !== 1) {
		return { ok: false, reason: '这不是本系统保存的自评文件' };
	}
	const result = emptySelfAssessment();
	const scenarioNos = new Set(scenarios.map((s) => s.no));
	for (const [no, tier] of Object.entries((d.scenarios ?? {}) as Record<string, unknown>)) {
		if (!scenarioNos.has(Number(no)) || !TIER_KEYS.includes(tier as TierKey)) {
			return { ok: false, reason: `场景 ${no} 的层级“${String(tier)}”无效` };
		}
		result.scenarios[Number(no)] = tier as TierKey;
	}
	const maturity = d.maturityLevel;
	if (
		maturity !== null &&
		!(Number.isInteger(maturity) && (maturity as number) >= 1 && (maturity as number) <= 5)
	) {
		return { ok: false, reason: '成熟度等级无效' };
	}
	result.maturityLevel = maturity as number | null;
	const requirementKeys = new Set(basicRequirements.map((r) => r.key));
	for (const [key, value] of Object.entries(
		(d.basicRequirements ?? {}) as Record<string, unknown>
	)) {
		if (!requirementKeys.has(key) || typeof value !== 'boolean') {
			return { ok: false, reason: `基础要求“${key}”无效` };
		}
		result.basicRequirements[key] = value;
	}
	for (const [key, value] of Object.entries((d.indicators ?? {}) as Record<string, unknown>)) {
		const indicator = indicators.find((i) => i.key === key && i.kind === 'level');
		const level = Number(value);
		if (
			!indicator ||
			!Number.isInteger(level) ||
			level < 0 ||
			level > 6 ||
			(level === 0 && !indicator.allowsNotApplicable)
		) {
			return { ok: false, reason: `指标“${key}”的等级无效` };
		}
		result.indicators[key] = level;
	}
	const investment = d.investment;
	if (investment !== null && !(typeof investment === 'number' && investment >= 0)) {
		return { ok: false, reason: '数字化投入规模无效' };
	}
	result.investment = investment as number | null;
	return { ok: true, value: result };
}
