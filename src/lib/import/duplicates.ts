/**
 * Rows of a file that are exactly another row of it, character for character: each with the
 * line of its first copy, the first `limit` listed and all counted. Blank records and records
 * with a quote fault are not rows here (the reading skips or rejects them). A record's text is
 * its key where it holds no quote; a quoted record is keyed by its cells. Rows are compared by
 * a 32-bit hash of the key and, on a hit, by the key itself, in a table of typed arrays (a
 * million rows stay 16 MB of numbers, not a map of strings). Pure.
 */
import { isBlankRecord, type CsvRecords } from './csv-records';
import type { FileKind } from './file-kinds';
import type { FileReport } from './report';

/** How many duplicate rows a report lists (all are counted). */
export const LISTED_DUPLICATES = 20;

export interface DuplicateRows {
	/** Rows that repeat an earlier row of the file. */
	count: number;
	/** The first of them: the row's line and its first copy's (lines as Excel numbers them). */
	listed: { line: number; first: number }[];
}

/** The duplicate rows among records `from` onwards (the records after the header). */
export function findDuplicateRows(
	records: CsvRecords,
	from: number,
	limit = LISTED_DUPLICATES
): DuplicateRows {
	const { text } = records;
	const delimiter = records.delimiter.charCodeAt(0);
	/** A quoted record's key: its cells (rare; the text of most records is read in place). */
	const quotedKey = (i: number) => `\u0000${JSON.stringify(records.at(i))}`;
	/**
	 * Record i's hash (FNV-1a over its text, or its quoted key), or null when it is no row: a
	 * quote fault, or blank (nothing but white space and delimiters).
	 */
	const hashOf = (i: number): number | null => {
		if (records.fault(i)) return null;
		let h = 0x811c9dc5;
		if (!records.plain(i)) {
			const cells = records.at(i);
			if (isBlankRecord(cells)) return null;
			const key = quotedKey(i);
			for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
			return h | 0;
		}
		const start = records.start(i);
		const end = start + records.span(i);
		let blank = true;
		for (let k = start; k < end; k++) {
			const c = text.charCodeAt(k);
			if (blank && c !== delimiter && c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xa0)
				blank = false;
			h = Math.imul(h ^ c, 0x01000193);
		}
		return blank ? null : h | 0;
	};
	/** Whether records i and j are the same row (their hashes being equal). */
	const same = (i: number, j: number): boolean => {
		if (records.plain(i) !== records.plain(j)) return false;
		if (!records.plain(i)) return quotedKey(i) === quotedKey(j);
		const length = records.span(i);
		if (records.span(j) !== length) return false;
		const a = records.start(i);
		const b = records.start(j);
		for (let k = 0; k < length; k++)
			if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
		return true;
	};
	// Open addressing over two typed arrays: each slot a record (index + 1, 0 = empty) and its
	// key's hash, at least twice as many slots as records.
	let capacity = 1024;
	while (capacity < 2 * (records.length - from)) capacity *= 2;
	const mask = capacity - 1;
	const slots = new Int32Array(capacity);
	const hashes = new Int32Array(capacity);
	const result: DuplicateRows = { count: 0, listed: [] };
	for (let i = from; i < records.length; i++) {
		const h = hashOf(i);
		if (h === null) continue;
		let slot = h & mask;
		let first = -1;
		for (let at = slots[slot] as number; at !== 0; at = slots[slot] as number) {
			if (hashes[slot] === h && same(at - 1, i)) {
				first = at - 1;
				break;
			}
			slot = (slot + 1) & mask;
		}
		if (first < 0) {
			slots[slot] = i + 1;
			hashes[slot] = h;
			continue;
		}
		result.count += 1;
		if (result.listed.length < limit) result.listed.push({ line: i + 1, first: first + 1 });
	}
	return result;
}

/**
 * Exact repeats of earlier rows, as warnings naming their lines (the first LISTED_DUPLICATES)
 * and one counting them all. They are read like any row: a repeated 申报编号, baseline cell or
 * target is rejected by the checks across files (the contract's keys); a repeated 建设场景明细
 * row loads, and the tier rules count a scenario once.
 */
export function reportDuplicateRows(report: FileReport, duplicates: DuplicateRows, kind: FileKind) {
	if (duplicates.count === 0) return;
	report.duplicateRows = duplicates;
	const what =
		kind === 'scenarios'
			? '重复行仍导入，判定层级时同一场景只计一次'
			: '这些行按数据契约的唯一键校验：同一申报编号（或同一基数、目标）只导入一次，其余被拒绝';
	const more =
		duplicates.count > duplicates.listed.length
			? `，下面只列出前 ${duplicates.listed.length} 行`
			: '';
	report.problems.push({
		file: report.file,
		line: null,
		column: null,
		value: '',
		reason: `有 ${duplicates.count} 行与本文件前面的某一行完全相同${more}；${what}`,
		severity: 'warning'
	});
	for (const { line, first } of duplicates.listed) {
		report.problems.push({
			file: report.file,
			line,
			column: null,
			value: '',
			reason: `与第 ${first} 行完全相同（重复行）`,
			severity: 'warning'
		});
	}
}
