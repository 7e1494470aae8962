/**
 * Values that identify a person or an enterprise, by their shape: resident ID numbers (15 and
 * 18 digits), 统一社会信用代码, mainland phone numbers as people write them (+86 / 0086, spaces,
 * dots, dashes, an area code in brackets), e-mail addresses, WeChat IDs and QQ numbers written
 * with their label. Found as the whole cell or inside a longer text ("请联系王工 138 1234 5678").
 *
 * Every cell of every file passes here (once per distinct value per column, privacy.ts), so a
 * value is looked at only when it could be one: long enough, with enough digits, an @, or a
 * WeChat/QQ label. The shapes are bounded (no letter or digit right before or after, no decimal
 * point before a landline) so that the contract's own values — 申报编号 such as SB2026-0001,
 * 企业编码 pseudonyms, amounts, dates, codes — are not taken for one.
 */
import { normalizeKey } from '../domain/text';
import { withoutHidden } from './hidden-characters';

/** 18-character 统一社会信用代码 (GB 32100): registration authority, type, region, body, check. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}[0-9A-HJ-NPQRTUWXY]$/;
/** A 统一社会信用代码 inside a text ("信用代码：91150100MA0N2XW31Q"), upper-cased. */
const CREDIT_CODE_IN_TEXT =
	/(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/;
/** The whole cell a mobile number or a landline with an area code (separators removed). */
const WHOLE_PHONE = /^(?:\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;
/** The whole cell a resident ID number (18 characters, the last may be X). */
const WHOLE_RESIDENT_ID = /^\d{17}[\dX]$/;

const DATE = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';
/** A resident ID inside a text: region, birth date (a plausible one), sequence, check. */
const RESIDENT_ID = new RegExp(
	`(?<![\\dA-Za-z])[1-9]\\d{5}[\\s-]?(?:(?:18|19|20)\\d{2}${DATE}[\\s-]?\\d{3}[\\dXx]|\\d{2}${DATE}[\\s-]?\\d{3})(?![\\dA-Za-z])`
);
/**
 * A mainland mobile number: 3-4-4 digits, with an optional country code and separators; no
 * letter or digit right before it unless that is a label ("TEL13812345678", "Mob.139…").
 */
const MOBILE =
	/(?:(?<![\dA-Za-z])|(?<=(?<![A-Za-z])(?:tel|phone|mobile|mob|fax|cell)\.?))(?:(?:\+|00)\s?86[\s-]?|\(\s?(?:\+|00)?86\s?\)\s?|86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}[\s-]?\d{4}|\.\d{4}\.\d{4})(?![\dA-Za-z])/i;
/**
 * A landline: an area code (0 and 2–3 digits, in brackets or not, or after +86) and 7–8 digits;
 * bounded as a mobile number is, and not after a decimal point.
 */
const LANDLINE =
	/(?:(?<![\dA-Za-z.])|(?<=(?<![A-Za-z])(?:tel|phone|mobile|mob|fax|cell)\.?))(?:(?:\+|00)\s?86[\s-]?\(?\s?0?[1-9]\d{1,2}\s?\)?|\(\s?0[1-9]\d{1,2}\s?\)|0[1-9]\d{1,2})[\s-]?[2-9]\d{2,3}[\s-]?\d{4}(?![\dA-Za-z.])/i;
/**
 * An address: its local part starts a run (so a long run before an @ is tried once, not from
 * each of its characters), and the parts are as long as the standard allows at most.
 */
const EMAIL =
	/(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/;
/** WeChat's own IDs (wxid_…) and an ID written after its label (微信：zhang_san88). */
const WECHAT =
	/(?<![A-Za-z0-9])wxid_[A-Za-z0-9_-]{4}|(?:微信号?|wechat|weixin|vx|wx)\s{0,4}(?:id|号)?\s{0,4}[:：]\s{0,4}[A-Za-z][-_A-Za-z0-9]{5,19}/i;
/** A QQ number after its label (QQ：12345678, QQ号 12345678). */
const QQ = /(?<![A-Za-z])qq\s{0,4}(?:号码?)?\s{0,4}[:：]?\s{0,4}[1-9]\d{4,11}(?!\d)/i;
const LABELS = /wx|vx|微信|wechat|weixin|qq/i;

/** Dashes of every width, as people type them between the groups of a number. */
const DASHES = /[\u2010-\u2015\u2212\u30fc\ufe58\ufe63\uff0d]/g;

/**
 * The value as the shapes read it: without the characters nobody sees (a zero-width space
 * splitting an ID number), its dashes as "-".
 */
function plainForm(value: string): string {
	if (/^[\x21-\x7e]*$/.test(value)) return value;
	return withoutHidden(value).replace(DASHES, '-');
}

function countDigits(value: string): number {
	let n = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n += 1;
	}
	return n;
}

/** The identifying kind a value looks like ("身份证号", "电话号码" …), or null. */
export function identifyingValueKind(given: string): string | null {
	// The shortest is an e-mail address (a@b.cn); a credit code needs six digits, IDs and
	// phones inside a text ten, a QQ number five.
	if (given.length < 6) return null;
	const digits = countDigits(given);
	const at = given.includes('@') || given.includes('＠');
	const labelled = LABELS.test(given);
	if (digits < 6 && !at && !labelled) return null;
	const value = plainForm(given);
	if (value.length >= 10 && digits >= 6) {
		const whole = normalizeKey(value).toUpperCase();
		if (whole.length === 18 && WHOLE_RESIDENT_ID.test(whole)) return '身份证号';
		if (whole.length === 18 && CREDIT_CODE.test(whole)) return '统一社会信用代码';
		if (WHOLE_PHONE.test(whole) || WHOLE_PHONE.test(whole.replace(/[-()]/g, ''))) return '电话号码';
	}
	const text = value.normalize('NFKC');
	if (digits >= 10) {
		if (RESIDENT_ID.test(text)) return '身份证号';
		if (MOBILE.test(text) || LANDLINE.test(text)) return '电话号码';
	}
	// After the ID number, which has its shape too (18 characters, six digits first).
	if (digits >= 6 && value.length >= 18 && CREDIT_CODE_IN_TEXT.test(text.toUpperCase())) {
		return '统一社会信用代码';
	}
	if (at && EMAIL.test(text)) return '电子邮箱';
	if (labelled && WECHAT.test(text)) return '微信号';
	if (labelled && digits >= 5 && QQ.test(text)) return 'QQ号';
	return null;
}
