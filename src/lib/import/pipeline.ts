/**
 * Any number of input files → reports and normalised tables. Per-file reading is in
 * read-file.ts; here are the checks across files: duplicate 申报编号, scenario rows whose
 * 申报编号 is unknown, duplicate baseline cells, and each declaration's eligible tier under the
 * 附件2 rules (a flag when the declared or awarded tier is above it, never a rejection).
 */
import { TIER_KEYS, type TierKey } from '../domain/catalogue';
import { eligibleRankOf, evaluateDeclaration } from '../domain/rules';
import { uniqueFileNames } from './file-names';
import { readInputFile, type InputSource, type ReadFile, type ReadOptions } from './read-file';
import { balances, type FileReport } from './report';
import type { FileKind } from './file-kinds';
import type {
	BaselineRow,
	DeclarationRow,
	EligibilityRow,
	ImportedTables,
	RegionTargetRow
} from './tables';
import { ScenarioRows } from './scenario-rows';

export interface ImportResult {
	reports: FileReport[];
	tables: ImportedTables;
	/** Declarations whose declared or awarded tier is above their eligible tier. */
	flagged: number;
	/** Notes on the whole import (e.g. no scenario file, so no eligible tiers). */
	notes: string[];
	/**
	 * Sanitised source text per file, for local storage (dropped columns removed), with the
	 * encoding it came in, and where the input's own bytes are that text in UTF-8 (see ReadFile).
	 */
	sanitizedTexts: {
		/** Which of the inputs, by position (two inputs may share a name). */
		input: number;
		name: string;
		text: string;
		encoding: string;
		storedFromInputByte: number | null;
	}[];
}

export interface ImportOptions {
	/** Per file name: drop identifying columns instead of refusing the file. */
	dropIdentifyingColumns?: ReadonlySet<string>;
	/** Called after each file is read, with how many files are done. */
	onProgress?: (done: number, total: number, file: string) => void;
	/** Called while input `index` is read: its records done of those after the header. */
	onRows?: (index: number, file: string, done: number, total: number) => void;
}

/** A row that passed its own checks, rejected by a check across files. */
function reject(
	file: ReadFile,
	line: number,
	column: string | null,
	value: string,
	reason: string
) {
	file.report.problems.push({
		file: file.report.file,
		line,
		column,
		value,
		reason,
		severity: 'error'
	});
	file.report.rejectedRows.push({ line, cells: file.cellsAt(line), reasons: [reason] });
}

type KindRow = { source_line: number };

/** The rows of the files of one kind (each file has one kind), in file order. */
function rowsOf<T extends KindRow>(files: ReadFile[], kind: FileKind): T[] {
	const ofKind = files.filter((f) => f.kind === kind);
	if (ofKind.length === 1) return (ofKind[0] as ReadFile).rows as unknown as T[];
	return ofKind.flatMap((f) => f.rows as unknown as T[]);
}

/** Each row of the files of one kind with its file. */
function* eachRow<T extends KindRow>(files: ReadFile[], kind: FileKind) {
	for (const file of files) {
		if (file.kind !== kind) continue;
		for (const row of file.rows as unknown as T[]) yield { file, row };
	}
}

/** Drop rejected rows from their files. */
function removeRows(rejected: Set<object>, files: ReadFile[]) {
	if (rejected.size === 0) return;
	for (const file of files) file.rows = file.rows.filter((r) => !rejected.has(r));
}

/** Keep the first row of each key; reject the later ones, naming where the first one is. */
function rejectDuplicates<T extends KindRow>(
	files: ReadFile[],
	kind: FileKind,
	keyOf: (row: T) => string,
	describe: (row: T) => { column: string; value: string; what: string }
) {
	const firstSeen = new Map<string, string>();
	const rejected = new Set<object>();
	for (const { file, row } of eachRow<T>(files, kind)) {
		const key = keyOf(row);
		const first = firstSeen.get(key);
		if (first) {
			const d = describe(row);
			reject(
				file,
				row.source_line,
				d.column,
				d.value,
				`${d.what}重复（首次出现在 ${first}），本行未导入`
			);
			rejected.add(row);
		} else {
			firstSeen.set(key, `${file.report.file} 第 ${row.source_line} 行`);
		}
	}
	removeRows(rejected, files);
}

