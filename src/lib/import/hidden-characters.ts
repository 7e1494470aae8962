/**
 * Characters a cell can hold that nobody sees (docs/data-in.md, "Characters nobody sees"):
 *
 * - **controls**, which make a value uncertain: C0 and C1 controls other than the tab and line
 *   breaks (those fold to spaces), DEL, and the bidi controls that reorder what is shown
 *   (U+202E shows "ABC" as "CBA"). A cell holding one is rejected.
 * - **invisible format characters**, which take no space: zero-width space and (non-)joiner,
 *   word joiner, BOM, soft hyphen, variation selectors. Pasted in from web pages and chat, they
 *   make "E123" followed by U+200B a key other than the "E123" it shows. They are removed, with
 *   a warning.
 */

/** A control that makes a cell's value uncertain. */
export const CONTROL_CHARACTER =
	// eslint-disable-next-line no-control-regex -- finding them is the point
	/[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Every invisible format character (the controls above among them). */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Either kind. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const HIDDEN = /[\0-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Printable ASCII only, which holds neither kind: most cells, passed at once. */
const PLAIN = /^[\x20-\x7e]*$/;

/** "U+200B". */
export const codePoint = (character: string) =>
	`U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The value with each hidden character written as its code point: "E123〈U+200B〉". */
export function withCodePoints(value: string): string {
	return value.replace(HIDDEN, (c) => `〈${codePoint(c)}〉`);
}

/** The value without the characters nobody sees, of either kind. */
export function withoutHidden(value: string): string {
	return PLAIN.test(value) ? value : value.replace(HIDDEN, '');
}

export type HiddenCharacters =
	{ kind: 'control'; character: string } | { kind: 'invisible'; characters: string[] } | null;

/** What a cell holds that nobody sees: a control (the first), or the invisible characters. */
export function hiddenCharacters(value: string): HiddenCharacters {
	if (PLAIN.test(value)) return null;
	const control = CONTROL_CHARACTER.exec(value);
	if (control) return { kind: 'control', character: control[0] };
	const invisible = value.match(INVISIBLE);
	return invisible ? { kind: 'invisible', characters: [...new Set(invisible)] } : null;
}

/** The reason a cell with a control is rejected. */
export const controlReason = (character: string) =>
	`含看不见的控制字符 ${codePoint(character)}，无法确定原值`;

/** "含看不见的字符 U+200B、U+FEFF": what a value holds, for a reason that quotes it. */
export function hiddenNote(hidden: NonNullable<HiddenCharacters>): string {
	const characters = hidden.kind === 'control' ? [hidden.character] : hidden.characters;
	return `含看不见的字符 ${characters.map(codePoint).join('、')}`;
}

/** The warning for a cell whose invisible characters were removed. */
export const invisibleReason = (hidden: NonNullable<HiddenCharacters>) =>
	`${hiddenNote(hidden)}，已去除后导入`;
