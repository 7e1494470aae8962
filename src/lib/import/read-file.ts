/**
 * One input file → a report and normalised rows: decode, parse, recognise the kind by its
 * headers, refuse identifying columns (or drop them when the user agreed), then read each row.
 */
import { decodeCsvBytes, isUtf8, UTF8_BOM_BYTES } from './decode';
import { fileText } from './file-text';
import { isBlankRecord, readCsvRecords, type CsvRecords } from './csv-records';
import { findDuplicateRows, reportDuplicateRows } from './duplicates';
import { fileKindSpec, type FileKind } from './file-kinds';
import { headerBelow } from './headers';
import { IdentifyingColumnScan, isPastHeader } from './privacy';
import { countDataRows, rowCountProblem } from './record-count';
import { CELL_LIMIT, keptCell, RecordFaults } from './record-faults';
import type { FileReport, Problem } from './report';
import { layoutOf, RowReading, type AnyRow } from './row-reading';
import type { ScenarioRows } from './scenario-rows';

export type { AnyRow } from './row-reading';

export interface InputFile {
	name: string;
	bytes: Uint8Array;
	/** The name the file came with, when another file of the import had it (file-names.ts). */
	renamedFrom?: string;
}

/**
 * A file whose bytes are read when its turn comes (the import worker reads a Blob): only one
 * file's bytes are held at a time, and only until they are decoded.
 */
export interface DeferredInputFile {
	name: string;
	read(): Uint8Array;
	renamedFrom?: string;
}

export type InputSource = InputFile | DeferredInputFile;

export interface ReadOptions {
	/** Drop identifying columns instead of refusing the file (the user chose to go on). */
	dropIdentifyingColumns?: boolean;
	/**
	 * Told while the rows are read: records done of the records after the header, every
	 * `ROWS_PER_PROGRESS` records (a progress bar that moves within a large file).
	 */
	onRows?: (done: number, total: number) => void;
}

/** How often (in records) the reading tells how far it has come: cheap beside reading them. */
export const ROWS_PER_PROGRESS = 8192;

export interface ReadFile {
	report: FileReport;
	kind: FileKind | null;
	/**
	 * The rows that passed their own checks, of the file's kind; each knows its line
	 * (source_line). A 建设场景明细 file's rows are in `scenarioRows` instead.
	 */
	rows: AnyRow[];
	/** A 建设场景明细 file's rows, in columns (a million of them is a plausible file). */
	scenarioRows: ScenarioRows | null;
	/** Whether rows of unknown 申报编号 have been rejected from `scenarioRows` (pipeline.ts). */
	declarationsChecked: boolean;
	/** The cells of the data row at a line, as they may be kept (no dropped column): for rows rejected later. */
	cellsAt(line: number): string[];
	/** The file as it may be stored: UTF-8 text without any dropped column. */
	sanitizedText: string;
	/**
	 * Where `sanitizedText` is the input unchanged (a UTF-8 file, no column dropped): the byte
	 * the input's UTF-8 text starts at (3 after a BOM, else 0), so the file is kept as its own
	 * bytes from there and nothing is encoded again; null when the text must be written out.
	 */
	storedFromInputByte: number | null;
}

function emptyReport(file: string, encoding: FileReport['encoding']): FileReport {
	return {
		file,
		kind: null,
		kindLabel: '未识别',
		encoding,
		status: 'loaded',
		headers: [],
		rowsRead: 0,
		rowsCounted: 0,
		rowsLoaded: 0,
		rowsRejected: 0,
		rowsWithWarnings: 0,
		identifyingColumns: [],
		droppedColumns: [],
		unknownColumns: [],
		problems: [],
		rejectedRows: []
	};
}

/** Reject every data row of a file that cannot be read at all, so rows in = loaded + rejected. */
function rejectAll(
	report: FileReport,
	rows: Iterable<{ line: number; cells: string[] }>,
	reason: string,
	keepCells = true
) {
	for (const r of rows) {
		const cells = keepCells ? r.cells.map(keptCell) : [];
		report.rejectedRows.push({ line: r.line, cells, reasons: [reason] });
	}
	report.rowsRejected = report.rejectedRows.length;
}

