/**
 * Privacy guard: the data is anonymised and must stay so. A file with a column that is, or
 * looks like, personal or identifying data is refused until that column is dropped. Dropped
 * columns never reach DuckDB or storage.
 */
import { INVISIBLE } from './headers';
import { identifyingValueKind } from './privacy-values';

export { identifyingValueKind } from './privacy-values';

/**
 * Header words that name identifying data, matched in the header folded by `headerForms`:
 * `anywhere` as a part of the whole header, `exactly` as the whole of it or of a part inside or
 * outside brackets ("备注（电话）", "Remark (phone)").
 */
const IDENTIFYING_HEADERS: readonly { anywhere: RegExp; exactly?: RegExp; what: string }[] = [
	{
		anywhere:
			/企业名称|单位名称|公司名称|企业全称|公司全称|单位全称|工厂名称|companyname|enterprisename/,
		exactly: /^(名称|企业|公司|company|enterprise|firm)$/,
		what: '企业名称'
	},
	{
		anywhere:
			/统一社会信用代码|信用代码|组织机构代码|营业执照|税号|纳税人识别号|工商注册号|creditcode|uscc/,
		what: '统一社会信用代码'
	},
	{
		anywhere:
			/联系人|联络人|对接人|经办人|负责人|法人|法定代表人|姓名|名字|填报人|填表人|申报人|报送人|审核人|签字人|contactperson|contactname|personname|nameofperson|fullname|legalrepresentative|legalperson|responsibleperson/,
		exactly: /^(name|person|contact|contacts|representative)$/,
		what: '人员姓名'
	},
	{
		anywhere:
			/电话|手机|联系方式|传真|座机|固话|telephone|phonenumber|mobilephone|cellphone|mobileno/,
		exactly: /^(phone|tel|mobile|cell|fax)(no|number)?$/,
		what: '电话'
	},
	{
		anywhere: /地址|住所|住址|邮编|邮政编码|address|zipcode|postcode|postalcode/,
		exactly: /^(addr|zip)$/,
		what: '地址'
	},
	{
		anywhere: /身份证|证件号|护照|idcard|identitycard|identitynumber|passport/,
		exactly: /^id(no|number)$/,
		what: '身份证件号'
	},
	{ anywhere: /邮箱|电子邮件|email/, exactly: /^(mail|mailbox)$/, what: '电子邮箱' },
	{ anywhere: /微信|wechat|weixin/, exactly: /^(wx|vx|wxid)(号|id)?$/, what: '微信号' },
	{ anywhere: /qq/, what: 'QQ号' }
];

const OPENING = '([{<（【〔［｛〈《「『〖';
const CLOSING = ')]}>）】〕］｝〉》」』〗';
const BRACKETED = new RegExp(
	`[${escape(OPENING)}]([^${escape(CLOSING)}]*)[${escape(CLOSING)}]`,
	'g'
);
/**
 * The traditional characters of the words above, as their simplified forms: a header written
 * in traditional characters (企業名稱, 聯繫人, 電話) names the same data.
 */
const TRADITIONAL_SIMPLIFIED =
	'業业稱称單单廠厂統统會会碼码組组織织機机構构營营執执稅税號号納纳識识別别註注冊册聯联繫系係系' +
	'絡络對对經经辦办負负責责報报審审簽签電电話话傳传郵邮編编證证護护';
const SIMPLIFIED: Readonly<Record<string, string>> = Object.fromEntries(
	Array.from({ length: TRADITIONAL_SIMPLIFIED.length / 2 }, (_, i) => [
		TRADITIONAL_SIMPLIFIED[2 * i] as string,
		TRADITIONAL_SIMPLIFIED[2 * i + 1] as string
	])
);
const TRADITIONAL_CHARACTERS = new RegExp(`[${Object.keys(SIMPLIFIED).join('')}]`, 'g');

/** Spaces, punctuation and symbols: "e-mail" is "email", "contact_person" is "contactperson". */
const SEPARATORS = /[\s\p{P}\p{S}]/gu;

function escape(chars: string): string {
	return chars.replace(/[\][(){}<>^-]/g, '\\$&');
}

/**
 * A header as the privacy check reads it: width folded (NFKC), invisible characters dropped,
 * lower case, without spaces, punctuation and symbols — whole (brackets' contents kept) and in
 * parts (outside the brackets, and each bracket's content).
 */
export function headerForms(header: string): { whole: string; parts: string[] } {
	const folded = header
		.normalize('NFKC')
		.replace(INVISIBLE, '')
		.replace(TRADITIONAL_CHARACTERS, (c) => SIMPLIFIED[c] ?? c)
		.toLowerCase();
	const squash = (text: string) => text.replace(SEPARATORS, '');
	const inner = [...folded.matchAll(BRACKETED)].map((match) => squash(match[1] ?? ''));
	const outer = squash(folded.replace(BRACKETED, ' '));
	return { whole: squash(folded), parts: [outer, ...inner].filter((part) => part !== '') };
}

export function identifyingHeader(header: string): string | null {
	const { whole, parts } = headerForms(header);
	const found = IDENTIFYING_HEADERS.find(
		(h) =>
			h.anywhere.test(whole) ||
			(h.exactly !== undefined && [whole, ...parts].some((part) => h.exactly?.test(part)))
	);
	return found?.what ?? null;
}

export interface IdentifyingColumn {
	/** Position of the column in the file. */
	index: number;
	header: string;
	/** Chinese reason, e.g. "列名表明为电话" or "第 12 行的值形如统一社会信用代码". */
	reason: string;
}

/** A column past the header's last (a row with more cells than the header): no name to drop it by. */
export const isPastHeader = (column: IdentifyingColumn, headers: readonly string[]) =>
	column.index >= headers.length;

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
	/** Found past the header: the reason by position (the first line found). */
	private readonly pastHeader = new Map<number, string>();

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
		// Cells past the header (a row too wide, rejected as such) are kept in the rejected
		// rows' download and the text stored for a reload: they are looked at too.
		for (let index = this.headers.length; index < cells.length; index++) {
			this.checkPastHeader(index, cells[index] as string, line);
		}
	}

	private checkPastHeader(index: number, value: string, line: number): void {
		if (value.length < 6 || this.pastHeader.has(index)) return;
		const kind = identifyingValueKind(value);
		if (kind) this.pastHeader.set(index, `第 ${line} 行的值形如${kind}`);
	}

	/** Check one cell of a data row (a row whose other cells were checked before in another row). */
	scanCell(index: number, value: string, line: number): void {
		if (this.reasons[index] !== null) return;
		if (this.check(index, value, line)) this.open = this.open.filter((i) => i !== index);
	}

	/** Whether the value closes its column (it looks identifying). */
	private check(index: number, value: string | undefined, line: number): boolean {
		// identifyingValueKind passes anything shorter at once (the shortest is an e-mail, a@b.cn).
		if (!value || value.length < 6) return false;
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

	/**
	 * The columns found so far, in file order; one past the header is named by its position
	 * ("第 12 列（表头之外）").
	 */
	found(): IdentifyingColumn[] {
		const named = this.headers.flatMap((header, index) => {
			const reason = this.reasons[index];
			return reason ? [{ index, header, reason }] : [];
		});
		const past = [...this.pastHeader]
			.sort(([a], [b]) => a - b)
			.map(([index, reason]) => ({ index, header: `第 ${index + 1} 列（表头之外）`, reason }));
		return [...named, ...past];
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
