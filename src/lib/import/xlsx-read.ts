/**
 * An Excel workbook (.xlsx) → the CSV text its first sheet would be saved as, so the import reads
 * it exactly as it reads a CSV file (header matching, privacy guard, validation, line numbers):
 * one record per sheet row, the sheet's row number being the record's line, every row as wide as
 * the widest. Pure and synchronous, for the import worker and for Node.
 *
 * Why not a workbook library: docs/decisions.md (2026-12-02). The archive is opened with fflate's
 * synchronous unzip (its asynchronous one starts Web Workers from blob: URLs, which the site's
 * `worker-src 'self'` refuses) and the XML read with saxen, a SAX parser without regular
 * expressions over the markup. Only the parts needed are inflated, and each only after its
 * declared size has been checked against a limit, so a small archive cannot unpack into gigabytes.
 *
 * Cells are given as Excel shows their value, where the CSV path would misread the stored one: a
 * number formatted as a percentage as "25%", a date as 2026-12-02; other numbers as stored
 * (no thousands separators), a formula's last computed value, booleans as TRUE/FALSE.
 */
import { unzipSync } from 'fflate';
import { Parser } from 'saxen';
import { csvField } from './csv';

export interface SheetText {
	/** Every sheet's name, in the workbook's order. */
	sheetNames: string[];
	/** The sheet read: the first. */
	sheetName: string;
	/** Comma-separated, CRLF between records. */
	text: string;
}

/** A workbook that cannot be read, with the reason in Chinese. */
export class WorkbookError extends Error {}

const MB = 1024 * 1024;
const decoder = new TextDecoder('utf-8');

/** "x:c" → "c": some writers prefix SpreadsheetML's elements. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Parses XML, calling back with each element's local name and attributes, and text. */
function walk(
	xml: string,
	open: (name: string, attrs: () => Record<string, string>) => void,
	close: (name: string) => void = () => {},
	text: (value: string) => void = () => {}
): void {
	const parser = new Parser();
	let failure: Error | null = null;
	parser.on('openTag', (name, attrs, decode, selfClosing) => {
		const own = () => {
			const raw = attrs();
			const out: Record<string, string> = {};
			for (const key of Object.keys(raw)) out[local(key)] = decode(raw[key] ?? '');
			return out;
		};
		open(local(name), own);
		if (selfClosing) close(local(name));
	});
	parser.on('closeTag', (name, _decode, selfClosing) => {
		if (!selfClosing) close(local(name));
	});
	parser.on('text', (value, decode) => text(decode(value)));
	parser.on('cdata', (value) => text(value));
	parser.on('error', (error) => (failure ??= error));
	parser.parse(xml);
	if (failure) throw new WorkbookError(`工作簿内容不是有效的 XML（${(failure as Error).message}）`);
}

/** A path inside the archive from a relationship's target, relative to the part's folder. */
function resolvePath(folder: string, target: string): string {
	const parts = (target.startsWith('/') ? target.slice(1) : `${folder}${target}`).split('/');
	const out: string[] = [];
	for (const part of parts) {
		if (part === '..') out.pop();
		else if (part !== '.' && part !== '') out.push(part);
	}
	return out.join('/');
}

/** Relationship id → [type's last word, path], from a .rels part. */
function relationships(xml: string | undefined, folder: string): Map<string, [string, string]> {
	const out = new Map<string, [string, string]>();
	if (xml === undefined) return out;
	walk(xml, (name, attrs) => {
		if (name !== 'Relationship') return;
		const { Id, Type, Target, TargetMode } = attrs();
		if (!Id || !Type || !Target || TargetMode === 'External') return;
		out.set(Id, [Type.slice(Type.lastIndexOf('/') + 1), resolvePath(folder, Target)]);
	});
	return out;
}

/** Unzips the named parts, refusing any whose declared unpacked size passes the budget left. */
function unzipParts(archive: Uint8Array, names: Set<string>, budget: { left: number }) {
	let tooBig: string | null = null;
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(archive, {
			filter: (file) => {
				if (!names.has(file.name)) return false;
				if (file.originalSize > budget.left) tooBig = file.name;
				budget.left -= file.originalSize;
				return tooBig === null;
			}
		});
	} catch (error) {
		throw new WorkbookError(`工作簿无法解压，文件可能已损坏（${String(error)}）`);
	}
	if (tooBig !== null) {
		throw new WorkbookError(
			`工作簿解压后过大（超过本机浏览器能可靠处理的大小），未导入：请只保留需要的行，或另存为 CSV 后分文件导入`
		);
	}
	const text = (name: string) => (files[name] ? decoder.decode(files[name]) : undefined);
	return text;
}

/** Built-in number formats that are dates (ECMA-376 §18.8.30, with the CJK ones). */
const DATE_FORMAT_IDS = new Set([
	14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
	52, 53, 54, 55, 56, 57, 58
]);
const PERCENT_FORMAT_IDS = new Set([9, 10]);

