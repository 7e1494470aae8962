/**
 * The data rows of one recognised file → normalised rows, problems in file order and rejected
 * rows. Rows are read one by one from their cells (`RowReading.read`); a 建设场景明细 file of
 * plain records can also be read from each record's text (`ScenarioRecords`), which gives the
 * same rows and problems at a fraction of the cost: a million such rows are a plausible file.
 */
import { csvField } from './csv';
import { uniqueNames } from './file-names';
import { unitConversion } from './units';
import { count, keptCell, ROW_LIMIT, rowReason, type RecordFault } from './record-faults';
import { fileKindSpec, type FileKind } from './file-kinds';
import { recognizeFile } from './headers';
import type { IdentifyingColumnScan } from './privacy';
import type { Problem, RejectedRow } from './report';
import {
	readBaseline,
	readDeclaration,
	readScenario,
	readScenarioDetails,
	readScenarioId,
	readTarget,
	type ScenarioDetails
} from './rows';
import { FileColumns, RowReader, type CellIssue, type RowOutcome } from './row-reader';
import { ScenarioRows } from './scenario-rows';
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

/** A recognised file's columns once identifying ones are dropped: how its rows are read. */
export interface Layout {
	match: NonNullable<ReturnType<typeof recognizeFile>['match']>;
	/** Positions kept in the file, or null when every column is kept. */
	keptIndexes: number[] | null;
	keptHeaders: string[];
	/** Every header of the file. */
	headers: readonly string[];
}

export function layoutOf(
	headers: readonly string[],
	dropped: ReadonlySet<number>
): Layout | { best: ReturnType<typeof recognizeFile>['best'] } {
	const keptIndexes = dropped.size ? headers.flatMap((_, i) => (dropped.has(i) ? [] : [i])) : null;
	const keptHeaders = keptIndexes ? keptIndexes.map((i) => headers[i] ?? '') : [...headers];
	const { match, best } = recognizeFile(keptHeaders);
	return match ? { match, keptIndexes, keptHeaders, headers } : { best };
}

/**
 * Reads the data rows of a recognised file one by one: normalised rows, problems in file
 * order, rejected rows with their (kept) cells, and the sanitised text when columns are dropped.
 */
export class RowReading {
	readonly rows: AnyRow[] = [];
	/** The rows of a 建设场景明细 file, which go here instead of `rows`. */
	readonly scenarioRows: ScenarioRows | null;
	readonly problems: Problem[] = [];
	readonly rejectedRows: RejectedRow[] = [];
	rowsWithWarnings = 0;
	/** CSV lines without the dropped columns (header first), when any is dropped. */
	readonly sanitizedLines: string[] | null;
	readonly columns: FileColumns;
	private readonly headerOfKey = new Map<string, string>();
	private readonly unknownPositions: number[];
	/**
	 * The names the unlisted columns are kept under in `extra`: their headers, a repeated one
	 * as "备注 (2)" (one name for two columns kept only the second's values).
	 */
	private readonly extraNames: string[];
	/** Positions whose header is empty: their values have no column to go to. */
	private readonly headerless: number[];
	/** Headerless positions that hold a value: the first line with one, by position. */
	private readonly headerlessValues = new Map<number, number>();
	private readonly readRow: ReadRowFn;

