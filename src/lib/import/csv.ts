/**
 * CSV text out: normalised tables as UTF-8 bytes (a small hand loop, as it runs over up to
 * millions of rows) and files for Excel. Reading is in csv-records.ts.
 */

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value !== 'string') return String(value);
	return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
	const lines = [header.map(csvField).join(',')];
	for (const row of rows) lines.push(row.map(csvField).join(','));
	return lines.join('\n') + '\n';
}

/** A copy of `buffer`'s first `used` bytes in a buffer with room for `more` (and a quarter more). */
function grow(buffer: Uint8Array, used: number, more: number): Uint8Array<ArrayBuffer> {
	const grown = new Uint8Array(Math.max(Math.ceil(buffer.length * 1.25), used + more));
	grown.set(buffer.subarray(0, used));
	return grown;
}

/** Rows by index: an array, or a table that makes each row when asked (ScenarioRows). */
export interface RowSource {
	readonly length: number;
	at(index: number): object | undefined;
}

/**
 * Objects → UTF-8 CSV bytes of the given columns (a million rows), the same bytes as `toCsv`
 * encoded, written straight into one buffer with no string per line. The buffer is sized once
 * from the first rows (so a million rows are not grown by doubling and copied each time), and
 * the bytes of a large table come back as a view of it (no copy at the end; the tail is small).
 * Non-negative integers and plain ASCII text are written byte by byte; other text goes through
 * `csvField` and `writeUtf8`, and a column's bytes are copied while its value repeats.
 * One loop with local variables: this runs over every cell of every table.
 */
export function objectsToCsvBytes(columns: readonly string[], rows: RowSource): Uint8Array {
	const encoder = new TextEncoder();
	const header = encoder.encode(columns.map(csvField).join(',') + '\n');
	let buffer: Uint8Array<ArrayBuffer> = new Uint8Array(Math.max(1024 * 1024, header.length));
	buffer.set(header);
	let used = header.length;
	// Each column's last text and where its bytes were written.
	const lastText: CsvValue[] = columns.map(() => undefined);
	const lastAt = new Int32Array(columns.length);
	const lastLength = new Int32Array(columns.length);
	const digits = new Uint8Array(16);
	const width = columns.length;
	for (let r = 0; r < rows.length; r++) {
		const record = rows.at(r) as Record<string, CsvValue>;
		for (let c = 0; c < width; c++) {
			// Room for a separator and a number or a short field; longer text asks below.
			if (buffer.length - used < 64) buffer = grow(buffer, used, 64);
			if (c > 0) buffer[used++] = 44;
			const value = record[columns[c] as string];
			if (value === null || value === undefined) continue;
			if (typeof value === 'number' && value >= 0 && value <= 0x7fffffff && (value | 0) === value) {
				// Small integers (tiers, numbers, lines) in integer arithmetic: no float remainder.
				let n = value | 0;
				if (n < 10) {
					buffer[used++] = 48 + n;
					continue;
				}
				let d = 0;
				do {
					const q = (n / 10) | 0;
					digits[d++] = 48 + n - q * 10;
					n = q;
				} while (n > 0);
				while (d > 0) buffer[used++] = digits[--d] as number;
				continue;
			}
			if (typeof value === 'number' && value >= 0 && Number.isSafeInteger(value)) {
				let n = value;
				let d = 0;
				do {
					digits[d++] = 48 + (n % 10);
					n = (n - (n % 10)) / 10;
				} while (n > 0);
				while (d > 0) buffer[used++] = digits[--d] as number;
				continue;
			}
			const text = typeof value === 'string' ? value : String(value);
			const length = text.length;
			if (buffer.length - used < length * 3) buffer = grow(buffer, used, length * 3);
			// The same text as this column's last (a scenario row's 申报编号, shared by the rows of
			// one declaration; a county repeated): its bytes copied from where they were written.
			if (text === lastText[c]) {
				const from = lastAt[c] as number;
				const end = from + (lastLength[c] as number);
				for (let i = from; i < end; i++) buffer[used++] = buffer[i] as number;
				continue;
			}
			const from = used;
			// Printable ASCII without quote or comma and no space at either end: written as it is,
			// checked while it is written (and written again below if it is not plain after all).
			let plain = length > 0 && text.charCodeAt(0) !== 32 && text.charCodeAt(length - 1) !== 32;
			let at = used;
			for (let i = 0; plain && i < length; i++) {
				const code = text.charCodeAt(i);
				plain = code >= 32 && code < 127 && code !== 34 && code !== 44;
				buffer[at++] = code;
			}
			if (plain) used = at;
			else {
				const field = csvField(text);
				if (buffer.length - used < field.length * 3) buffer = grow(buffer, used, field.length * 3);
				used = writeUtf8(field, buffer, used);
			}
			lastText[c] = text;
			lastAt[c] = from;
			lastLength[c] = used - from;
		}
		if (buffer.length - used < 1) buffer = grow(buffer, used, 1);
		buffer[used++] = 10;
		if (r + 1 === SIZING_ROWS && rows.length > SIZING_ROWS) {
			const perRow = (used - header.length) / SIZING_ROWS;
			const expected = Math.ceil(header.length + perRow * rows.length * 1.05) + 64 * 1024;
			if (expected > buffer.length) buffer = grow(buffer, used, expected - used);
		}
	}
	// A view when the buffer is mostly used (a large table: no copy), else a copy that fits.
	return used > buffer.length * 0.75 ? buffer.subarray(0, used) : buffer.slice(0, used);
}

