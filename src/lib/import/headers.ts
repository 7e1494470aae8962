/**
 * Header matching and file recognition. A header matches a column when, after folding
 * (surrounding spaces, full-/half-width, a trailing unit in brackets such as （万元）, letter
 * case, invisible characters such as zero-width spaces), it equals the column's Chinese header, one of its aliases, or its English key.
 */
import { normalizeKey } from '../domain/text';
import type { CsvRecords } from './csv-records';
import { FILE_KINDS, fileKindSpec, type FileKind, type FileKindSpec } from './file-kinds';

/**
 * Characters that do not show: controls, format characters (zero-width, bidi, BOM, soft
 * hyphen) and the rest Unicode calls default-ignorable (fillers, variation selectors).
 */
export const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Zl}\p{Zp}]/gu;

/** "数字化投入规模（万元）" → "数字化投入规模"; " Year " → "year"; invisible characters dropped. */
export function normalizeHeader(header: string): string {
	return normalizeKey(header.replace(INVISIBLE, '')).replace(/\([^()]*\)$/, '');
}

export interface HeaderMatch {
	kind: FileKind;
	spec: FileKindSpec;
	/** For each header position, the column key it fills, or null (kept, not used). */
	keys: (string | null)[];
	/** Headers matching no column of this kind. */
	unknown: string[];
	/** Column keys that appear under more than one header: the first one is used. */
	duplicated: string[];
	/** Required columns not found. */
	missing: string[];
}

function matchAgainst(spec: FileKindSpec, headers: readonly string[]): HeaderMatch {
	const lookup = new Map<string, string>();
	for (const column of spec.columns) {
		for (const name of [column.zh, column.key, ...(column.aliases ?? [])]) {
			lookup.set(normalizeHeader(name), column.key);
		}
	}
	const seen = new Set<string>();
	const duplicated: string[] = [];
	const unknown: string[] = [];
	const keys = headers.map((header) => {
		const key = lookup.get(normalizeHeader(header)) ?? null;
		if (key === null) {
			if (header.trim() !== '') unknown.push(header.trim());
			return null;
		}
		if (seen.has(key)) {
			duplicated.push(key);
			return null;
		}
		seen.add(key);
		return key;
	});
	const missing = spec.columns
		.filter((c) => c.required && !seen.has(c.key) && !(c.orColumn && seen.has(c.orColumn)))
		.map((c) => c.zh);
	return { kind: spec.kind, spec, keys, unknown, duplicated, missing };
}

/**
 * Which kind of file this is: the kind whose required columns are all present, preferring the
 * one that matches most headers; null when no kind fits (then `best` says what is missing).
 */
export function recognizeFile(headers: readonly string[]): {
	match: HeaderMatch | null;
	best: HeaderMatch;
} {
	const matches = FILE_KINDS.map((spec) => matchAgainst(spec, headers));
	const score = (m: HeaderMatch) => m.keys.filter((k) => k !== null).length;
	const complete = matches
		.filter((m) => m.missing.length === 0)
		.sort((a, b) => score(b) - score(a));
	const best = [...matches].sort(
		(a, b) => score(b) - score(a) || a.missing.length - b.missing.length
	)[0];
	if (!best) throw new Error('FILE_KINDS is empty');
	return { match: complete[0] ?? null, best };
}

/** How many lines below an unrecognised first line are looked at for the real header. */
const TITLE_LINES = 10;

/**
 * A header a few lines below the first line, when the first is not one: a title row ("2026年
 * 智能工厂申报明细") above the table, as sheets printed for a meeting have. Its line and kind.
 */
export function headerBelow(
	records: CsvRecords,
	headerIndex: number
): { line: number; label: string } | null {
	const last = Math.min(records.length, headerIndex + 1 + TITLE_LINES);
	for (let i = headerIndex + 1; i < last; i++) {
		const { match } = recognizeFile(records.at(i).map((cell) => cell.trim()));
		if (match) return { line: i + 1, label: fileKindSpec(match.kind).label };
	}
	return null;
}
