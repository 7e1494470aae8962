/**
 * What the import tells the user: per file, rows read / loaded / rejected / with warnings, and
 * each problem with file, line, column, value and reason, in Chinese.
 */
import { toExcelCsv } from './csv';
import type { DetectedEncoding } from './decode';
import type { DuplicateRows } from './duplicates';
import type { FileKind } from './file-kinds';
import type { IdentifyingColumn } from './privacy';

export type Severity = 'error' | 'warning';

export interface Problem {
	file: string;
	/** Row number as Excel shows it (the header is row 1); null for a file-level problem. */
	line: number | null;
	/** The header as written in the file, or null. */
	column: string | null;
	value: string;
	reason: string;
	severity: Severity;
}

export interface RejectedRow {
	line: number;
	cells: string[];
	reasons: string[];
}

export type FileStatus = 'loaded' | 'refused' | 'unrecognised' | 'empty';

export interface FileReport {
	file: string;
	kind: FileKind | null;
	kindLabel: string;
	encoding: DetectedEncoding;
	status: FileStatus;
	headers: string[];
	rowsRead: number;
	/** Data rows counted independently of the reading (record-count.ts): equal to rowsRead. */
	rowsCounted: number;
	rowsLoaded: number;
	rowsRejected: number;
	rowsWithWarnings: number;
	identifyingColumns: IdentifyingColumn[];
	droppedColumns: string[];
	unknownColumns: string[];
	problems: Problem[];
	rejectedRows: RejectedRow[];
	/** Rows that are exactly an earlier row of the file, where there are any (duplicates.ts). */
	duplicateRows?: DuplicateRows;
}

/** rows in = rows loaded + rows rejected, for one file or all. */
export function balances(report: Pick<FileReport, 'rowsRead' | 'rowsLoaded' | 'rowsRejected'>) {
	return report.rowsRead === report.rowsLoaded + report.rowsRejected;
}

/** "申报明细.csv 第 12 行“盟市”列：无法识别的盟市“乌市”". */
export function describeProblem(problem: Problem): string {
	const where = [
		problem.file,
		problem.line === null ? null : `第 ${problem.line} 行`,
		problem.column === null ? null : `“${problem.column}”列`
	]
		.filter(Boolean)
		.join(' ');
	return `${where}：${problem.reason}`;
}

/** A table of the report, as it is downloaded: its header and rows. */
export interface ReportTable {
	header: string[];
	rows: (string | number | null)[][];
}

/** The rejected rows of a file: 行号, 原因, then the row. */
export function rejectedRowsTable(report: FileReport): ReportTable {
	return {
		header: ['行号', '拒绝原因', ...report.headers],
		rows: report.rejectedRows.map((row) => [row.line, row.reasons.join('；'), ...row.cells])
	};
}

/** Every problem of the given files. */
export function problemsTable(reports: readonly FileReport[]): ReportTable {
	return {
		header: ['文件', '行号', '列', '值', '类型', '原因'],
		rows: reports.flatMap((r) =>
			r.problems.map((p) => [
				p.file,
				p.line,
				p.column,
				p.value,
				p.severity === 'error' ? '错误' : '警告',
				p.reason
			])
		)
	};
}

/** The rejected rows of a file as a CSV Excel opens (BOM, formulas neutralised): 行号, 原因, then the row. */
export function rejectedRowsCsv(report: FileReport): string {
	const { header, rows } = rejectedRowsTable(report);
	return toExcelCsv(header, rows);
}

/** Every problem of the given files as a CSV Excel opens. */
export function problemsCsv(reports: readonly FileReport[]): string {
	const { header, rows } = problemsTable(reports);
	return toExcelCsv(header, rows);
}
