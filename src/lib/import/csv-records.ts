/**
 * CSV text → records, read on demand. The grammar (docs/data-in.md, *Reading CSV*):
 *
 * - a record ends at a line break outside quotes: CRLF, LF or CR, mixed as they come (old Mac
 *   files end lines with CR; files pasted together mix all three);
 * - a field that starts with a quote runs to the next quote not doubled (`""` is a quote inside
 *   it, line breaks inside it are data), which must be followed by the delimiter, a line break or
 *   the end (white space between is dropped, as PapaParse does); any other field runs to the
 *   next delimiter or line break, and quotes in it are text;
 * - a quoted field never closed, or closed and followed by anything else, is a fault: the record
 *   ends with the line on which that field's quote opened, and reading goes on with the next
 *   line. The caller rejects a faulty record, naming its line and column;
 * - a last record of one empty cell (after a final line break) is no record.
 *
 * One pass finds where each record starts and ends (a million rows stay one string plus three
 * small arrays); a record's cells are cut from the text when asked for. Well-formed text with
 * one kind of line break reads exactly as PapaParse reads it (tests/unit/csv-records.test.ts);
 * PapaParse still guesses the delimiter.
 */
import Papa from 'papaparse';

/** A quote problem of one record: which field (0-based) and why, in Chinese. */
export interface RecordFault {
	field: number;
	reason: string;
}

/** The records of a CSV text, read on demand: `at(i)` gives record i's cells (0-based). */
export interface CsvRecords {
	readonly length: number;
	at(index: number): string[];
	/** The delimiter between cells. */
	readonly delimiter: string;
	/**
	 * Record i's text when it holds no quote character, so that its cells are that text split at
	 * the delimiter; null otherwise.
	 */
	plainText(index: number): string | null;
	/** How many characters record i spans, its line break excluded. */
	span(index: number): number;
	/** Where record i starts in `text`. */
	start(index: number): number;
	/** Whether record i holds no quote character (its text is its cells joined). */
	plain(index: number): boolean;
	/** The record whose text holds the character at `offset` (the last one before it, if none). */
	recordAt(offset: number): number;
	/** Record i's quote fault, or null. */
	fault(index: number): RecordFault | null;
	/** The text the records were read from (without a leading BOM). */
	readonly text: string;
}

export const UNCLOSED_QUOTE = '引号未闭合：该格以引号开头，但到文件末尾都没有结束引号';
export const TEXT_AFTER_QUOTE = '引号不配对：结束引号后面还有字符（应紧跟分隔符或换行）';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Record i holds no quote (0), a quote (QUOTED) or a quote fault (FAULTY): bits 0–1 of its flags. */
const QUOTED = 1;
const FAULTY = 2;
const KIND = 3;

/**
 * Where record i starts, and its flags: its kind (bits 0–1) and the length of the line break
 * that ends it (bits 2–3), so it ends where the next record starts less that (the last one at
 * the end of the text).
 */
interface RecordIndex {
	starts: Uint32Array;
	flags: Uint8Array;
	faults: Map<number, RecordFault>;
	length: number;
}

/**
 * The next line break or delimiter at or after a position, for positions that only grow: LF, CR
 * and the delimiter are each looked up again only once passed, so a character the text lacks
 * (CR in an LF file, the delimiter in a one-column file) is searched for once, not per record.
 */
class Breaks {
	private lf: number;
	private cr: number;
	private delimiterAt: number;

	constructor(
		private readonly text: string,
		private readonly delimiter: string
	) {
		this.lf = text.indexOf('\n');
		this.cr = text.indexOf('\r');
		this.delimiterAt = text.indexOf(delimiter);
	}

	/** The first delimiter at or after `pos`, or -1. */
	nextDelimiter(pos: number): number {
		if (this.delimiterAt !== -1 && this.delimiterAt < pos) {
			this.delimiterAt = this.text.indexOf(this.delimiter, pos);
		}
		return this.delimiterAt;
	}

