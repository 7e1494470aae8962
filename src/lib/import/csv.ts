/**
 * CSV text in and out. Reading uses PapaParse (quotes, embedded newlines, CRLF); writing is a
 * small hand loop because it runs over up to millions of normalised rows.
 */
import Papa from 'papaparse';

/** All records of a CSV text, header included, blank lines kept (so row numbers match Excel). */
export function parseCsvRecords(text: string): string[][] {
	const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
	const records = result.data;
	// A final newline yields one empty record: not a row anyone wrote.
	const last = records[records.length - 1];
	if (last && last.length === 1 && last[0] === '') records.pop();
	return records;
}

export function isBlankRecord(record: readonly string[]): boolean {
	return record.every((cell) => cell.trim() === '');
}

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

/** Objects → CSV of the given columns, without building an array per row (millions of rows). */
export function objectsToCsv(columns: readonly string[], rows: readonly object[]): string {
	const parts: string[] = [columns.map(csvField).join(',') + '\n'];
	let line: string;
	for (const row of rows) {
		const record = row as Record<string, CsvValue>;
		line = csvField(record[columns[0] ?? '']);
		for (let c = 1; c < columns.length; c++) line += ',' + csvField(record[columns[c] ?? '']);
		parts.push(line + '\n');
	}
	return parts.join('');
}

/**
 * For files a person opens in Excel: a BOM so Excel reads UTF-8, and a leading apostrophe on
 * cells that a spreadsheet would run as formulas (=, +, -, @, tab, CR).
 */
export function toExcelCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
	const neutralise = (value: CsvValue): CsvValue =>
		typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	const safeRows = [...rows].map((row) => row.map(neutralise));
	return '\uFEFF' + toCsv(header.map(neutralise) as string[], safeRows).replace(/\n/g, '\r\n');
}