	constructor(
		readonly file: string,
		readonly layout: Layout
	) {
		const { match, keptHeaders, keptIndexes } = layout;
		match.keys.forEach((key, i) => {
			if (key) this.headerOfKey.set(key, keptHeaders[i] ?? key);
		});
		this.unknownPositions = match.keys.flatMap((key, i) =>
			key === null && match.unknown.includes(keptHeaders[i]?.trim() ?? '') ? [i] : []
		);
		this.extraNames = uniqueNames(this.unknownPositions.map((i) => keptHeaders[i] ?? ''));
		this.headerless = match.keys.flatMap((key, i) =>
			key === null && (keptHeaders[i] ?? '').trim() === '' ? [i] : []
		);
		this.columns = new FileColumns(
			new Map(match.keys.flatMap((key, i) => (key ? [[key, i] as [string, number]] : []))),
			new Map(
				match.keys.flatMap((key, i) => {
					const column = key ? match.spec.columns.find((c) => c.key === key) : undefined;
					const conversion = column ? unitConversion(column, keptHeaders[i] ?? '') : null;
					return key && conversion ? [[key, conversion] as const] : [];
				})
			)
		);
		this.readRow = ROW_READERS[match.kind];
		this.scenarioRows = match.kind === 'scenarios' ? new ScenarioRows() : null;
		this.sanitizedLines = keptIndexes ? [keptHeaders.map(csvField).join(',')] : null;
	}

	/**
	 * What the file's columns call for once its rows are read, in this order: unlisted columns
	 * (kept for the SQL console), amounts converted from the unit their header names, values
	 * under an empty header (not loaded), columns given twice (the first used).
	 */
	columnWarnings(): { column: string; reason: string }[] {
		const { match, keptHeaders, keptIndexes } = this.layout;
		const warnings = match.unknown.map((column) => ({
			column,
			reason: '不是数据契约中的列：保留供 SQL 查询使用，不在页面和报告中显示'
		}));
		for (const [key, conversion] of this.columns.conversions) {
			// A unit that cannot be converted: each row with an amount says why it is refused.
			if (conversion.times === null) continue;
			const factor =
				conversion.over > 1 ? `÷${count(conversion.over)}` : `×${count(conversion.times)}`;
			warnings.push({
				column: keptHeaders[this.columns.index.get(key) ?? -1] ?? key,
				reason: `表头中的单位为“${conversion.unit}”，金额已换算为${conversion.contractUnit}（${factor}）`
			});
		}
		for (const [position, line] of this.headerlessValues) {
			warnings.push({
				column: `第 ${(keptIndexes?.[position] ?? position) + 1} 列`,
				reason: `没有表头，其中的值未导入（第 ${line} 行起有值）`
			});
		}
		for (const key of match.duplicated) {
			const column = match.spec.columns.find((c) => c.key === key);
			warnings.push({ column: column?.zh ?? key, reason: '列重复出现，只使用第一列' });
		}
		return warnings;
	}

	/** The cells of a row as kept (without dropped columns). */
	kept(allCells: string[]): string[] {
		const indexes = this.layout.keptIndexes;
		return indexes ? indexes.map((i) => allCells[i] ?? '') : allCells;
	}

	/** Values under an empty header in a row's (kept) cells: the first line each is noted. */
	noteHeaderless(cells: readonly string[], line: number): void {
		for (const i of this.headerless) {
			if (!this.headerlessValues.has(i) && (cells[i] ?? '').trim() !== '') {
				this.headerlessValues.set(i, line);
			}
		}
	}

	/**
	 * A reader of this file's records from their text, when that gives the same result as
	 * `read`: a 建设场景明细 file with 申报编号 first, every column kept and none outside the
	 * contract (an unlisted column may hold a different text on every row). Else null.
	 */
	scenarioRecords(scan: IdentifyingColumnScan, delimiter: string): ScenarioRecords | null {
		const plain =
			this.scenarioRows !== null &&
			this.layout.keptIndexes === null &&
			this.unknownPositions.length === 0 &&
			this.columns.index.get('declaration_id') === 0;
		return plain ? new ScenarioRecords(this, scan, delimiter) : null;
	}

	private columnName(key: string): string {
		const spec = fileKindSpec(this.layout.match.kind);
		return this.headerOfKey.get(key) ?? spec.columns.find((c) => c.key === key)?.zh ?? key;
	}

	private problem(issue: CellIssue, line: number, severity: Problem['severity']): Problem {
		return {
			file: this.file,
			line,
			column: issue.key ? this.columnName(issue.key) : null,
			value: issue.value,
			reason: issue.reason,
			severity
		};
	}