/** A file's records with what rejects a record before it is read (RecordFaults). */
interface FileRecords {
	records: CsvRecords;
	faults: RecordFaults;
	headerIndex: number;
}

/**
 * The data rows after the header (a faulty record is never blank), with their lines (header =
 * line 1 when first) and faults.
 */
function* dataRowsOf({ records, faults, headerIndex }: FileRecords) {
	for (let i = headerIndex + 1; i < records.length; i++) {
		const cells = records.at(i);
		const fault = faults.of(i, cells);
		if (fault || !isBlankRecord(cells)) yield { line: i + 1, cells, fault };
	}
}

/**
 * The data rows after the header: each scanned for identifying values and, when `reading` is
 * given, read (a faulty one rejected). Returns how many are not blank. Plain records of a
 * 建设场景明细 file are read from their text (`ScenarioRecords`, same outcome) unless `fromText`
 * is false.
 */
export function readDataRows(
	file: FileRecords,
	scan: IdentifyingColumnScan,
	reading: RowReading | null,
	fromText = true,
	onRows?: ReadOptions['onRows']
): number {
	const { records, faults, headerIndex } = file;
	let rowsRead = 0;
	const plainRecords = fromText
		? (reading?.scenarioRecords(scan, records.delimiter) ?? null)
		: null;
	const total = records.length - headerIndex - 1;
	for (let i = headerIndex + 1; i < records.length; i++) {
		const done = i - headerIndex - 1;
		if (onRows && done % ROWS_PER_PROGRESS === 0) onRows(done, total);
		const text = plainRecords ? records.plainText(i) : null;
		if (text !== null && text.length <= CELL_LIMIT && !faults.hasReplacement(i)) {
			if (plainRecords?.read(i + 1, text)) rowsRead += 1;
			continue;
		}
		const cells = records.at(i);
		const fault = faults.of(i, cells);
		if (fault) {
			scan.scan(cells.map(keptCell), i + 1);
			rowsRead += 1;
			reading?.reject(i + 1, cells, fault);
			continue;
		}
		if (isBlankRecord(cells)) continue;
		scan.scan(cells, i + 1);
		rowsRead += 1;
		reading?.read(i + 1, cells);
	}
	return rowsRead;
}

/**
 * The kind a file's header names, from its first bytes (null when they do not tell: no whole
 * line, no header, or headers of no kind). Used only to plan the work — which file to read in
 * a second worker; `readInputFile` decides the kind. The text is cut after its last line break
 * (the bytes' last character may be cut short).
 */
export function kindOfHeader(firstBytes: Uint8Array): FileKind | null {
	const text = decodeCsvBytes(firstBytes).text;
	const end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
	if (end < 0) return null;
	const records = readCsvRecords(text.slice(0, end + 1));
	let header: string[] | undefined;
	for (let i = 0; i < records.length && !header; i++) {
		const cells = records.at(i);
		if (!isBlankRecord(cells)) header = cells;
	}
	if (!header) return null;
	const layout = layoutOf(
		header.map((h) => h.replace(/^\uFEFF/, '').trim()),
		new Set()
	);
	return 'match' in layout ? layout.match.kind : null;
}

/** The first record that is not blank, or -1. */
function headerIndexOf(records: CsvRecords, faults: RecordFaults): number {
	for (let i = 0; i < records.length; i++) {
		const cells = records.at(i);
		if (faults.of(i, cells) || !isBlankRecord(cells)) return i;
	}
	return -1;
}

/** A file that is not read, with why. */
function refusedFile(name: string, reason: string): ReadFile {
	const report = emptyReport(name, '—');
	report.status = 'unrecognised';
	report.problems.push({
		file: name,
		line: null,
		column: null,
		value: '',
		reason,
		severity: 'error'
	});
	return { ...readElsewhere(report, null, null), declarationsChecked: false };
}