/**
 * Each declaration's eligible tier under 附件2, and whether its claimed tier is above it. The
 * scenario rows are gathered by declaration into two byte columns (附件1 number, declared tier
 * rank) and each declaration's run is judged in place: no object per scenario row.
 */
function eligibilityOf(tables: ImportedTables): { rows: EligibilityRow[]; flagged: number } {
	const { declarations, scenarios } = tables;
	const indexOf = new Map<string, number>();
	for (const [k, d] of declarations.entries()) indexOf.set(d.declaration_id, k);
	// Which declaration each scenario row belongs to (-1: none), and where each one's run starts.
	const owner = new Int32Array(scenarios.length);
	const starts = new Int32Array(declarations.length + 1);
	let previousId: string | null = null;
	let previousOwner = -1;
	for (let i = 0; i < scenarios.length; i++) {
		const id = scenarios.declarationId(i);
		if (id !== previousId) {
			previousId = id;
			previousOwner = indexOf.get(id) ?? -1;
		}
		owner[i] = previousOwner;
		if (previousOwner >= 0) starts[previousOwner + 1] = (starts[previousOwner + 1] as number) + 1;
	}
	for (let k = 0; k < declarations.length; k++) {
		starts[k + 1] = (starts[k + 1] as number) + (starts[k] as number);
	}
	const nos = new Uint8Array(scenarios.length);
	const ranks = new Uint8Array(scenarios.length);
	const filled = starts.slice(0, declarations.length);
	for (let i = 0; i < scenarios.length; i++) {
		const k = owner[i] as number;
		if (k < 0) continue;
		const at = filled[k] as number;
		filled[k] = at + 1;
		nos[at] = scenarios.scenarioNo(i);
		ranks[at] = scenarios.scenarioTier(i);
	}

	let flagged = 0;
	const rows = declarations.map((d, k): EligibilityRow => {
		const start = starts[k] as number;
		const end = starts[k + 1] as number;
		// The eligible tier alone for every declaration; the failing conditions only where flagged.
		const eligible = eligibleRankOf(nos, ranks, start, end, d.maturity_level);
		const claimed = Math.max(d.declared_tier, d.awarded_tier ?? 0);
		let shortfall: string | null = null;
		if (claimed > eligible) {
			flagged += 1;
			const declared = Array.from({ length: end - start }, (_, j) => ({
				scenario: nos[start + j] as number,
				tier: TIER_KEYS[(ranks[start + j] as number) - 1] as TierKey
			}));
			const evaluation = evaluateDeclaration({
				scenarios: declared,
				maturityLevel: d.maturity_level
			});
			const failing = evaluation.checks[claimed - 1]?.conditions.filter((c) => !c.held) ?? [];
			shortfall = failing.map((c) => c.message).join('；');
		}
		return { declaration_id: d.declaration_id, eligible_tier: eligible, shortfall };
	});
	return { rows, flagged };
}

/**
 * An input under another name: a later file of a name already used is read as "名称 (2).csv"
 * (file-names.ts), so that its report and its rows' `source_file` are its own.
 */
function renamed(input: InputSource, name: string): InputSource {
	if (name === input.name) return input;
	const renamedFrom = input.renamedFrom ?? input.name;
	if ('bytes' in input) return { name, bytes: input.bytes, renamedFrom };
	return { name, renamedFrom, read: () => input.read() };
}

/**
 * Each input read on its own (read-file.ts), in order, each under a name of its own. Columns
 * are dropped from a file named in `dropIdentifyingColumns` by either name.
 */
export function readFiles(inputs: readonly InputSource[], options: ImportOptions = {}): ReadFile[] {
	const names = uniqueFileNames(inputs.map((input) => input.name));
	return inputs.map((original, i) => {
		const input = renamed(original, names[i] as string);
		const drop = options.dropIdentifyingColumns;
		const onRows = options.onRows;
		const read = readInputFile(input, {
			dropIdentifyingColumns:
				drop?.has(input.name) === true ||
				(input.renamedFrom !== undefined && drop?.has(input.renamedFrom) === true),
			...(onRows ? { onRows: (done, total) => onRows(i, input.name, done, total) } : {})
		} satisfies ReadOptions);
		options.onProgress?.(i + 1, inputs.length, input.name);
		return read;
	});
}

