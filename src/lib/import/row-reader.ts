/**
 * Reading one row's cells by column key: where each column sits in the file, each cell parsed
 * (once per distinct text and column) and free text folded, and the row's errors and warnings
 * collected as they come (rows.ts reads each kind of row with it). Errors reject the row;
 * warnings load it and are reported beside it.
 */
import type { Resolved } from '../domain/resolvers';
import { normalizeValue } from '../domain/text';
import {
	controlReason,
	hiddenCharacters,
	hiddenNote,
	invisibleReason,
	withCodePoints,
	withoutHidden
} from './hidden-characters';
import { CELL_LIMIT, count } from './record-faults';
import { inContractUnit, type UnitConversion } from './units';
import { looksLikeFormula } from './values';

export interface CellIssue {
	/** Column key; the caller turns it into the file's header. */
	key: string | null;
	value: string;
	reason: string;
}

export interface RowOutcome<T> {
	row: T | null;
	errors: CellIssue[];
	warnings: CellIssue[];
}

/**
 * Where each column key sits in a file's rows, and a per-file cache of parsed values: most
 * columns hold few distinct values (盟市, 层级, 场景 …), so each is resolved once per file.
 */
export class FileColumns {
	/** Per column position: parsed values by cell text. */
	private readonly memo: Map<string, Resolved<unknown>>[] = [];
	/** Per key of a column the file lacks: the parsed empty cell. */
	private readonly missing = new Map<string, Resolved<unknown>>();
	private static readonly MEMO_LIMIT = 20_000;

	constructor(
		readonly index: ReadonlyMap<string, number>,
		/** Columns whose header names a unit other than the contract's, by key (units.ts). */
		readonly conversions: ReadonlyMap<string, UnitConversion> = new Map()
	) {}

	/** `parse(raw)` for the column `key` at `position` (undefined: not in the file), remembered. */
	parse<T>(
		key: string,
		position: number | undefined,
		raw: string,
		parse: (raw: string) => Resolved<T>
	): Resolved<T> {
		if (position === undefined) {
			let known = this.missing.get(key) as Resolved<T> | undefined;
			if (!known) this.missing.set(key, (known = parse(raw)));
			return known;
		}
		let cache = this.memo[position];
		if (!cache) this.memo[position] = cache = new Map();
		const known = cache.get(raw) as Resolved<T> | undefined;
		if (known) return known;
		const parsed = parse(raw);
		if (cache.size < FileColumns.MEMO_LIMIT) cache.set(raw, parsed);
		return parsed;
	}
}

/** Reads one row's cells by column key and collects issues while parsing them. */
export class RowReader {
	readonly errors: CellIssue[] = [];
	readonly warnings: CellIssue[] = [];

	constructor(
		private readonly cells: readonly string[],
		private readonly columns: FileColumns
	) {}

	raw(key: string): string {
		const i = this.columns.index.get(key);
		return i === undefined ? '' : (this.cells[i] ?? '');
	}

	/**
	 * The parsed value, or undefined after recording the reason as an error. `parse` must depend
	 * on the cell alone (results are cached per file); pass `cache: false` otherwise.
	 */
	take<T>(key: string, parse: (raw: string) => Resolved<T>, cache = true): T | undefined {
		const position = this.columns.index.get(key);
		const raw = position === undefined ? '' : (this.cells[position] ?? '');
		const parsed = cache ? this.columns.parse(key, position, raw, parse) : parse(raw);
		if (parsed.ok) return parsed.value;
		// A value refused for a character nobody sees says which (hidden-characters.ts).
		const hidden = hiddenCharacters(raw);
		this.errors.push(
			hidden
				? { key, value: withCodePoints(raw), reason: `${parsed.reason}（${hiddenNote(hidden)}）` }
				: { key, value: raw, reason: parsed.reason }
		);
		return undefined;
	}

	/**
	 * Free text: trimmed, full-width folded; formula-looking values are kept as text with a
	 * warning. A control character rejects it; invisible format characters are removed with a
	 * warning (hidden-characters.ts): IDs and codes are keys, and "E123" with a zero-width space
	 * would be an enterprise of its own.
	 */
	text(key: string, required: boolean): string | null | undefined {
		const raw = this.raw(key);
		const hidden = hiddenCharacters(raw);
		if (hidden?.kind === 'control') {
			this.errors.push({
				key,
				value: withCodePoints(raw),
				reason: controlReason(hidden.character)
			});
			return undefined;
		}
		if (hidden) {
			this.warnings.push({
				key,
				value: withCodePoints(raw),
				reason: invisibleReason(hidden)
			});
		}
		const value = normalizeValue(hidden ? withoutHidden(raw) : raw);
		if (value === '') {
			if (required) this.errors.push({ key, value: '', reason: '必填项为空' });
			return required ? undefined : null;
		}
		if (value.length > CELL_LIMIT) {
			// Folding can lengthen a cell that was within the limit (NFKC: "㍻" → "平成").
			this.errors.push({
				key,
				value: value.slice(0, 50) + '…',
				reason: `内容有 ${count(value.length)} 个字符（全角等字符折叠之后），超过上限 ${count(CELL_LIMIT)}`
			});
			return undefined;
		}
		if (looksLikeFormula(value)) {
			this.warnings.push({
				key,
				value,
				reason: '以 =、+、-、@ 开头，按文本保存，导出时会加前缀防止被当作公式'
			});
		}
		return value;
	}

	/**
	 * An amount read from the column `key` in the contract's unit: converted when its header
	 * names another unit (units.ts); undefined after an error when that unit cannot be.
	 */
	inContractUnit(key: string, value: number | null | undefined): number | null | undefined {
		const conversion = this.columns.conversions.get(key);
		if (!conversion || value === null || value === undefined) return value;
		const converted = inContractUnit(value, conversion);
		if (converted !== null) return converted;
		this.errors.push({
			key,
			value: this.raw(key),
			reason: `表头中的单位“${conversion.unit}”无法换算为${conversion.contractUnit}`
		});
		return undefined;
	}

	outcome<T>(build: () => T): RowOutcome<T> {
		return {
			row: this.errors.length === 0 ? build() : null,
			errors: this.errors,
			warnings: this.warnings
		};
	}
}
