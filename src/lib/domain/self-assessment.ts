/**
 * An enterprise's self-assessment (自评): its scenarios and the tier each meets, its GB/T 39116
 * maturity level, 附件2's basic requirements and 附件3's indicators. Pure: turned into a
 * declaration for the rules, and saved to / read from a JSON file the enterprise keeps (the page
 * also keeps the same JSON in the browser).
 */
import { basicRequirements, indicators, scenarios, TIER_KEYS, type TierKey } from './catalogue';
import type { DeclarationInput } from './rules';

export interface SelfAssessment {
	version: 2;
	/** 附件1 number → the tier whose 附件4 description the scenario meets (absent: not built). */
	scenarios: Partial<Record<number, TierKey>>;
	maturityLevel: number | null;
	/** 附件2 一 basic requirements by key: true met, false not met, absent not answered. */
	basicRequirements: Partial<Record<string, boolean>>;
	/** 附件3 indicator key → level 1–6, 0 for 不涉及. */
	indicators: Partial<Record<string, number>>;
	/**
	 * 附件3 item 7, 数字化投入规模: the total since 2014 and, 其中, 2024's (万元) — as typed, so a
	 * mistyped amount is kept and shown with its reason (`checkAmounts`), never silently dropped.
	 */
	investment: string;
	investment2024: string;
}

export function emptySelfAssessment(): SelfAssessment {
	return {
		version: 2,
		scenarios: {},
		maturityLevel: null,
		basicRequirements: {},
		indicators: {},
		investment: '',
		investment2024: ''
	};
}

export function toDeclaration(
	assessment: SelfAssessment,
	maturityLevel = assessment.maturityLevel
): DeclarationInput {
	return {
		scenarios: Object.entries(assessment.scenarios).flatMap(([no, tier]) =>
			tier ? [{ scenario: Number(no), tier }] : []
		),
		maturityLevel,
		basicRequirements: assessment.basicRequirements
	};
}

/** Whether anything at all has been entered. */
export function isEmptyAssessment(assessment: SelfAssessment): boolean {
	return describeEntries(assessment).length === 0;
}

/** What has been entered, item by item in Chinese ("已选 12 个场景", "成熟度等级") — what a clear loses. */
export function describeEntries(assessment: SelfAssessment): string[] {
	const parts: string[] = [];
	const built = Object.values(assessment.scenarios).filter(Boolean).length;
	if (built > 0) parts.push(`已选 ${built} 个场景及其层级`);
	if (assessment.maturityLevel !== null) parts.push('成熟度等级');
	const answered = Object.keys(assessment.basicRequirements).length;
	if (answered > 0) parts.push(`${answered} 项基础要求的回答`);
	const levels = Object.keys(assessment.indicators).length;
	if (levels > 0) parts.push(`${levels} 项附件3指标等级`);
	if (assessment.investment.trim() !== '' || assessment.investment2024.trim() !== '') {
		parts.push('数字化投入金额');
	}
	return parts;
}

export const SELF_ASSESSMENT_FILE_TYPE = 'imau-smart-factory-self-assessment';

export function serializeSelfAssessment(assessment: SelfAssessment): string {
	return JSON.stringify({ type: SELF_ASSESSMENT_FILE_TYPE, ...assessment }, null, 2);
}

/** The amount fields take at most this many characters (the page's `maxlength`), and so does reading. */
export const AMOUNT_TEXT_MAX = 40;

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Read a saved file (or the page's stored copy) back; every value is checked against the
 * catalogue. Version 1 files (before item 7's 2024 amount) are read too: their amount was a
 * number.
 */
export function parseSelfAssessment(
	text: string
): { ok: true; value: SelfAssessment } | { ok: false; reason: string } {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, reason: '不是有效的 JSON' };
	}
	if (!isRecord(data) || data.type !== SELF_ASSESSMENT_FILE_TYPE) {
		return { ok: false, reason: '不是本系统保存的自评内容' };
	}
	if (data.version !== 1 && data.version !== 2) {
		return { ok: false, reason: `自评内容的版本“${String(data.version)}”无法识别` };
	}
	const result = emptySelfAssessment();
	for (const part of ['scenarios', 'basicRequirements', 'indicators'] as const) {
		if (data[part] !== undefined && !isRecord(data[part])) {
			return { ok: false, reason: '自评内容的结构无法识别' };
		}
	}
	const scenarioNos = new Set(scenarios.map((s) => s.no));
	for (const [no, tier] of Object.entries((data.scenarios ?? {}) as Record<string, unknown>)) {
		if (!scenarioNos.has(Number(no)) || !TIER_KEYS.includes(tier as TierKey)) {
			return { ok: false, reason: `场景 ${no} 的层级“${String(tier)}”无效` };
		}
		result.scenarios[Number(no)] = tier as TierKey;
	}
	const maturity = data.maturityLevel ?? null;
	if (
		maturity !== null &&
		!(Number.isInteger(maturity) && (maturity as number) >= 1 && (maturity as number) <= 5)
	) {
		return { ok: false, reason: '成熟度等级无效' };
	}
	result.maturityLevel = maturity as number | null;
	const requirementKeys = new Set(basicRequirements.map((r) => r.key));
	for (const [key, value] of Object.entries(
		(data.basicRequirements ?? {}) as Record<string, unknown>
	)) {
		if (!requirementKeys.has(key) || typeof value !== 'boolean') {
			return { ok: false, reason: `基础要求“${key}”无效` };
		}
		result.basicRequirements[key] = value;
	}
	for (const [key, value] of Object.entries((data.indicators ?? {}) as Record<string, unknown>)) {
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
	if (data.version === 1) {
		const investment = data.investment ?? null;
		if (investment !== null && !(typeof investment === 'number' && investment >= 0)) {
			return { ok: false, reason: '数字化投入规模无效' };
		}
		result.investment = investment === null ? '' : String(investment);
		return { ok: true, value: result };
	}
	for (const field of ['investment', 'investment2024'] as const) {
		const value = data[field] ?? '';
		if (typeof value !== 'string' || value.length > AMOUNT_TEXT_MAX) {
			return { ok: false, reason: '数字化投入规模无效' };
		}
		result[field] = value;
	}
	return { ok: true, value: result };
}