type CellFormat = 'date' | 'percent' | null;

/** A format code's kind, ignoring quoted text, escapes and [colour]/[locale] brackets. */
export function formatKind(code: string): CellFormat {
	let plain = '';
	for (let i = 0; i < code.length; i++) {
		const ch = code[i] as string;
		if (ch === '"') {
			const end = code.indexOf('"', i + 1);
			i = end < 0 ? code.length : end;
		} else if (ch === '\\' || ch === '_' || ch === '*') i++;
		else if (ch === '[') {
			const end = code.indexOf(']', i + 1);
			// [h], [mm], [ss]: elapsed time, a date-like format.
			if (/^\[(h+|m+|s+)\]$/i.test(code.slice(i, end + 1))) plain += 'h';
			i = end < 0 ? code.length : end;
		} else plain += ch;
	}
	if (plain.includes('%')) return 'percent';
	return /[ymdhs]/i.test(plain.replace(/general/gi, '')) ? 'date' : null;
}

/** Each cell style's (`s`) format kind, from styles.xml. */
function styleFormats(xml: string | undefined): CellFormat[] {
	if (xml === undefined) return [];
	const custom = new Map<number, CellFormat>();
	const kinds: CellFormat[] = [];
	let inCellXfs = false;
	walk(
		xml,
		(name, attrs) => {
			if (name === 'numFmt') {
				const { numFmtId, formatCode } = attrs();
				custom.set(Number(numFmtId), formatKind(formatCode ?? ''));
			} else if (name === 'cellXfs') inCellXfs = true;
			else if (name === 'xf' && inCellXfs) {
				const id = Number(attrs().numFmtId ?? 0);
				kinds.push(
					custom.has(id)
						? (custom.get(id) ?? null)
						: DATE_FORMAT_IDS.has(id)
							? 'date'
							: PERCENT_FORMAT_IDS.has(id)
								? 'percent'
								: null
				);
			}
		},
		(name) => {
			if (name === 'cellXfs') inCellXfs = false;
		}
	);
	return kinds;
}

/** Shared strings, each the text of its runs (phonetic runs left out). */
function sharedStrings(xml: string | undefined): string[] {
	if (xml === undefined) return [];
	const out: string[] = [];
	let current: string[] | null = null;
	let inText = false;
	let phonetic = 0;
	walk(
		xml,
		(name) => {
			if (name === 'si') current = [];
			else if (name === 'rPh') phonetic++;
			else if (name === 't') inText = phonetic === 0;
		},
		(name) => {
			if (name === 'si') {
				out.push((current ?? []).join(''));
				current = null;
			} else if (name === 'rPh') phonetic--;
			else if (name === 't') inText = false;
		},
		(value) => {
			if (inText && current) current.push(value);
		}
	);
	return out;
}

