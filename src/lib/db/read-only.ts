/**
 * The SQL console is read-only: one query, no statement that changes the data or reaches
 * outside it, no table function that reads files. Checked on the text with comments and string
 * literals removed, so a keyword inside a string ('DROP') is allowed and one in the code is not.
 */
export type ReadOnlyCheck = { ok: true } | { ok: false; reason: string };

const STARTS = [
	'select',
	'with',
	'from',
	'values',
	'describe',
	'show',
	'summarize',
	'explain',
	'table',
	'('
];

const FORBIDDEN_STATEMENTS = [
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
	'rollback'
];

/** Table functions that read files, URLs or other databases. */
const FORBIDDEN_FUNCTIONS =
	/\b(read_\w+|parquet_\w+|sniff_csv|glob|iceberg_\w+|delta_scan|sqlite_\w+|postgres_\w+|mysql_\w+|duckdb_secrets|getenv|current_setting)\s*\(/i;

/** The SQL with comments and the contents of string literals and quoted names blanked out. */
export function codeOnly(sql: string): string {
	return sql
		.replace(/--[^\n]*/g, ' ')
		.replace(/\/\*[\s\S]*?\*\//g, ' ')
		.replace(/'(?:[^']|'')*'/g, "''")
		.replace(/"(?:[^"]|"")*"/g, '""');
}

export function checkReadOnlySql(sql: string): ReadOnlyCheck {
	const code = codeOnly(sql).trim();
	if (code === '') return { ok: false, reason: '请输入一条查询语句' };
	const statements = code.split(';').filter((s) => s.trim() !== '');
	if (statements.length > 1) return { ok: false, reason: '一次只能执行一条查询语句' };
	const words = code.toLowerCase().match(/[a-z_]+/g) ?? [];
	const forbidden = words.find((w) => FORBIDDEN_STATEMENTS.includes(w));
	if (forbidden) {
		return {
			ok: false,
			reason: `只允许只读查询：不能使用 ${forbidden.toUpperCase()}（修改数据或访问外部的语句）`
		};
	}
	const first = code.toLowerCase().trimStart();
	if (!STARTS.some((start) => first.startsWith(start))) {
		return { ok: false, reason: '只允许查询语句（SELECT、WITH、FROM、DESCRIBE、SHOW、SUMMARIZE）' };
	}
	const reader = FORBIDDEN_FUNCTIONS.exec(code);
	if (reader) return { ok: false, reason: `不能使用读取文件或外部数据的函数 ${reader[1]}()` };
	return { ok: true };
}
