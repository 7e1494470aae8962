/**
 * A second reader of the import's CSV grammar (docs/data-in.md, *Reading CSV*), for tests only:
 * the oracle the import's reader (src/lib/import/csv-records.ts) and its own row count
 * (record-count.ts) are held to. It is built another way on purpose: the text is first split
 * into physical lines at every CRLF, CR or LF, and a record is then put together line by line,
 * a quoted field taking in whole lines until its closing quote. Nothing is shared with the
 * import but the delimiter, which PapaParse guesses for both.
 */

export interface OracleRecord {
	cells: string[];
	/** Whether a quote fault ended it (the quote never closed, or text followed it). */
	faulty: boolean;
}

const isBlank = (record: OracleRecord) =>
	!record.faulty && record.cells.every((cell) => cell.trim() === '');

export function oracleRecords(input: string, delimiter: string): OracleRecord[] {
	const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
	if (text === '') return [];
	// [line, break, line, break, …, line]
	const parts = text.split(/(\r\n|\r|\n)/);
	const lines = parts.filter((_, k) => k % 2 === 0);
	const breaks = parts.filter((_, k) => k % 2 === 1);
	const records: OracleRecord[] = [];
	let first = 0;
	while (first < lines.length) {
		const { record, next } = readRecord(lines, breaks, first, delimiter);
		records.push(record);
		first = next;
	}
	const last = records[records.length - 1];
	if (last && !last.faulty && last.cells.length === 1 && last.cells[0] === '') records.pop();
	return records;
}

function readRecord(
	lines: string[],
	breaks: string[],
	first: number,
	delimiter: string
): { record: OracleRecord; next: number } {
	const cells: string[] = [];
	let lineNo = first;
	let line = lines[lineNo] as string;
	let pos = 0;
	for (;;) {
		if (line[pos] !== '"') {
			const cut = line.indexOf(delimiter, pos);
			if (cut === -1) {
				cells.push(line.slice(pos));
				return { record: { cells, faulty: false }, next: lineNo + 1 };
			}
			cells.push(line.slice(pos, cut));
			pos = cut + 1;
			continue;
		}
		const quoteLine = lineNo;
		const quotePos = pos;
		const fault = () => ({
			record: {
				cells: [...cells, ...(lines[quoteLine] as string).slice(quotePos).split(delimiter)],
				faulty: true
			},
			next: quoteLine + 1
		});
		let value = '';
		pos += 1;
		for (;;) {
			const q = line.indexOf('"', pos);
			if (q === -1) {
				// The field goes on over the line break, if there is another line.
				if (lineNo + 1 >= lines.length) return fault();
				value += line.slice(pos) + breaks[lineNo];
				lineNo += 1;
				line = lines[lineNo] as string;
				pos = 0;
				continue;
			}
			if (line[q + 1] === '"') {
				value += line.slice(pos, q) + '"';
				pos = q + 2;
				continue;
			}
			value += line.slice(pos, q);
			pos = q + 1;
			while (pos < line.length && line[pos] !== delimiter && line[pos]!.trim() === '') pos++;
			if (pos === line.length) {
				cells.push(value);
				return { record: { cells, faulty: false }, next: lineNo + 1 };
			}
			if (line[pos] !== delimiter) return fault();
			cells.push(value);
			pos += 1;
			break;
		}
	}
}

/** Data rows: records that are not blank (a faulty one never is), less the header. */
export function oracleRowCount(text: string, delimiter: string): number {
	const filled = oracleRecords(text, delimiter).filter((r) => !isBlank(r)).length;
	return Math.max(0, filled - 1);
}
