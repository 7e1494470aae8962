/**
 * The 自评 page keeps its entries in this browser's localStorage (the same JSON as the file it
 * saves), under a key of its own, until the user clears them. A stored value that no longer reads
 * (bad JSON, another shape or version, a value outside the catalogue) is ignored with a note,
 * never thrown; a browser without storage says the entries will not survive a reload.
 */
import {
	isEmptyAssessment,
	parseSelfAssessment,
	serializeSelfAssessment,
	type SelfAssessment
} from '../domain/self-assessment';

/** Versioned: a later store that cannot read this one moves to a new key. */
export const SELF_ASSESSMENT_STORAGE_KEY = 'imau-smart-factory/self-assessment-v1';

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type StoredAssessment =
	| { kind: 'none' }
	| { kind: 'restored'; value: SelfAssessment }
	| { kind: 'ignored'; note: string }
	| { kind: 'unavailable'; note: string };

export const STORAGE_UNAVAILABLE_NOTE =
	'此浏览器不允许在本机保存（如隐私模式或已禁用网站数据），刷新页面后填写内容会丢失；可用“保存到文件”保留。';

/** The page's localStorage, or null where the browser refuses it. */
export function browserStorage(): StorageLike | null {
	try {
		const storage = globalThis.localStorage;
		storage.getItem(SELF_ASSESSMENT_STORAGE_KEY);
		return storage;
	} catch {
		return null;
	}
}

export function readStoredAssessment(storage: StorageLike | null): StoredAssessment {
	if (!storage) return { kind: 'unavailable', note: STORAGE_UNAVAILABLE_NOTE };
	let text: string | null;
	try {
		text = storage.getItem(SELF_ASSESSMENT_STORAGE_KEY);
	} catch {
		return { kind: 'unavailable', note: STORAGE_UNAVAILABLE_NOTE };
	}
	if (text === null) return { kind: 'none' };
	const parsed = parseSelfAssessment(text);
	if (parsed.ok) return { kind: 'restored', value: parsed.value };
	return {
		kind: 'ignored',
		note: `本机保存的上次填写内容无法读取（${parsed.reason}），已忽略，本页从空白开始；开始填写后将替换它。`
	};
}

/**
 * Keep `assessment` (or, when nothing is entered, keep nothing). False when the browser refused
 * (no storage, or full).
 */
export function writeStoredAssessment(
	storage: StorageLike | null,
	assessment: SelfAssessment
): boolean {
	if (!storage) return false;
	try {
		if (isEmptyAssessment(assessment)) storage.removeItem(SELF_ASSESSMENT_STORAGE_KEY);
		else storage.setItem(SELF_ASSESSMENT_STORAGE_KEY, serializeSelfAssessment(assessment));
		return true;
	} catch {
		return false;
	}
}

export function clearStoredAssessment(storage: StorageLike | null): void {
	try {
		storage?.removeItem(SELF_ASSESSMENT_STORAGE_KEY);
	} catch {
		// Nothing kept, or nothing we may touch: either way nothing is left to show.
	}
}
