/**
 * The SQL console's guard: one read-only query that reaches nothing outside the loaded data,
 * refused with a Chinese reason before DuckDB sees it. It is the first of two locks — DuckDB
 * itself runs with external access off and its configuration locked (lockdown.ts) — and it
 * reads the query as DuckDB's parser does (sql-tokens.ts): keywords and function names in the
 * code, never inside a comment or a string, and quoted names read for what they say.
 */
import { SqlTokenError, tokenize, type Token } from './sql-tokens';

export type ReadOnlyCheck = { ok: true } | { ok: false; reason: string };

/** A query starts with one of these words (or a parenthesis). */
const STARTS = new Set([
	'select',
	'with',
	'from',
	'values',
	'describe',
	'show',
	'summarize',
	'explain',
	'table'
]);

/** Statements that change data or settings, or reach outside it: refused wherever they appear. */
const FORBIDDEN_STATEMENTS = new Set([
	'create',
	'insert',
	'update',
	'delete',
	'drop',
	'alter',
	'copy',
	'attach',
	'detach',
	'install',
	'load',
	'set',
	'reset',
	'pragma',
	'call',
	'export',
	'import',
	'checkpoint',
	'vacuum',
	'use',
	'truncate',
	'merge',
	'begin',
	'commit',
	'rollback',
	'prepare',
	'execute',
	'deallocate',
	'secret'
]);

/**
 * Functions that read files, URLs or other databases, run SQL given as text (`query`), or tell
 * settings and secrets. Matched on the name as DuckDB reads it, quoted or not.
 */
const FORBIDDEN_FUNCTION =
	/^(read_\w*|\w*_scan|scan_\w*|parquet_\w+|sniff_csv|glob|iceberg_\w+|delta_\w+|sqlite_\w+|postgres_\w+|mysql_\w+|st_read\w*|duckdb_secrets|which_secret|load_aws_credentials|getenv|current_setting|query|query_table|json_execute_serialized_sql|\w*checkpoint)$/;

/** Words after which a string is read as a table — DuckDB then reads it as a file or URL. */
const TABLE_WORDS = new Set([
	'from',
	'join',
	'describe',
	'summarize',
	'show',
	'table',
	'pivot',
	'unpivot'
]);

/** Words that begin a clause: a comma in a FROM clause separates tables. ON/USING stay in FROM. */
const CLAUSE_WORDS = new Set([
	'select',
	'from',
	'where',
	'group',
	'having',
	'order',
	'limit',
	'offset',
	'qualify',
	'window',
	'union',
	'except',
	'intersect',
	'values'
]);

/** A name that would make DuckDB look for a file ("data.csv", "http://…", "*.parquet"). */
const FILE_LIKE_NAME = /[./\\:*?]/;

const refuse = (reason: string): ReadOnlyCheck => ({ ok: false, reason });

export function checkReadOnlySql(sql: string): ReadOnlyCheck {
	let tokens: Token[];
	try {
		tokens = tokenize(sql);
	} catch (error) {
		if (error instanceof SqlTokenError) return refuse(error.message);
		throw error;
	}
	const statements = splitStatements(tokens);
	if (statements.length === 0) return refuse('请输入一条查询语句');
	if (statements.length > 1) return refuse('一次只能执行一条查询语句');
	const query = statements[0] as Token[];

	const keyword = query.find((t) => t.kind === 'word' && FORBIDDEN_STATEMENTS.has(lower(t)));
	if (keyword) {
		return refuse(
			`只允许只读查询：不能使用 ${keyword.text.toUpperCase()}（修改数据、设置或访问外部的语句）`
		);
	}
	const first = query[0] as Token;
	if (!(first.kind === 'word' && STARTS.has(first.text.toLowerCase())) && first.text !== '(') {
		return refuse('只允许查询语句（SELECT、WITH、FROM、DESCRIBE、SHOW、SUMMARIZE）');
	}
	for (const [i, token] of query.entries()) {
		const name = lower(token);
		const called = query[i + 1]?.text === '(' && token.kind !== 'string';
		if (
			called &&
			(token.kind === 'word' || token.kind === 'quoted') &&
			FORBIDDEN_FUNCTION.test(name)
		)
			return refuse(`不能使用读取文件、网址或执行其他语句的函数 ${token.text}()`);
		if ((token.kind === 'string' || token.kind === 'quoted') && token.text.includes('://'))
			return refuse(`查询中不能出现网址（${shorten(token.text)}）：只能查询已载入的数据`);
	}
	const asTable = tableStrings(query);
	if (asTable) {
		return refuse(
			`不能把“${shorten(asTable.text)}”当作表：DuckDB 会把它当作文件或网址读取，只能查询已载入的表和视图`
		);
	}
	return { ok: true };
}

function lower(token: Token): string {
	return token.text.toLowerCase();
}

function shorten(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** The statements between semicolons, empty ones dropped. */
function splitStatements(tokens: Token[]): Token[][] {
	const statements: Token[][] = [[]];
	for (const token of tokens) {
		if (token.kind === 'symbol' && token.text === ';') statements.push([]);
		else statements.at(-1)?.push(token);
	}
	return statements.filter((s) => s.length > 0);
}

/**
 * The first string, or file-like quoted name, where DuckDB expects a table: right after FROM,
 * JOIN, DESCRIBE … or after a comma in a FROM clause (DuckDB's replacement scans read
 * `FROM 'x.csv'` and `FROM "http://…"` as files or URLs).
 */
function tableStrings(tokens: Token[]): Token | null {
	const clauses: string[] = [''];
	let previous: Token | null = null;
	for (const token of tokens) {
		if (token.kind === 'symbol' && token.text === '(') clauses.push('');
		else if (token.kind === 'symbol' && token.text === ')') {
			if (clauses.length > 1) clauses.pop();
		} else if (token.kind === 'word' && CLAUSE_WORDS.has(lower(token))) {
			clauses[clauses.length - 1] = lower(token);
		}
		const tablePosition =
			previous !== null &&
			((previous.kind === 'word' && TABLE_WORDS.has(lower(previous))) ||
				(previous.kind === 'symbol' && previous.text === ',' && clauses.at(-1) === 'from'));
		if (tablePosition) {
			if (token.kind === 'string') return token;
			if (token.kind === 'quoted' && FILE_LIKE_NAME.test(token.text)) return token;
		}
		previous = token;
	}
	return null;
}
