/**
 * The 建设场景明细 rows in columns. The bench's largest data set holds a million of them; as
 * objects they took ~95 bytes each in the import worker's heap, in columns ~11 (typed arrays for
 * the numbers — 附件1 numbers 1–40 and tier ranks 1–4 fit a byte — and each 申报编号 once, a
 * row holding its index). A row is made into a `ScenarioRow` object only when asked for (`at`),
 * and dropped again by the caller.
 */
import type { ScenarioRow } from './tables';

/** No counted tier (附件4 "/" or a missing description): 0 in the column, null in a row. */
const NO_TIER = 0;

/** Some rows of a ScenarioRows in columns; counted tier 0 = none (附件4 "/"). */
export interface ScenarioColumns {
	length: number;
	/** Each 申报编号 of the table once (rows outside these columns' range may use some). */
	ids: readonly string[];
	/** Each row's 申报编号, as an index into `ids`. */
	idIndexes: Uint32Array<ArrayBuffer>;
	scenarioNos: Uint8Array<ArrayBuffer>;
	scenarioTiers: Uint8Array<ArrayBuffer>;
	countedTiers: Uint8Array<ArrayBuffer>;
	sourceLines: Uint32Array<ArrayBuffer>;
	/** Unlisted columns per row (JSON), or null when no row has any. */
	extras: readonly (string | null)[] | null;
}

/**
 * A ScenarioRows as plain data, to post to another thread: the typed arrays' buffers can be
 * transferred rather than copied (`transferList`); each 申报编号 goes once.
 */
export interface ScenarioRowsData extends ScenarioColumns {
	files: { name: string; start: number }[];
}

export class ScenarioRows implements Iterable<ScenarioRow> {
	private size = 0;
	/** Each 申报编号 once, in the order of its first row, and where it is in that list. */
	private ids: string[] = [];
	private idIndex: Map<string, number> | null = new Map();
	private idIndexes = new Uint32Array(1024);
	/** The last row's 申报编号 and its index: the rows of a declaration follow each other. */
	private lastId: string | null = null;
	private lastIdIndex = 0;
	private scenarioNos = new Uint8Array(1024);
	private scenarioTiers = new Uint8Array(1024);
	private countedTiers = new Uint8Array(1024);
	private sourceLines = new Uint32Array(1024);
	/** Unlisted columns per row (JSON), or null while no row has any. */
	private extras: (string | null)[] | null = null;
	/** Runs of rows from the same file, in row order: the file and the run's first row. */
	private files: { name: string; start: number }[] = [];

	get length(): number {
		return this.size;
	}

	push(row: ScenarioRow): void {
		this.add(
			row.declaration_id,
			row.scenario_no,
			row.scenario_tier,
			row.counted_tier,
			row.source_line,
			row.source_file,
			row.extra
		);
	}

	/** One row at the end, by its column values: `push` without making the row first. */
	add(
		declarationId: string,
		scenarioNo: number,
		scenarioTier: number,
		countedTier: number | null,
		sourceLine: number,
		sourceFile: string,
		extra: string | null
	): void {
		this.append(
			declarationId,
			scenarioNo,
			scenarioTier,
			countedTier ?? NO_TIER,
			sourceLine,
			sourceFile,
			extra
		);
	}

	/** One row at the end, by its column values (`counted` 0 for none). */
	private append(
		declarationId: string,
		scenarioNo: number,
		scenarioTier: number,
		counted: number,
		sourceLine: number,
		sourceFile: string,
		extra: string | null
	): void {
		const i = this.size;
		if (i === this.sourceLines.length) this.grow(Math.max(1024, i * 2));
		const lastFile = this.files[this.files.length - 1];
		if (lastFile?.name !== sourceFile) this.files.push({ name: sourceFile, start: i });
		if (declarationId !== this.lastId) {
			this.lastId = declarationId;
			this.lastIdIndex = this.indexOfId(declarationId);
		}
		this.idIndexes[i] = this.lastIdIndex;
		this.scenarioNos[i] = scenarioNo;
		this.scenarioTiers[i] = scenarioTier;
		this.countedTiers[i] = counted;
		this.sourceLines[i] = sourceLine;
		if (extra !== null && !this.extras) this.extras = new Array<string | null>(i).fill(null);
		this.extras?.push(extra);
		this.size = i + 1;
	}

	/** Where a 申报编号 is in `ids`, added at the end if new. */
	private indexOfId(id: string): number {
		const index = (this.idIndex ??= new Map(this.ids.map((known, k) => [known, k])));
		let k = index.get(id);
		if (k === undefined) {
			k = this.ids.push(id) - 1;
			index.set(id, k);
		}
		return k;
	}

	private grow(capacity: number): void {
		const grown = <T extends Uint8Array | Uint32Array>(old: T, make: (n: number) => T): T => {
			const next = make(capacity);
			next.set(old.subarray(0, this.size));
			return next;
		};
		this.idIndexes = grown(this.idIndexes, (n) => new Uint32Array(n));
		this.scenarioNos = grown(this.scenarioNos, (n) => new Uint8Array(n));
		this.scenarioTiers = grown(this.scenarioTiers, (n) => new Uint8Array(n));
		this.countedTiers = grown(this.countedTiers, (n) => new Uint8Array(n));
		this.sourceLines = grown(this.sourceLines, (n) => new Uint32Array(n));
	}