/**
 * The checks across files that scenario rows do not take part in: duplicate 申报编号, baseline
 * cells and targets (the first kept, later ones rejected). Returns the 申报编号 that remain, the
 * ones a scenario row may belong to.
 */
export function rejectDuplicateRows(files: ReadFile[]): Set<string> {
	rejectDuplicates<DeclarationRow>(
		files,
		'declarations',
		(row) => row.declaration_id,
		(row) => ({
			column: '申报编号',
			value: row.declaration_id,
			what: `申报编号“${row.declaration_id}”`
		})
	);
	rejectDuplicates<BaselineRow>(
		files,
		'baseline',
		(row) => `${row.year}|${row.region_code}|${row.industry_code ?? ''}`,
		(row) => ({ column: '盟市', value: row.region_code, what: `${row.year}年该盟市、行业的基数` })
	);
	rejectDuplicates<RegionTargetRow>(
		files,
		'targets',
		(row) => `${row.region_code}|${row.metric}|${row.year}`,
		(row) => ({ column: '指标', value: row.metric, what: `${row.year}年该盟市的同一指标目标` })
	);
	return new Set(rowsOf<DeclarationRow>(files, 'declarations').map((row) => row.declaration_id));
}

/** Reject a 建设场景明细 file's rows whose 申报编号 is not among `declarationIds`. */
export function rejectUnknownDeclarations(file: ReadFile, declarationIds: ReadonlySet<string>) {
	const rows = file.scenarioRows;
	if (!rows || file.declarationsChecked) return;
	// The rows of one declaration follow each other: one look-up per run of them.
	let lastId: string | null = null;
	let known = false;
	file.scenarioRows = rows.filter((i) => {
		const id = rows.declarationId(i);
		if (id !== lastId) {
			lastId = id;
			known = declarationIds.has(id);
		}
		if (known) return true;
		reject(file, rows.sourceLine(i), '申报编号', id, `申报编号“${id}”在已导入的申报明细中不存在`);
		return false;
	});
	file.declarationsChecked = true;
}

/**
 * The rest, once every file is read and `rejectDuplicateRows` has run: scenario rows of unknown
 * declarations (where not rejected yet), the tables, eligible tiers, and the bookkeeping.
 */
export function completeImport(
	files: ReadFile[],
	declarationIds: ReadonlySet<string>
): ImportResult {
	for (const file of files) rejectUnknownDeclarations(file, declarationIds);

	const tables: ImportedTables = {
		declarations: rowsOf<DeclarationRow>(files, 'declarations'),
		scenarios: ScenarioRows.concat(files.flatMap((f) => f.scenarioRows ?? [])),
		baseline: rowsOf<BaselineRow>(files, 'baseline'),
		region_targets: rowsOf<RegionTargetRow>(files, 'targets'),
		eligibility: []
	};
	const notes: string[] = [];
	let flagged = 0;
	if (tables.declarations.length > 0 && !files.some((f) => f.kind === 'scenarios')) {
		notes.push('未导入建设场景明细，无法按附件2判定各申报的符合层级');
	} else {
		const eligibility = eligibilityOf(tables);
		tables.eligibility = eligibility.rows;
		flagged = eligibility.flagged;
	}

	for (const file of files) {
		const report = file.report;
		if (report.status === 'loaded') {
			report.rowsLoaded = file.scenarioRows?.length ?? file.rows.length;
			report.rowsRejected = report.rejectedRows.length;
			report.rejectedRows.sort((a, b) => a.line - b.line);
		}
		if (!balances(report)) {
			throw new Error(
				`Import bookkeeping broken for ${report.file}: ${report.rowsRead} ≠ ${report.rowsLoaded} + ${report.rowsRejected}`
			);
		}
	}
	return {
		reports: files.map((f) => f.report),
		tables,
		flagged,
		notes,
		sanitizedTexts: files.flatMap((f, input) =>
			f.report.status === 'loaded'
				? [
						{
							input,
							name: f.report.file,
							text: f.sanitizedText,
							encoding: f.report.encoding,
							storedFromInputByte: f.storedFromInputByte
						}
					]
				: []
		)
	};
}

/** Every file read in turn, then the checks across files: the whole import in one thread. */
export function importFiles(
	inputs: readonly InputSource[],
	options: ImportOptions = {}
): ImportResult {
	const files = readFiles(inputs, options);
	return completeImport(files, rejectDuplicateRows(files));
}
