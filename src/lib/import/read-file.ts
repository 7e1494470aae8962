/**
 * One input file → a report and normalised rows: decode, parse, recognise the kind by its
 * headers, refuse identifying columns (or drop them when the user agreed), then read each row.
 */
import { decodeCsvBytes } from './decode';
import { csvField, isBlankRecord, parseCsvRecords } from './csv';
import { fileKindSpec, type FileKind } from './file-kinds';
import { recognizeFile } from './headers';
import { findIdentifyingColumns } from './privacy';
import type { FileReport, Problem } from './report';
import {
	readBaseline,
	readDeclaration,
	readScenario,
	readTarget,
	FileColumns,
	RowReader,
	type CellIssue,
	type RowOutcome
} from './rows';
import type { BaselineRow, DeclarationRow, RegionTargetRow, ScenarioRow } from './tables';

export type AnyRow = DeclarationRow | ScenarioRow | BaselineRow | RegionTargetRow;

type ReadRowFn = (
	reader: RowReader,
	file: string,
	line: number,
	extra: string | null
) => RowOutcome<AnyRow>;

const ROW_READERS: Record<FileKind, ReadRowFn> = {
	declarations: readDeclaration,
	scenarios: readScenario,
	baseline: readBaseline,
	targets: readTarget
};

export interface InputFile {
	name: string;
	bytes: Uint8Array;
}

export interface ReadOptions {
	/** Drop identifying columns instead of refusing the file (the user chose to go on). */
	dropIdentifyingColumns?: boolean;
}

/** A data row that passed its own checks, with where it came from (cross-file checks may still reject it). */
export interface ReadRow<T> {
	line: number;
	cells: string[];
	row: T;
}

export interface ReadFile {
	report: FileReport;
	kind: FileKind | null;
	/** The rows that passed their own checks, of the file's kind. */
	rows: ReadRow<AnyRow>[];
	/** The file as it may be stored: UTF-8 text without any dropped column. */
	sanitizedText: string;
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
	rows: { line: number; cells: string[] }[],
	reason: string,
	keepCells = true
) {
	report.rowsRejected = rows.length;
	report.rejectedRows = rows.map((r) => ({
		line: r.line,
		cells: keepCells ? r.cells : [],
		reasons: [reason]
	}));
}