	declarationId(i: number): string {
		return this.ids[this.idIndexes[i] as number] as string;
	}

	/** 附件1 number. */
	scenarioNo(i: number): number {
		return this.scenarioNos[i] as number;
	}

	/** The declared tier rank. */
	scenarioTier(i: number): number {
		return this.scenarioTiers[i] as number;
	}

	sourceLine(i: number): number {
		return this.sourceLines[i] as number;
	}

	sourceFile(i: number): string {
		let run = this.files[0];
		for (const file of this.files) {
			if (file.start > i) break;
			run = file;
		}
		return run?.name ?? '';
	}

	/** Rows `start` to `end` as columns (views of this table's own arrays: not to be changed). */
	columnsIn(start: number, end: number): ScenarioColumns {
		return {
			length: end - start,
			ids: this.ids,
			idIndexes: this.idIndexes.subarray(start, end),
			scenarioNos: this.scenarioNos.subarray(start, end),
			scenarioTiers: this.scenarioTiers.subarray(start, end),
			countedTiers: this.countedTiers.subarray(start, end),
			sourceLines: this.sourceLines.subarray(start, end),
			extras: this.extras?.slice(start, end) ?? null
		};
	}

	/** The whole table as plain data (views of its own arrays: this table is not to be used after). */
	toData(): ScenarioRowsData {
		return { ...this.columnsIn(0, this.size), files: this.files };
	}

	/** The buffers of `data`'s typed arrays, to transfer with it. */
	static transferList(data: ScenarioRowsData): ArrayBuffer[] {
		const arrays = [
			data.idIndexes,
			data.scenarioNos,
			data.scenarioTiers,
			data.countedTiers,
			data.sourceLines
		];
		return arrays.map((array) => array.buffer);
	}

	/** The table `toData` was made from, on the thread it was posted to (it takes the arrays over). */
	static fromData(data: ScenarioRowsData): ScenarioRows {
		const rows = new ScenarioRows();
		rows.size = data.length;
		rows.ids = [...data.ids];
		rows.idIndex = null;
		rows.idIndexes = data.idIndexes;
		rows.scenarioNos = data.scenarioNos;
		rows.scenarioTiers = data.scenarioTiers;
		rows.countedTiers = data.countedTiers;
		rows.sourceLines = data.sourceLines;
		rows.extras = data.extras ? [...data.extras] : null;
		rows.files = data.files.map((file) => ({ ...file }));
		return rows;
	}

	/** Row `i` as an object (undefined past the end, as an array's `at`). */
	at(i: number): ScenarioRow | undefined {
		if (i < 0 || i >= this.size) return undefined;
		const counted = this.countedTiers[i] as number;
		return {
			declaration_id: this.declarationId(i),
			scenario_no: this.scenarioNos[i] as number,
			scenario_tier: this.scenarioTiers[i] as number,
			counted_tier: counted === NO_TIER ? null : counted,
			source_file: this.sourceFile(i),
			source_line: this.sourceLines[i] as number,
			extra: this.extras?.[i] ?? null
		};
	}

	*[Symbol.iterator](): Iterator<ScenarioRow> {
		for (let i = 0; i < this.size; i++) yield this.at(i) as ScenarioRow;
	}

	toArray(): ScenarioRow[] {
		return [...this];
	}

	/** The rows for which `keep(i)` holds, in order (this very table when it holds for all). */
	filter(keep: (i: number) => boolean): ScenarioRows {
		let i = 0;
		while (i < this.size && keep(i)) i++;
		if (i === this.size) return this;
		const kept = new ScenarioRows();
		for (let j = 0; j < i; j++) kept.copyRow(this, j);
		for (i += 1; i < this.size; i++) if (keep(i)) kept.copyRow(this, i);
		return kept;
	}

	/** Append row `i` of `from`, column by column (no object made). */
	private copyRow(from: ScenarioRows, i: number): void {
		this.append(
			from.declarationId(i),
			from.scenarioNos[i] as number,
			from.scenarioTiers[i] as number,
			from.countedTiers[i] as number,
			from.sourceLines[i] as number,
			from.sourceFile(i),
			from.extras?.[i] ?? null
		);
	}

	/** The rows of several tables, in order (the one table itself when there is one). */
	static concat(tables: readonly ScenarioRows[]): ScenarioRows {
		if (tables.length === 1) return tables[0] as ScenarioRows;
		const all = new ScenarioRows();
		for (const table of tables) for (let i = 0; i < table.size; i++) all.copyRow(table, i);
		return all;
	}

	/** Runs of consecutive rows from one file: [file, first row, end]. */
	fileRuns(): { name: string; start: number; end: number }[] {
		return this.files.map((file, k) => ({
			name: file.name,
			start: file.start,
			end: this.files[k + 1]?.start ?? this.size
		}));
	}
}
