/**
 * What rejects a record before its values are read: a quote fault (csv-records.ts), a byte that
 * could not be decoded or a replacement character (U+FFFD) in it, a cell or a row too long for
 * the database. Such a row is a row read and rejected, named by line and column, in Chinese.
 *
 * Limits: a cell of more than 32,768 characters, a row of more than 262,144. Every value then
 * written for DuckDB stays well under its CSV reader's 2 MB line (the import's written rows are
 * checked against the same limits after folding, row-reader.ts), and nobody types such a cell.
 */
import type { CsvRecords } from './csv-records';
import type { DecodedText } from './decode';

/** The most characters a cell may hold. */
export const CELL_LIMIT = 32_768;
/** The most characters a row may hold (its cells and delimiters). */
export const ROW_LIMIT = 262_144;

export interface RecordFault {
	/** The field (0-based, in the file's columns) where it is, or null for the whole row. */
	field: number | null;
	/** Why, without what becomes of the row (the header's fault is said of the header). */
	reason: string;
	/** What becomes of the row: not loaded (and, after a quote fault, the next line read again). */
	outcome: string;
}

const NOT_LOADED = '本行未导入';

/** A rejected row's reason: why, and what becomes of it. */
export const rowReason = (fault: RecordFault) => `${fault.reason}；${fault.outcome}`;

const REPLACEMENT = '\uFFFD';

const ENCODING_NAMES: Record<DecodedText['encoding'], string> = {
	'UTF-8': 'UTF-8',
	'UTF-8 (BOM)': 'UTF-8',
	'GB18030/GBK': 'GB18030/GBK',
	'UTF-16LE (BOM)': 'UTF-16',
	'UTF-16BE (BOM)': 'UTF-16',
	'UTF-16LE': 'UTF-16',
	'UTF-16BE': 'UTF-16',
	'Excel 工作簿（.xlsx）': 'Excel 工作簿',
	'—': '—'
};

/** 32768 → "32,768". */
export const count = (n: number) => n.toLocaleString('en-US');

/** The faults of a file's records that are known before they are read (quote, U+FFFD). */
export class RecordFaults {
	private readonly byRecord = new Map<number, RecordFault>();

	constructor(
		private readonly records: CsvRecords,
		decoded: DecodedText
	) {
		const text = records.text;
		// The records' text lacks a leading BOM the decoded text may have.
		const shift = decoded.text.length - text.length;
		const undecodable = new Map(decoded.undecodable.map((u) => [u.textOffset - shift, u]));
		for (let at = text.indexOf(REPLACEMENT); at !== -1; at = text.indexOf(REPLACEMENT, at + 1)) {
			const index = records.recordAt(at);
			if (this.byRecord.has(index)) continue;
			const cells = records.at(index);
			const field = cells.findIndex((cell) => cell.includes(REPLACEMENT));
			const bytes = undecodable.get(at);
			const reason = bytes
				? `有无法按 ${ENCODING_NAMES[decoded.encoding]} 解码的字节${bytes.hex ? ` ${bytes.hex}` : ''}（位于文件第 ${count(bytes.byteOffset)} 字节处，从 0 起计）：请确认文件的编码，或改正该处后重新导入`
				: '含替换字符“\uFFFD”（U+FFFD）：文件在此前的转换中已有字符无法识别';
			this.byRecord.set(index, { field: field < 0 ? null : field, reason, outcome: NOT_LOADED });
		}
	}

	/** Whether record i holds an undecodable byte or a U+FFFD (cheap: most files have none). */
	hasReplacement(index: number): boolean {
		return this.byRecord.size > 0 && this.byRecord.has(index);
	}

	/**
	 * Record i's fault: a quote fault first, then an undecodable byte, then a cell or the row
	 * too long. `cells` are its cells if already cut. Cheap for an ordinary record: a look-up
	 * and its length.
	 */
	of(index: number, cells?: readonly string[]): RecordFault | null {
		const quote = this.records.fault(index);
		if (quote) {
			return {
				field: quote.field,
				reason: quote.reason,
				outcome: `${NOT_LOADED}，下一行起照常读取`
			};
		}
		const known = this.byRecord.get(index);
		if (known) return known;
		const span = this.records.span(index);
		if (span <= CELL_LIMIT) return null;
		const own = cells ?? this.records.at(index);
		const long = own.findIndex((cell) => cell.length > CELL_LIMIT);
		if (long >= 0) {
			const length = (own[long] as string).length;
			return {
				field: long,
				reason: `单元格有 ${count(length)} 个字符，超过上限 ${count(CELL_LIMIT)}`,
				outcome: NOT_LOADED
			};
		}
		if (span > ROW_LIMIT) {
			return {
				field: null,
				reason: `本行有 ${count(span)} 个字符，超过上限 ${count(ROW_LIMIT)}`,
				outcome: NOT_LOADED
			};
		}
		return null;
	}
}

/** A cell as kept in a rejected row: a long one cut, saying how long it was. */
export function keptCell(cell: string): string {
	return cell.length > 1000
		? `${cell.slice(0, 1000)}…（已截断，共 ${count(cell.length)} 个字符）`
		: cell;
}
