/**
 * A small SQL tokenizer for the console's read-only guard (read-only.ts), written to split the
 * text exactly where DuckDB's parser (libpg_query's scanner) does: `--` comments end at CR or
 * LF, block comments nest, `''` and `""` escape quotes, `E'…'` strings take backslash escapes,
 * `$tag$…$tag$` is a string. A guard that read the text differently from DuckDB could be
 * fooled (a `--` inside a string once hid the rest of the line from it), so anything it cannot
 * read for certain — an unterminated string, comment or quoted name, `U&` escapes — is an error.
 */
export type Token =
	/** An unquoted word: keyword, name or function name, as written. */
	| { kind: 'word'; text: string; at: number }
	/** A "quoted name", its content unescaped. */
	| { kind: 'quoted'; text: string; at: number }
	/** A string literal ('…', E'…', $$…$$), its content unescaped. */
	| { kind: 'string'; text: string; at: number }
	/** Any other character that is not white space: ( ) , ; . * = … */
	| { kind: 'symbol'; text: string; at: number };

export class SqlTokenError extends Error {}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;

/** The tokens of `sql`, comments and white space left out. Throws SqlTokenError (Chinese). */
export function tokenize(sql: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const n = sql.length;
	while (i < n) {
		const c = sql[i] as string;
		const next = sql[i + 1];
		if (/\s/.test(c)) {
			i++;
		} else if (c === '-' && next === '-') {
			while (i < n && sql[i] !== '\n' && sql[i] !== '\r') i++;
		} else if (c === '/' && next === '*') {
			i = skipBlockComment(sql, i);
		} else if (c === "'") {
			const [text, end] = readQuoted(sql, i, "'", false);
			tokens.push({ kind: 'string', text, at: i });
			i = end;
		} else if (c === '"') {
			const [text, end] = readQuoted(sql, i, '"', false);
			tokens.push({ kind: 'quoted', text, at: i });
			i = end;
		} else if (c === '$' && DOLLAR_TAG.test(sql.slice(i, i + 200))) {
			const tag = (DOLLAR_TAG.exec(sql.slice(i, i + 200)) as RegExpExecArray)[0];
			const close = sql.indexOf(tag, i + tag.length);
			if (close < 0) throw new SqlTokenError('语句不完整：$$ 字符串没有结束');
			tokens.push({ kind: 'string', text: sql.slice(i + tag.length, close), at: i });
			i = close + tag.length;
		} else if (WORD_START.test(c)) {
			let end = i + 1;
			while (end < n && WORD_PART.test(sql[end] as string)) end++;
			const word = sql.slice(i, end);
			if (/^[eE]$/.test(word) && sql[end] === "'") {
				const [text, after] = readQuoted(sql, end, "'", true);
				tokens.push({ kind: 'string', text: unescapeBackslashes(text), at: i });
				i = after;
			} else if (/^[uU]$/.test(word) && sql[end] === '&') {
				throw new SqlTokenError('不支持 U& 转义写法的名称或字符串');
			} else {
				tokens.push({ kind: 'word', text: word, at: i });
				i = end;
			}
		} else {
			tokens.push({ kind: 'symbol', text: c, at: i });
			i++;
		}
	}
	return tokens;
}

/** The index after a block comment starting at `start`; block comments nest, as in DuckDB. */
function skipBlockComment(sql: string, start: number): number {
	let depth = 0;
	let i = start;
	while (i < sql.length) {
		if (sql.startsWith('/*', i)) {
			depth++;
			i += 2;
		} else if (sql.startsWith('*/', i)) {
			depth--;
			i += 2;
			if (depth === 0) return i;
		} else i++;
	}
	throw new SqlTokenError('语句不完整：注释 /* 没有结束');
}

/** A quoted string or name from `start` (the opening quote): its content and the index after it. */
function readQuoted(
	sql: string,
	start: number,
	quote: "'" | '"',
	backslashEscapes: boolean
): [string, number] {
	let text = '';
	let i = start + 1;
	while (i < sql.length) {
		const c = sql[i] as string;
		if (backslashEscapes && c === '\\') {
			text += sql.slice(i, i + 2);
			i += 2;
		} else if (c === quote && sql[i + 1] === quote) {
			text += quote;
			i += 2;
		} else if (c === quote) {
			return [text, i + 1];
		} else {
			text += c;
			i++;
		}
	}
	throw new SqlTokenError(
		quote === "'" ? '语句不完整：字符串的引号没有结束' : '语句不完整：名称的双引号没有结束'
	);
}

/** The value of an E'…' string's content: `\x3a` is ':' to DuckDB, so it is to the guard. */
function unescapeBackslashes(text: string): string {
	return text.replace(
		/\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[0-7]{1,3}|[\s\S])/g,
		(_, code: string) => {
			if (/^[xuU]/.test(code) && code.length > 1) {
				const point = parseInt(code.slice(1), 16);
				return point <= 0x10ffff ? String.fromCodePoint(point) : '\ufffd';
			}
			if (/^[0-7]+$/.test(code)) return String.fromCodePoint(parseInt(code, 8));
			return { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }[code] ?? code;
		}
	);
}
