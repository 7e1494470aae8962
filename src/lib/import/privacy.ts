/**
 * Privacy guard: the data is anonymised and must stay so. A file with a column that is, or
 * looks like, personal or identifying data is refused until that column is dropped. Dropped
 * columns never reach DuckDB or storage.
 */
import { normalizeKey } from '../domain/text';
import { normalizeHeader } from './headers';

/** Header words that name identifying data (matched as substrings of the folded header). */
const IDENTIFYING_HEADERS: readonly { pattern: RegExp; what: string }[] = [
	{ pattern: /企业名称|单位名称|公司名称|^名称$|企业全称|工厂名称/, what: '企业名称' },
	{
		pattern: /统一社会信用代码|信用代码|组织机构代码|营业执照|税号|纳税人识别号/,
		what: '统一社会信用代码'
	},
	{ pattern: /联系人|负责人|法人|法定代表人|姓名|填报人/, what: '人员姓名' },
	{ pattern: /电话|手机|联系方式|传真/, what: '电话' },
	{ pattern: /地址|住所|邮编/, what: '地址' },
	{ pattern: /身份证|证件号/, what: '身份证件号' },
	{ pattern: /邮箱|email|e-mail/, what: '电子邮箱' },
	{
		pattern: /^(enterprisename|companyname|name|creditcode|uscc|contact|phone|mobile|tel|address)$/,
		what: '身份信息'
	}
];

/** 18-character 统一社会信用代码 (GB 32100): registration authority, type, region, body, check. */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{9}[0-9A-HJ-NPQRTUWXY]$/;
/** Mainland mobile numbers and landlines with an area code. */
const PHONE = /^(?:\+?86)?1[3-9]\d{9}$|^0\d{2,3}-?\d{7,8}$/;
/** A resident ID number (18 digits, last may be X). */
const RESIDENT_ID = /^\d{17}[\dX]$/;

function countDigits(value: string): number {
	let n = 0;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n += 1;
	}
	return n;
}

export interface IdentifyingColumn {
	/** Position of the column in the file. */
	index: number;
	header: string;
	/** Chinese reason, e.g. "列名表明为电话" or "第 12 行的值形如统一社会信用代码". */
	reason: string;
}

/** The identifying-looking value kind, or null. */
export function identifyingValueKind(value: string): string | null {
	// Cheap exits, as every cell of every file passes here: each pattern is at least 10
	// characters with at least 6 digits (ASCII or full-width; a credit code's 6-digit region).
	if (value.length < 10 || countDigits(value) < 6) return null;
	const v = normalizeKey(value).toUpperCase();
	if (v.length === 18 && RESIDENT_ID.test(v)) return '身份证号';
	if (v.length === 18 && CREDIT_CODE.test(v)) return '统一社会信用代码';
	if (PHONE.test(v) || PHONE.test(v.replace(/[-()]/g, ''))) return '电话号码';
	return null;
}

export function identifyingHeader(header: string): string | null {
	const folded = normalizeHeader(header).replace(/[_.-]/g, '');
	return IDENTIFYING_HEADERS.find((h) => h.pattern.test(folded))?.what ?? null;
}

/**
 * Columns to refuse, found row by row: by header at once, then by value (the first
 * identifying-looking value in a column names its line). Values already found clean are
 * remembered per column, as most columns repeat a few values.
 */
export class IdentifyingColumnScan {
	private readonly reasons: (string | null)[];
	private open: number[];
	private readonly clean: Set<string>[];
	private readonly lastClean: (string | undefined)[];
	private static readonly CLEAN_LIMIT = 200_000;

	constructor(private readonly headers: readonly string[]) {
		this.reasons = headers.map((header) => {
			const byHeader = identifyingHeader(header);
			return byHeader ? `列名表明为${byHeader}` : null;
		});
		this.open = headers.flatMap((_, i) => (this.reasons[i] === null ? [i] : []));
		this.clean = headers.map(() => new Set<string>());
		this.lastClean = headers.map(() => undefined);
	}

	/** Whether some column is named as identifying. */
	get anyByHeader(): boolean {
		return this.open.length < this.headers.length;
	}

	/** Check one data row; `line` is the line its reason names. */
	scan(cells: readonly string[], line: number): void {
		let closed = false;
		for (const index of this.open) closed = this.check(index, cells[index], line) || closed;
		if (closed) this.open = this.open.filter((i) => this.reasons[i] === null);
	}

	/** Check one cell of a data row (a row whose other cells were checked before in another row). */
	scanCell(index: number, value: string, line: number): void {
		if (this.reasons[index] !== null) return;
		if (this.check(index, value, line)) this.open = this.open.filter((i) => i !== index);
	}

	/** Whether the value closes its column (it looks identifying). */
	private check(index: number, value: string | undefined, line: number): boolean {
		// identifyingValueKind passes anything shorter at once.
		if (!value || value.length < 10) return false;
		// Rows of one declaration follow each other: the value just checked comes first.
		if (value === this.lastClean[index]) return false;
		const clean = this.clean[index] as Set<string>;
		if (clean.has(value)) {
			this.lastClean[index] = value;
			return false;
		}
		const kind = identifyingValueKind(value);
		if (kind) {
			this.reasons[index] = `第 ${line} 行的值形如${kind}`;
			return true;
		}
		if (clean.size < IdentifyingColumnScan.CLEAN_LIMIT) clean.add(value);
		this.lastClean[index] = value;
		return false;
	}

	/** The columns found so far, in file order. */
	found(): IdentifyingColumn[] {
		return this.headers.flatMap((header, index) => {
			const reason = this.reasons[index];
			return reason ? [{ index, header, reason }] : [];
		});
	}
}

/**
 * Columns to refuse: by header, then by value (the first identifying-looking value found in a
 * column names its line). `rows` are data rows; line numbers count the header as line 1.
 */
export function findIdentifyingColumns(
	headers: readonly string[],
	rows: readonly (readonly string[])[],
	firstDataLine = 2
): IdentifyingColumn[] {
	const scan = new IdentifyingColumnScan(headers);
	rows.forEach((cells, r) => scan.scan(cells, r + firstDataLine));
	return scan.found();
}