	/** The first CR or LF at or after `pos`, or -1. */
	next(pos: number): number {
		if (this.lf !== -1 && this.lf < pos) this.lf = this.text.indexOf('\n', pos);
		if (this.cr !== -1 && this.cr < pos) this.cr = this.text.indexOf('\r', pos);
		if (this.lf === -1) return this.cr;
		if (this.cr === -1) return this.lf;
		return this.lf < this.cr ? this.lf : this.cr;
	}
}

/** Where the record after a line break at `at` starts. */
function afterBreak(text: string, at: number): number {
	return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

/** `knownDelimiter`: the text's own (a workbook's sheet written as CSV), else guessed. */
export function readCsvRecords(input: string, knownDelimiter?: string): CsvRecords {
	// PapaParse drops a byte order mark at the start, and so does this reader.
	const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
	const delimiter = knownDelimiter ?? guessDelimiter(text);
	const index = indexRecords(text, delimiter);
	const { starts, flags, faults } = index;
	const endOf = (i: number) =>
		i + 1 < index.length ? (starts[i + 1] as number) - ((flags[i] as number) >> 2) : text.length;
	const kindOf = (i: number) => (flags[i] as number) & KIND;
	const plainText = (i: number): string | null =>
		kindOf(i) === 0 ? text.slice(starts[i] as number, endOf(i)) : null;
	const at = (i: number): string[] => {
		if (i < 0 || i >= index.length) return [];
		const start = starts[i] as number;
		const end = endOf(i);
		if (kindOf(i) === 0) return text.slice(start, end).split(delimiter);
		// Read within the record's own text, so that no search runs past its end.
		const own = text.slice(start, end);
		return readQuotedRecord(own, 0, delimiter, new Breaks(own, delimiter)).cells;
	};
	let length = index.length;
	// A last record of one empty cell (after a final line break, or `""`) is no record.
	if (length > 0) {
		const kind = kindOf(length - 1);
		const last = kind === QUOTED ? at(length - 1) : null;
		const empty =
			kind === 0
				? endOf(length - 1) === (starts[length - 1] as number)
				: last?.length === 1 && last[0] === '';
		if (empty) length -= 1;
	}
	return {
		length,
		at,
		delimiter,
		plainText,
		text,
		span: (i) => endOf(i) - (starts[i] as number),
		start: (i) => starts[i] as number,
		plain: (i) => kindOf(i) === 0,
		recordAt: (offset) => {
			let low = 0;
			let high = length - 1;
			while (low < high) {
				const middle = (low + high + 1) >> 1;
				if ((starts[middle] as number) <= offset) low = middle;
				else high = middle - 1;
			}
			return low;
		},
		fault: (i) => (kindOf(i) === FAULTY ? (faults.get(i) ?? null) : null)
	};
}

/**
 * PapaParse's guess of the delimiter, made on the first 1 MB with its line breaks made alike
 * (its guess reads ten records, split at one kind of line break); a comma when it cannot tell.
 */
export function guessDelimiter(text: string): string {
	const head = (text.length > GUESS_CHARS ? text.slice(0, GUESS_CHARS) : text).replace(
		/\r\n?/g,
		'\n'
	);
	const delimiter = Papa.parse<string[]>(head, {
		header: false,
		skipEmptyLines: false,
		preview: 10
	}).meta.delimiter;
	return delimiter.length === 1 && !'"\r\n'.includes(delimiter) ? delimiter : ',';
}

const GUESS_CHARS = 1024 * 1024;

function indexRecords(text: string, delimiter: string): RecordIndex {
	let starts = new Uint32Array(1024);
	let flags = new Uint8Array(1024);
	const faults = new Map<number, RecordFault>();
	let length = 0;
	if (text === '') return { starts, flags, faults, length };
	const breaks = new Breaks(text, delimiter);
	// The next LF, CR and quote, each looked up again only once passed (as in Breaks, inlined:
	// this loop runs once per record of a million-row file).
	let lf = text.indexOf('\n');
	let cr = text.indexOf('\r');
	let nextQuote = text.indexOf('"');
	let pos = 0;
	for (;;) {
		if (length === starts.length) {
			const grownStarts = new Uint32Array(length * 2);
			grownStarts.set(starts);
			starts = grownStarts;
			const grownFlags = new Uint8Array(length * 2);
			grownFlags.set(flags);
			flags = grownFlags;
		}
		starts[length] = pos;
		if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
		if (lf !== -1 && lf < pos) lf = text.indexOf('\n', pos);
		if (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
		const lineEnd = lf === -1 ? cr : cr === -1 || lf < cr ? lf : cr;
		let next: number;
		let end: number;
		if (nextQuote === -1 || (lineEnd !== -1 && nextQuote > lineEnd)) {
			end = lineEnd;
			next = lineEnd === -1 ? -1 : afterBreak(text, lineEnd);
		} else {
			const record = readQuotedRecord(text, pos, delimiter, breaks);
			end = record.end;
			next = record.next;
			flags[length] = record.fault ? FAULTY : QUOTED;
			if (record.fault) faults.set(length, record.fault);
		}
		length += 1;
		if (next === -1) break;
		// The line break's length, so that the record's end need not be kept: the next start less it.
		flags[length - 1] = (flags[length - 1] as number) | ((next - end) << 2);
		pos = next;
	}
	return { starts, flags, faults, length };
}

/**
 * One record that holds a quote character, field by field: its cells, where its text ends and
 * where the next record starts (-1 at the end of the text), and its fault. A faulty record ends
 * with the line its faulty field's quote opened on; its cells are those read before that field,
 * then the rest of that line from the quote on, split at the delimiter (for the report: never
 * blank, as it holds the quote).
 */
function readQuotedRecord(
	text: string,
	start: number,
	delimiter: string,
	breaks: Breaks
): { cells: string[]; end: number; next: number; fault: RecordFault | null } {
	const cells: string[] = [];
	let pos = start;
	const faulty = (opening: number, reason: string) => {
		const field = cells.length;
		const lineEnd = breaks.next(opening);
		const end = lineEnd === -1 ? text.length : lineEnd;
		cells.push(...text.slice(opening, end).split(delimiter));
		const next = lineEnd === -1 ? -1 : afterBreak(text, lineEnd);
		return { cells, end, next, fault: { field, reason } };
	};
	for (;;) {
		if (text.charCodeAt(pos) === QUOTE) {
			let value = '';
			let from = pos + 1;
			let search = from;
			for (;;) {
				const q = text.indexOf('"', search);
				if (q === -1) return faulty(pos, UNCLOSED_QUOTE);
				if (text.charCodeAt(q + 1) === QUOTE) {
					value += text.slice(from, q + 1);
					from = search = q + 2;
					continue;
				}
				value += text.slice(from, q);
				// White space between the closing quote and what follows is dropped (as PapaParse does).
				let after = q + 1;
				while (after < text.length && isSpaceBetween(text.charCodeAt(after), delimiter)) after++;
				if (after === text.length) {
					cells.push(value);
					return { cells, end: after, next: -1, fault: null };
				}
				const c = text.charCodeAt(after);
				if (text[after] === delimiter) {
					cells.push(value);
					pos = after + 1;
					break;
				}
				if (c === LF || c === CR) {
					cells.push(value);
					return { cells, end: after, next: afterBreak(text, after), fault: null };
				}
				return faulty(pos, TEXT_AFTER_QUOTE);
			}
			continue;
		}
		const d = breaks.nextDelimiter(pos);
		const n = breaks.next(pos);
		if (d !== -1 && (n === -1 || d < n)) {
			cells.push(text.slice(pos, d));
			pos = d + 1;
			continue;
		}
		const end = n === -1 ? text.length : n;
		cells.push(text.slice(pos, end));
		return { cells, end, next: n === -1 ? -1 : afterBreak(text, n), fault: null };
	}
}

/** White space (as `trim` removes it) other than a line break or the delimiter. */
function isSpaceBetween(code: number, delimiter: string): boolean {
	if (code === LF || code === CR || code === delimiter.charCodeAt(0)) return false;
	return (
		code === 32 ||
		(code >= 9 && code <= 13) ||
		(code > 127 && String.fromCharCode(code).trim() === '')
	);
}

export function isBlankRecord(record: readonly string[]): boolean {
	return record.every((cell) => cell.trim() === '');
}
