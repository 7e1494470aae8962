/**
 * An independent count of a CSV text's data rows, to check the import's own reading against:
 * rows in = rows read = rows loaded + rows rejected, for every file (`read-file.ts`). It reads
 * the grammar of `csv-records.ts` (docs/data-in.md, *Reading CSV*) character by character, as a
 * state machine, sharing none of that reader's code: no cells are cut, no search runs ahead.
 *
 * Counted: the records that hold anything besides white space, less the first one (the
 * header). A record with a quote fault counts (it is a row, rejected), and reading goes on after
 * the line its faulty quote opened on.
 */

import type { Problem } from './report';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** White space as `String.prototype.trim` removes it. */
function isSpace(code: number): boolean {
	if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
	if (code < 0xa0) return false;
	return (
		code === 0xa0 ||
		code === 0x1680 ||
		(code >= 0x2000 && code <= 0x200a) ||
		code === 0x2028 ||
		code === 0x2029 ||
		code === 0x202f ||
		code === 0x205f ||
		code === 0x3000 ||
		code === 0xfeff
	);
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const AFTER_CLOSING_QUOTE = 4;

/** How many data rows (non-blank records after the header) `text` holds. */
export function countDataRows(text: string, delimiter: string): number {
	const separator = delimiter.charCodeAt(0);
	const n = text.length;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let filled = 0;
	let content = false;
	let state = FIELD_START;
	let opening = -1;
	/** A faulty quote: the record is a row; go on after the line the quote opened on. */
	const fault = () => {
		content = true;
		let j = opening + 1;
		while (j < n) {
			const c = text.charCodeAt(j);
			if (c === LF || c === CR) break;
			j++;
		}
		i = j;
		state = FIELD_START;
	};
	for (;;) {
		while (i < n) {
			let c = text.charCodeAt(i);
			if (content && (state === UNQUOTED || (state === FIELD_START && c !== QUOTE))) {
				// The record already holds something: in an unquoted field only a delimiter or a
				// line break matters.
				while (c !== separator && c !== LF && c !== CR && ++i < n) c = text.charCodeAt(i);
				if (i === n) break;
				state = UNQUOTED;
			}
			if (state === QUOTED) {
				if (c === QUOTE) state = QUOTE_IN_QUOTED;
				else if (!content && !isSpace(c)) content = true;
				i++;
				continue;
			}
			if (state === QUOTE_IN_QUOTED && c === QUOTE) {
				content = true;
				state = QUOTED;
				i++;
				continue;
			}
			if (state === QUOTE_IN_QUOTED || state === AFTER_CLOSING_QUOTE) {
				if (c !== separator && c !== LF && c !== CR) {
					// White space may stand between a closing quote and what follows; nothing else.
					if (isSpace(c)) {
						state = AFTER_CLOSING_QUOTE;
						i++;
					} else fault();
					continue;
				}
			}
			// At a field's start, in an unquoted field, or just after a closing quote.
			if (c === LF || c === CR) {
				if (content) filled++;
				content = false;
				state = FIELD_START;
				i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
				continue;
			}
			if (c === separator) {
				state = FIELD_START;
				i++;
				continue;
			}
			if (state === FIELD_START && c === QUOTE) {
				state = QUOTED;
				opening = i;
				i++;
				continue;
			}
			if (!content && !isSpace(c)) content = true;
			state = UNQUOTED;
			i++;
		}
		if (state !== QUOTED) break;
		// The text ended inside a quoted field: that quote never closed.
		fault();
	}
	if (content) filled++;
	return Math.max(0, filled - 1);
}

/**
 * The check of rows in = rows read: the independent count (record-count.ts) against the rows
 * the reading found. Null when they agree; else an error naming the file.
 */
export function rowCountProblem(
	file: string,
	rowsRead: number,
	rowsCounted: number
): Problem | null {
	if (rowsRead === rowsCounted) return null;
	return {
		file,
		line: null,
		column: null,
		value: '',
		reason: `行数核对不符：按记录起止独立计数为 ${rowsCounted} 行，读取了 ${rowsRead} 行，可能有行未被读取或被拆分；请检查该文件的引号与换行，并将文件提交维护人员`,
		severity: 'error'
	};
}
