/**
 * 附件3 item 7, 数字化投入规模: "自2014年以来 … 总金额 _____万元。其中：2024年投入_____万元。"
 * Both amounts are read from what the enterprise typed and checked: a number, not negative, not
 * beyond belief, and 2024's part no larger than the whole. Pure; the messages are Chinese and
 * go next to the field.
 */
import type { SelfAssessment } from './self-assessment';

export type AmountField = 'investment' | 'investment2024';

export const AMOUNT_LABELS: Readonly<Record<AmountField, string>> = {
	investment: '数字化投入规模（自2014年以来总投入）',
	investment2024: '其中：2024年投入'
};

/**
 * 1 亿万元 = 1 万亿元: more than any enterprise's digitalisation spend, so a number above it is a
 * slip (a unit in 元, extra zeros), not an entry.
 */
export const AMOUNT_MAX = 1e8;

export type AmountReading = { ok: true; value: number | null } | { ok: false; reason: string };

/**
 * "1250", "1,250.5", full-width "１２５０", "1250万元" → a number of 万元; "" → null (not answered).
 * A minus sign of any kind (-, −, －) is read as one, so "−5" is refused as negative, not as text.
 */
export function parseAmount(text: string): AmountReading {
	const folded = text
		.normalize('NFKC')
		.replace(/[\s,，]/g, '')
		.replace(/[\u2212\u2012\u2013\u2014\ufe63]/g, '-')
		.replace(/万元$/, '');
	if (folded === '') return { ok: true, value: null };
	if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(folded)) {
		return {
			ok: false,
			reason: `“${text.trim()}”不是数字：请只填写金额数字（单位：万元），如 1250 或 1,250.5`
		};
	}
	const value = Number(folded);
	if (value < 0) return { ok: false, reason: `投入金额不能为负数（填写的是 ${text.trim()}）` };
	if (value > AMOUNT_MAX) {
		return { ok: false, reason: '金额超过 1 亿万元（1 万亿元），请核对：本栏单位是万元' };
	}
	// "-0" reads as 0; keep it a plain zero.
	return { ok: true, value: value === 0 ? 0 : value };
}

/** 1250.5 → "1,250.5万元" (the enterprise's own figure: every digit kept, grouped by thousands). */
export function formatWanYuan(value: number): string {
	return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 4 })}万元`;
}

export interface AmountCheck {
	values: Record<AmountField, number | null>;
	/** Chinese reason by field, only for fields with a problem. */
	errors: Partial<Record<AmountField, string>>;
}

/** Both amounts of item 7 read and checked against each other. */
export function checkAmounts(
	assessment: Pick<SelfAssessment, 'investment' | 'investment2024'>
): AmountCheck {
	const values: Record<AmountField, number | null> = { investment: null, investment2024: null };
	const errors: Partial<Record<AmountField, string>> = {};
	for (const field of ['investment', 'investment2024'] as const) {
		const reading = parseAmount(assessment[field]);
		if (reading.ok) values[field] = reading.value;
		else errors[field] = reading.reason;
	}
	const { investment: total, investment2024: of2024 } = values;
	if (of2024 !== null && total === null && !errors.investment) {
		errors.investment = `已填写2024年投入 ${formatWanYuan(of2024)}，请同时填写自2014年以来的总投入（总投入包含2024年投入）`;
	}
	if (of2024 !== null && total !== null && of2024 > total) {
		errors.investment2024 = `2024年投入 ${formatWanYuan(of2024)} 大于自2014年以来的总投入 ${formatWanYuan(total)}：2024年投入是总投入的一部分，不能更大`;
	}
	return { values, errors };
}