/**
 * `text` as UTF-8 into `buffer` from `at` (room for 3 bytes a character assumed), as
 * TextEncoder writes it (a lone surrogate becomes U+FFFD); returns where it ends. By hand because
 * `encodeInto` costs a native call and a view per field: in the import worker it was the
 * costliest line of the CSV writer (~0.8 s of the 1.0M-row import, declarations' Chinese text).
 */
export function writeUtf8(text: string, buffer: Uint8Array, at: number): number {
	for (let i = 0; i < text.length; i++) {
		let code = text.charCodeAt(i);
		if (code < 0x80) {
			buffer[at++] = code;
			continue;
		}
		if (code < 0x800) {
			buffer[at++] = 0xc0 | (code >> 6);
			buffer[at++] = 0x80 | (code & 63);
			continue;
		}
		if (code >= 0xd800 && code <= 0xdfff) {
			const next = text.charCodeAt(i + 1);
			if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
				const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
				buffer[at++] = 0xf0 | (point >> 18);
				buffer[at++] = 0x80 | ((point >> 12) & 63);
				buffer[at++] = 0x80 | ((point >> 6) & 63);
				buffer[at++] = 0x80 | (point & 63);
				i++;
				continue;
			}
			code = 0xfffd;
		}
		buffer[at++] = 0xe0 | (code >> 12);
		buffer[at++] = 0x80 | ((code >> 6) & 63);
		buffer[at++] = 0x80 | (code & 63);
	}
	return at;
}

/** How many rows the buffer is sized from. */
const SIZING_ROWS = 1000;

const FORMULA_START = /^(?:[=+\-@\t\r\n]|\s+[=+\-@])/;

/**
 * Whether a spreadsheet would run this text as a formula: it starts with = + - @, or with a tab,
 * CR or LF, or white space before = + - @ (see `toExcelCsv`). The .xlsx writer marks such cells
 * as text with Excel's own quote prefix (xlsx-write.ts).
 */
export function looksLikeFormula(value: string): boolean {
	return FORMULA_START.test(value);
}

/**
 * For files a person opens in Excel: a BOM so Excel reads UTF-8, CRLF between records, and a
 * leading apostrophe on any cell a spreadsheet would run as a formula: one starting with
 * = + - @, or with a tab, CR or LF (Excel and WPS skip leading white space and control
 * characters before reading a formula, so "\r\n=1+1" is one), or white space before = + - @.
 * Line breaks inside a cell are kept as they are (quoted).
 */
export function toExcelCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
	const neutralise = (value: CsvValue): CsvValue =>
		typeof value === 'string' && looksLikeFormula(value) ? `'${value}` : value;
	const line = (row: readonly CsvValue[]) => row.map((v) => csvField(neutralise(v))).join(',');
	const lines = [line(header)];
	for (const row of rows) lines.push(line(row));
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