export function readInputFile(input: InputFile, options: ReadOptions = {}): ReadFile {
	const { text, encoding } = decodeCsvBytes(input.bytes);
	const report = emptyReport(input.name, encoding);
	const result: ReadFile = {
		report,
		kind: null,
		rows: [],
		sanitizedText: ''
	};
	const fileProblem = (reason: string, severity: Problem['severity'] = 'error') =>
		report.problems.push({
			file: input.name,
			line: null,
			column: null,
			value: '',
			reason,
			severity
		});

	const records = parseCsvRecords(text);
	const headerIndex = records.findIndex((r) => !isBlankRecord(r));
	if (headerIndex < 0) {
		report.status = 'empty';
		fileProblem('文件为空，没有表头');
		return result;
	}
	const headers = (records[headerIndex] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
	report.headers = headers;
	const dataRows: { line: number; cells: string[] }[] = [];
	for (let i = headerIndex + 1; i < records.length; i++) {
		const cells = records[i] ?? [];
		if (!isBlankRecord(cells)) dataRows.push({ line: i + 1, cells });
	}
	report.rowsRead = dataRows.length;
	if (dataRows.length === 0) fileProblem('文件只有表头，没有数据行', 'warning');

	// Privacy first: nothing identifying goes further, whatever kind the file is.
	const identifying = findIdentifyingColumns(
		headers,
		dataRows.map((r) => r.cells),
		dataRows[0]?.line ?? 2
	);
	report.identifyingColumns = identifying;
	const dropped = new Set<number>();
	if (identifying.length > 0) {
		if (!options.dropIdentifyingColumns) {
			report.status = 'refused';
			for (const column of identifying) {
				report.problems.push({
					file: input.name,
					line: null,
					column: column.header,
					value: '',
					reason: `疑似身份信息（${column.reason}），文件已拒绝；删除该列后可继续导入`,
					severity: 'error'
				});
			}
			// The refused rows keep no cells: identifying values go nowhere, not even into a download.
			rejectAll(report, dataRows, '文件含身份信息列，已拒绝', false);
			return result;
		}
		for (const column of identifying) dropped.add(column.index);
		report.droppedColumns = identifying.map((c) => c.header);
	}
	const keptIndexes = headers.map((_, i) => i).filter((i) => !dropped.has(i));
	const keptHeaders = keptIndexes.map((i) => headers[i] ?? '');

	const { match, best } = recognizeFile(keptHeaders);
	if (!match) {
		report.status = 'unrecognised';
		fileProblem(
			`无法识别文件类型：最接近“${best.spec.label}”，但缺少必填列 ${best.missing.map((m) => `“${m}”`).join('、')}`
		);
		rejectAll(report, dataRows, '文件类型无法识别');
		return result;
	}
	result.kind = match.kind;
	report.kind = match.kind;
	report.kindLabel = fileKindSpec(match.kind).label;
	report.unknownColumns = match.unknown;
	for (const header of match.unknown) {
		report.problems.push({
			file: input.name,
			line: null,
			column: header,
			value: '',
			reason: '不是数据契约中的列：保留供 SQL 查询使用，不在页面和报告中显示',
			severity: 'warning'
		});
	}
	for (const key of match.duplicated) {
		const column = match.spec.columns.find((c) => c.key === key);
		report.problems.push({
			file: input.name,
			line: null,
			column: column?.zh ?? key,
			value: '',
			reason: '列重复出现，只使用第一列',
			severity: 'warning'
		});
	}
	const headerOfKey = new Map<string, string>();
	match.keys.forEach((key, i) => {
		if (key) headerOfKey.set(key, keptHeaders[i] ?? key);
	});
	const unknownPositions = match.keys.flatMap((key, i) =>
		key === null && match.unknown.includes(keptHeaders[i]?.trim() ?? '') ? [i] : []
	);

	const columnName = (key: string) =>
		headerOfKey.get(key) ?? fileKindSpec(match.kind).columns.find((c) => c.key === key)?.zh ?? key;
	const toProblem = (issue: CellIssue, line: number, severity: Problem['severity']): Problem => ({
		file: input.name,
		line,
		column: issue.key ? columnName(issue.key) : null,
		value: issue.value,
		reason: issue.reason,
		severity
	});
	const columns = new FileColumns(
		new Map(match.keys.flatMap((key, i) => (key ? [[key, i] as [string, number]] : [])))
	);
	const sanitizedRows: string[][] | null = dropped.size ? [keptHeaders] : null;
	for (const { line, cells: allCells } of dataRows) {
		const cells = dropped.size ? keptIndexes.map((i) => allCells[i] ?? '') : allCells;
		sanitizedRows?.push(cells);
		const reader = new RowReader(cells, columns);
		if (
			cells.length > keptHeaders.length &&
			cells.slice(keptHeaders.length).some((c) => c.trim() !== '')
		) {
			reader.errors.push({
				key: null,
				value: '',
				reason: `字段数 ${cells.length} 多于表头的 ${keptHeaders.length} 列，数据可能错位`
			});
		}
		const extra = unknownPositions.length
			? JSON.stringify(
					Object.fromEntries(unknownPositions.map((i) => [keptHeaders[i], cells[i] ?? '']))
				)
			: null;
		const outcome: RowOutcome<AnyRow> = ROW_READERS[match.kind](reader, input.name, line, extra);
		for (const issue of outcome.errors) report.problems.push(toProblem(issue, line, 'error'));
		for (const issue of outcome.warnings) report.problems.push(toProblem(issue, line, 'warning'));
		if (outcome.warnings.length > 0) report.rowsWithWarnings += 1;
		if (outcome.row === null) {
			report.rejectedRows.push({ line, cells, reasons: outcome.errors.map((e) => e.reason) });
			continue;
		}
		result.rows.push({ line, cells, row: outcome.row });
	}
	// Stored as read, or rewritten without the dropped columns so they never reach storage.
	result.sanitizedText = sanitizedRows ? serializeRecords(sanitizedRows) : text;
	return result;
}

function serializeRecords(records: string[][]): string {
	return records.map((r) => r.map(csvField).join(',')).join('\n');
}