/** A stored number as text: integers in full (never 1.2E+17), others as JavaScript writes them. */
function numberText(raw: string): string {
	const value = Number(raw);
	if (!Number.isFinite(value) || raw.trim() === '') return raw;
	if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
	return String(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel serial date (1900 system, or 1904) as 2026-12-02, with the time when it has one. */
function dateText(raw: string, date1904: boolean): string {
	const serial = Number(raw);
	if (!Number.isFinite(serial) || serial < 0 || serial > 2958466) return raw;
	// Day 60 is 1900-02-29, which did not exist: serials after it are one day ahead.
	const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
	const ms = Math.round((days - 25569) * 86400) * 1000;
	const d = new Date(ms);
	const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	const seconds = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
	if (seconds === 0) return day;
	return `${serial >= 1 ? `${day} ` : ''}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** A percentage format's number as it is shown: 0.25 → "25%". */
function percentText(raw: string): string {
	const value = Number(raw);
	if (!Number.isFinite(value) || raw.trim() === '') return raw;
	return `${Number((value * 100).toPrecision(12))}%`;
}

/** "AB12" → 27 (0-based column), or -1. */
function columnOf(ref: string): number {
	let column = 0;
	let i = 0;
	for (; i < ref.length; i++) {
		const code = ref.charCodeAt(i) | 0x20;
		if (code < 0x61 || code > 0x7a) break;
		column = column * 26 + (code - 0x60);
	}
	return i === 0 || column > 16384 ? -1 : column - 1;
}

/**
 * The first sheet of an .xlsx archive as CSV text. `maxUnpackedBytes` bounds the unpacked size
 * of every part read together (the XML is several times the CSV it holds).
 */
export function readFirstSheet(archive: Uint8Array, maxUnpackedBytes = 400 * MB): SheetText {
	const budget = { left: maxUnpackedBytes };
	const root = unzipParts(archive, new Set(['_rels/.rels']), budget)('_rels/.rels');
	const office = [...relationships(root, '').values()].find(([type]) => type === 'officeDocument');
	const workbookPath = office?.[1] ?? 'xl/workbook.xml';
	const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
	const relsPath = `${folder}_rels/${workbookPath.slice(folder.length)}.rels`;
	const head = unzipParts(archive, new Set([workbookPath, relsPath]), budget);
	const workbook = head(workbookPath);
	if (workbook === undefined) {
		throw new WorkbookError('压缩包中没有 Excel 工作簿（不是 .xlsx 文件）');
	}
	const rels = relationships(head(relsPath), folder);
	const sheets: { name: string; path: string | undefined }[] = [];
	let date1904 = false;
	walk(workbook, (name, attrs) => {
		if (name === 'sheet') {
			const a = attrs();
			sheets.push({ name: a.name ?? '', path: rels.get(a.id ?? '')?.[1] });
		} else if (name === 'workbookPr') {
			const flag = attrs().date1904;
			date1904 = flag === '1' || flag === 'true';
		}
	});
	const first = sheets[0];
	if (!first?.path) throw new WorkbookError('工作簿中没有工作表');
	const partOf = (type: string) => [...rels.values()].find(([t]) => t === type)?.[1];
	const stringsPath = partOf('sharedStrings');
	const stylesPath = partOf('styles');
	const parts = unzipParts(
		archive,
		new Set([first.path, stringsPath, stylesPath].filter((p): p is string => p !== undefined)),
		budget
	);
	const sheetXml = parts(first.path);
	if (sheetXml === undefined) throw new WorkbookError(`工作表“${first.name}”不在工作簿中`);
	const strings = sharedStrings(stringsPath ? parts(stringsPath) : undefined);
	const formats = styleFormats(stylesPath ? parts(stylesPath) : undefined);
	const rows = sheetRows(sheetXml, strings, formats, date1904);
	return { sheetNames: sheets.map((s) => s.name), sheetName: first.name, text: toText(rows) };
}

/** The sheet's rows by row number (1-based; missing rows absent), cells by column. */
function sheetRows(
	xml: string,
	strings: readonly string[],
	formats: readonly CellFormat[],
	date1904: boolean
): Map<number, string[]> {
	const rows = new Map<number, string[]>();
	let rowNumber = 0;
	let row: string[] = [];
	let column = -1;
	let cell: { type: string; style: number } | null = null;
	let value = '';
	let inValue = false;
	walk(
		xml,
		(name, attrs) => {
			if (name === 'row') {
				const r = Number(attrs().r);
				rowNumber = Number.isInteger(r) && r > rowNumber && r <= 1_048_576 ? r : rowNumber + 1;
				row = [];
				column = -1;
			} else if (name === 'c') {
				const a = attrs();
				const at = a.r ? columnOf(a.r) : -1;
				column = at > column ? at : column + 1;
				cell = { type: a.t ?? 'n', style: Number(a.s ?? 0) };
				value = '';
			} else if (cell && (name === 'v' || (name === 't' && cell.type === 'inlineStr'))) {
				inValue = true;
			}
		},
		(name) => {
			if (name === 'v' || name === 't') inValue = false;
			else if (name === 'c' && cell) {
				row[column] = cellText(cell.type, value, formats[cell.style] ?? null, strings, date1904);
				cell = null;
			} else if (name === 'row') rows.set(rowNumber, row);
		},
		(text) => {
			if (inValue) value += text;
		}
	);
	return rows;
}

function cellText(
	type: string,
	raw: string,
	format: CellFormat,
	strings: readonly string[],
	date1904: boolean
): string {
	switch (type) {
		case 's':
			return strings[Number(raw)] ?? '';
		case 'b':
			return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
		case 'n':
			if (format === 'date') return dateText(raw, date1904);
			if (format === 'percent') return percentText(raw);
			return numberText(raw);
		default:
			// str (a formula's text), inlineStr, e (an error such as #N/A), d (an ISO date)
			return raw;
	}
}

/** Rows as CSV: row n on record n, every record as wide as the widest row. */
function toText(rows: Map<number, string[]>): string {
	let width = 0;
	let last = 0;
	for (const [n, cells] of rows) {
		let used = cells.length;
		while (used > 0 && !cells[used - 1]) used--;
		width = Math.max(width, used);
		if (used > 0) last = Math.max(last, n);
	}
	const lines: string[] = [];
	const empty = ','.repeat(Math.max(0, width - 1));
	for (let n = 1; n <= last; n++) {
		const cells = rows.get(n);
		if (!cells) {
			lines.push(empty);
			continue;
		}
		const fields: string[] = [];
		for (let i = 0; i < width; i++) fields.push(csvField(cells[i] ?? ''));
		lines.push(fields.join(','));
	}
	return lines.length ? lines.join('\r\n') + '\r\n' : '';
}