	/** The error of a row with more cells than the header has columns, when the extra ones hold anything. */
	widthIssue(cells: readonly string[]): CellIssue | null {
		const width = this.layout.keptHeaders.length;
		if (cells.length <= width || cells.slice(width).every((c) => c.trim() === '')) return null;
		return {
			key: null,
			value: '',
			reason: `字段数 ${cells.length} 多于表头的 ${width} 列，数据可能错位`
		};
	}

	read(line: number, allCells: string[]): void {
		const cells = this.kept(allCells);
		this.sanitizedLines?.push(cells.map(csvField).join(','));
		const reader = new RowReader(cells, this.columns);
		this.noteHeaderless(cells, line);
		const widthIssue = this.widthIssue(cells);
		if (widthIssue) reader.errors.push(widthIssue);
		const unknown = this.unknownPositions;
		const extra = unknown.length
			? JSON.stringify(
					Object.fromEntries(unknown.map((i, k) => [this.extraNames[k], cells[i] ?? '']))
				)
			: null;
		if (extra !== null && extra.length > ROW_LIMIT) {
			reader.errors.push({
				key: null,
				value: '',
				reason: `未列入数据契约的列合计 ${count(extra.length)} 个字符，超过上限 ${count(ROW_LIMIT)}`
			});
		}
		const outcome: RowOutcome<AnyRow> = this.readRow(reader, this.file, line, extra);
		if (this.report(line, outcome.errors, outcome.warnings, () => cells)) {
			if (this.scenarioRows) this.scenarioRows.push(outcome.row as ScenarioRow);
			else this.rows.push(outcome.row as AnyRow);
		}
	}

	/**
	 * A row rejected before its values are read (record-faults.ts: a quote fault, a byte not
	 * decoded, a cell or the row too long), named by line and the file's column.
	 */
	reject(line: number, allCells: string[], fault: RecordFault): void {
		const cells = this.kept(allCells);
		// Kept for a reload so that it is rejected there again: a quote fault as it came (written
		// out as CSV it would be a well-formed row), the others with what rejects them.
		const quoteFault = fault.reason.includes('引号');
		this.sanitizedLines?.push(quoteFault ? cells.join(',') : cells.map(csvField).join(','));
		const column = fault.field === null ? null : (this.layout.headers[fault.field] ?? null);
		const reason = rowReason(fault);
		this.problems.push({ file: this.file, line, column, value: '', reason, severity: 'error' });
		this.rejectedRows.push({ line, cells: cells.map(keptCell), reasons: [reason] });
	}

	/**
	 * Records a row's problems, and the row as rejected when it has errors; whether it loads.
	 * `cells` are asked for only for a rejected row.
	 */
	report(
		line: number,
		errors: readonly CellIssue[],
		warnings: readonly CellIssue[],
		cells: () => string[]
	): boolean {
		for (const issue of errors) this.problems.push(this.problem(issue, line, 'error'));
		for (const issue of warnings) this.problems.push(this.problem(issue, line, 'warning'));
		if (warnings.length > 0) this.rowsWithWarnings += 1;
		if (errors.length === 0) return true;
		this.rejectedRows.push({ line, cells: cells(), reasons: errors.map((e) => e.reason) });
		return false;
	}
}

/** The part of a 建设场景明细 row read from its cells after the 申报编号, as any row repeating them reads. */
interface DetailsRead {
	/** The cells after the 申报编号. */
	cells: string[];
	/** Every one of them is blank. */
	blank: boolean;
	widthIssue: CellIssue | null;
	errors: CellIssue[];
	warnings: CellIssue[];
	details: ScenarioDetails | undefined;
}

/** A 申报编号 cell, read. */
interface IdRead {
	cell: string;
	errors: CellIssue[];
	warnings: CellIssue[];
	value: string | undefined;
}