export function readInputFile(input: InputSource, options: ReadOptions = {}): ReadFile {
	const read = fileText('bytes' in input ? input.bytes : input.read());
	if (typeof read === 'string') return refusedFile(input.name, read);
	const { decoded, sheet } = read;
	const { text, encoding } = decoded;
	const report = emptyReport(input.name, encoding);
	const records = readCsvRecords(text, read.delimiter);
	const faults = new RecordFaults(records, decoded);
	const result: ReadFile = {
		report,
		kind: null,
		rows: [],
		scenarioRows: null,
		declarationsChecked: false,
		cellsAt: (line) => records.at(line - 1),
		sanitizedText: '',
		storedFromInputByte: null
	};
	const fileProblem = (
		reason: string,
		severity: Problem['severity'] = 'error',
		line: number | null = null,
		column: string | null = null
	) => report.problems.push({ file: input.name, line, column, value: '', reason, severity });

	if (sheet && sheet.sheetNames.length > 1) {
		const others = sheet.sheetNames.slice(1).map((n) => `“${n}”`);
		fileProblem(
			`工作簿有 ${sheet.sheetNames.length} 个工作表，只读取了第一个工作表“${sheet.sheetName}”；${others.join('、')}未读取，如需导入请各自另存为一个文件`,
			'warning'
		);
	}
	if (input.renamedFrom !== undefined) {
		fileProblem(
			`本次导入中另有文件名为“${input.renamedFrom}”的文件，本文件在报告和数据（source_file）中记为“${input.name}”`,
			'warning'
		);
	}
	const headerIndex = headerIndexOf(records, faults);
	if (headerIndex < 0) {
		report.status = 'empty';
		fileProblem('文件为空，没有表头');
		return result;
	}
	const file: FileRecords = { records, faults, headerIndex };
	const headerFault = faults.of(headerIndex);
	const headers = records.at(headerIndex).map((h, i) => {
		const header = h.replace(/^\uFEFF/, '').trim();
		// The header cell whose quote is faulty is read without that quote.
		return headerFault && i === headerFault.field ? header.replace(/^"/, '').trim() : header;
	});
	report.headers = headers;
	if (headerFault) {
		const column = headerFault.field === null ? null : (headers[headerFault.field] ?? null);
		fileProblem(`表头：${headerFault.reason}`, 'warning', headerIndex + 1, column);
	}

	// Privacy first: nothing identifying goes further, whatever kind the file is. The values are
	// scanned in the same pass that reads the rows; when the scan finds an identifying column
	// that reading is thrown away, and the file refused or read again without the column.
	const scan = new IdentifyingColumnScan(headers);
	const dropAllowed = options.dropIdentifyingColumns === true;
	const droppedByHeader = new Set(scan.found().map((c) => c.index));
	const firstLayout = scan.anyByHeader && !dropAllowed ? null : layoutOf(headers, droppedByHeader);
	let reading =
		firstLayout && 'match' in firstLayout ? new RowReading(input.name, firstLayout) : null;
	const rowsRead = readDataRows(file, scan, reading, true, options.onRows);
	report.rowsRead = rowsRead;
	report.rowsCounted = countDataRows(records.text, records.delimiter);
	const countProblem = rowCountProblem(input.name, rowsRead, report.rowsCounted);
	if (countProblem) report.problems.push(countProblem);
	if (rowsRead === 0) fileProblem('文件只有表头，没有数据行', 'warning');

	const identifying = scan.found();
	report.identifyingColumns = identifying;
	const dropped = new Set<number>();
	// Values past the header have no column to drop: the file is refused even when the user
	// chose to drop identifying columns.
	const pastHeader = identifying.some((column) => isPastHeader(column, headers));
	if (identifying.length > 0) {
		if (!dropAllowed || pastHeader) {
			report.status = 'refused';
			for (const column of identifying) {
				fileProblem(
					isPastHeader(column, headers)
						? `疑似身份信息（${column.reason}），文件已拒绝；这些值在表头之外，无法按列删除，请在文件中删除后重新导入`
						: `疑似身份信息（${column.reason}），文件已拒绝；删除该列后可继续导入`,
					'error',
					null,
					column.header
				);
			}
			// The refused rows keep no cells: identifying values go nowhere, not even into a download.
			rejectAll(report, dataRowsOf(file), '文件含身份信息列，已拒绝', false);
			return result;
		}
		for (const column of identifying) dropped.add(column.index);
		report.droppedColumns = identifying.map((c) => c.header);
	}

	const layout =
		reading && dropped.size === droppedByHeader.size ? reading.layout : layoutOf(headers, dropped);
	if (!('match' in layout)) {
		const { best } = layout;
		report.status = 'unrecognised';
		const below = headerBelow(records, headerIndex);
		fileProblem(
			below
				? `无法识别文件类型：第 ${headerIndex + 1} 行不是表头，第 ${below.line} 行才像“${below.label}”的表头；请删除表头上方的标题行后重新导入`
				: `无法识别文件类型：最接近“${best.spec.label}”，但缺少必填列 ${best.missing.map((m) => `“${m}”`).join('、')}`
		);
		// Columns the user chose to drop stay out of the rejected rows too (blank, to keep the columns aligned).
		const withoutDropped = [...dataRowsOf(file)].map((r) => ({
			line: r.line,
			cells: r.cells.map((cell, i) => (dropped.has(i) ? '' : cell))
		}));
		rejectAll(report, withoutDropped, '文件类型无法识别');
		return result;
	}
	if (!reading || reading.layout !== layout) {
		// Columns found by value are dropped: read the rows again without them.
		reading = new RowReading(input.name, layout);
		for (const row of dataRowsOf(file)) {
			if (row.fault) reading.reject(row.line, row.cells, row.fault);
			else reading.read(row.line, row.cells);
		}
	}
	const { match } = layout;
	result.kind = match.kind;
	report.kind = match.kind;
	report.kindLabel = fileKindSpec(match.kind).label;
	report.unknownColumns = match.unknown;
	for (const { column, reason } of reading.columnWarnings()) {
		fileProblem(reason, 'warning', null, column);
	}
	reportDuplicateRows(report, findDuplicateRows(records, headerIndex + 1), match.kind);
	for (const problem of reading.problems) report.problems.push(problem);
	report.rejectedRows = reading.rejectedRows;
	report.rowsWithWarnings = reading.rowsWithWarnings;
	result.rows = reading.rows;
	result.scenarioRows = reading.scenarioRows;
	const finalReading = reading;
	result.cellsAt = (line) => finalReading.kept(records.at(line - 1));
	// Stored as read, or rewritten without the dropped columns so they never reach storage.
	result.sanitizedText = reading.sanitizedLines ? reading.sanitizedLines.join('\n') : text;
	if (!reading.sanitizedLines && isUtf8(encoding) && decoded.undecodable.length === 0) {
		result.storedFromInputByte = encoding === 'UTF-8 (BOM)' ? UTF8_BOM_BYTES : 0;
	}
	return result;
}

/**
 * A 建设场景明细 file read in another worker, whose rows of unknown 申报编号 were rejected there
 * (`rejectUnknownDeclarations`), as the rest of the import takes it. Its text stayed in that
 * worker: nothing later asks for a row's cells or the text (a file kept for a reload was made
 * there too).
 */
export function readElsewhere(
	report: FileReport,
	kind: FileKind | null,
	scenarioRows: ScenarioRows | null
): ReadFile {
	return {
		report,
		kind,
		rows: [],
		scenarioRows,
		declarationsChecked: true,
		cellsAt: () => {
			throw new Error(`${report.file}: its text is in the worker that read it`);
		},
		sanitizedText: '',
		storedFromInputByte: null
	};
}