const NO_ISSUES: readonly CellIssue[] = Object.freeze([]);

/**
 * 建设场景明细 records read from their text, with the same outcome as `RowReading.read` of their
 * cells, the privacy scan included. A row is its 申报编号 and a few cells that thousands of rows
 * repeat (场景, 场景层级): those are cut, scanned and read once per distinct text and remembered,
 * the 申报编号 once per run of rows that share it. The problems of a row keep the order of
 * `read`: the width error, then the 申报编号's, then the rest's.
 */
export class ScenarioRecords {
	private readonly detailsByText = new Map<string, DetailsRead>();
	private static readonly DETAILS_LIMIT = 50_000;
	private lastId: IdRead | null = null;
	private readonly scenarioRows: ScenarioRows;

	constructor(
		private readonly reading: RowReading,
		private readonly scan: IdentifyingColumnScan,
		private readonly delimiter: string
	) {
		this.scenarioRows = reading.scenarioRows as ScenarioRows;
	}

	/**
	 * Reads the record at `line` from its text (a record without a quote character, so its
	 * cells are the text split at the delimiter). False for a blank record, which is no row.
	 */
	read(line: number, text: string): boolean {
		const cut = text.indexOf(this.delimiter);
		if (cut === -1) {
			// One cell: no rest to share with other rows.
			const cells = [text];
			if (text.trim() === '') return false;
			this.scan.scan(cells, line);
			this.reading.read(line, cells);
			return true;
		}
		const idCell = text.slice(0, cut);
		const restText = text.slice(cut + 1);
		let rest = this.detailsByText.get(restText);
		if (!rest) {
			rest = this.readDetails(idCell, restText);
			if (rest.blank && idCell.trim() === '') return false;
			// First time these cells are seen: scan them all, as `read`'s caller does, and note
			// a value under an empty header (a later row with this text is no earlier line).
			this.scan.scan([idCell, ...rest.cells], line);
			this.reading.noteHeaderless([idCell, ...rest.cells], line);
			if (this.detailsByText.size < ScenarioRecords.DETAILS_LIMIT) {
				this.detailsByText.set(restText, rest);
			}
		} else {
			if (rest.blank && idCell.trim() === '') return false;
			this.scan.scanCell(0, idCell, line);
		}
		const id = this.readId(idCell);
		const errors =
			rest.widthIssue || id.errors.length > 0 || rest.errors.length > 0
				? [...(rest.widthIssue ? [rest.widthIssue] : []), ...id.errors, ...rest.errors]
				: NO_ISSUES;
		const warnings =
			id.warnings.length > 0 || rest.warnings.length > 0
				? [...id.warnings, ...rest.warnings]
				: NO_ISSUES;
		const cells = rest.cells;
		if (!this.reading.report(line, errors, warnings, () => [idCell, ...cells])) return true;
		const details = rest.details as ScenarioDetails;
		this.scenarioRows.add(
			id.value as string,
			details.scenarioNo,
			details.scenarioTier,
			details.countedTier,
			line,
			this.reading.file,
			null
		);
		return true;
	}

	private readDetails(idCell: string, restText: string): DetailsRead {
		const cells = restText.split(this.delimiter);
		const all = [idCell, ...cells];
		const reader = new RowReader(all, this.reading.columns);
		const details = readScenarioDetails(reader);
		return {
			cells,
			blank: cells.every((c) => c.trim() === ''),
			widthIssue: this.reading.widthIssue(all),
			errors: reader.errors,
			warnings: reader.warnings,
			details
		};
	}

	private readId(cell: string): IdRead {
		// The rows of one declaration follow each other.
		if (this.lastId?.cell === cell) return this.lastId;
		const reader = new RowReader([cell], this.reading.columns);
		const value = readScenarioId(reader);
		this.lastId = { cell, errors: reader.errors, warnings: reader.warnings, value };
		return this.lastId;
	}
}
