import { describe, expect, it } from 'vitest';
import { checkReadOnlySql } from '../../src/lib/db/read-only';
import { tokenize } from '../../src/lib/db/sql-tokens';
import { SQL_EXAMPLES } from '../../src/lib/components/sql-examples';

describe('the SQL console accepts only read-only queries', () => {
	it.each([
		'SELECT count(*) FROM declarations',
		'with t as (select 1) select * from t',
		"SELECT * FROM declarations WHERE county = 'DROP TABLE x; COPY'",
		'FROM coverage_region',
		'DESCRIBE declarations',
		'SUMMARIZE scenarios',
		'select 1; ',
		'-- a comment saying DELETE\nSELECT 1',
		'SELECT 1 AS a, 2 AS a',
		'SELECT "drop", "read_csv" FROM declarations',
		'SELECT 1 AS "<b>x</b>", 2 AS "a""b", 3 AS " "',
		"SELECT * FROM declarations d JOIN scenarios s ON s.declaration_id = d.declaration_id WHERE d.county IN ('a.csv', 'b')",
		"SELECT coalesce(county, 'x.csv') FROM declarations, ref_scenarios",
		'FROM main.declarations SELECT year',
		"SELECT E'it\\'s' AS s, $$a'b$$ AS t",
		'SELECT 1 /* outer /* inner */ still a comment: DROP */ AS n',
		...SQL_EXAMPLES.map((e) => e.sql)
	])('accepts %s', (sql) => {
		expect(checkReadOnlySql(sql)).toEqual({ ok: true });
	});

	it.each([
		['DROP TABLE declarations', 'DROP'],
		["COPY declarations TO 'x.csv'", 'COPY'],
		["COPY declarations FROM 'http://127.0.0.1:9/x.csv'", 'COPY'],
		['CREATE TABLE t AS SELECT 1', 'CREATE'],
		["CREATE SECRET s (TYPE http, BEARER_TOKEN 'x')", 'CREATE'],
		['INSERT INTO declarations SELECT * FROM declarations', 'INSERT'],
		['UPDATE declarations SET year = 2030', 'UPDATE'],
		['DELETE FROM scenarios', 'DELETE'],
		["ATTACH 'x.db'", 'ATTACH'],
		["ATTACH 'http://127.0.0.1:9/x.db' AS x", 'ATTACH'],
		['INSTALL httpfs', 'INSTALL'],
		['LOAD httpfs', 'LOAD'],
		["EXPORT DATABASE 'out'", 'EXPORT'],
		["IMPORT DATABASE 'in'", 'IMPORT'],
		['SET enable_external_access = true', 'SET'],
		['RESET lock_configuration', 'RESET'],
		['PRAGMA version', 'PRAGMA'],
		['CALL pragma_version()', 'CALL'],
		['SELECT 1; DROP TABLE declarations', '一次只能'],
		["SELECT * FROM read_csv('http://example.invalid/a.csv')", 'read_csv'],
		["SELECT * FROM read_text('/etc/passwd')", 'read_text'],
		["SELECT * FROM read_blob('x')", 'read_blob'],
		["SELECT * FROM read_json_auto('x.json')", 'read_json_auto'],
		["SELECT * FROM parquet_scan('x.parquet')", 'parquet_scan'],
		["SELECT * FROM glob('*')", 'glob'],
		["SELECT * FROM sniff_csv('x.csv')", 'sniff_csv'],
		// A quoted function name is the same function to DuckDB.
		['SELECT * FROM "read_csv"(\'x.csv\')', 'read_csv'],
		['SELECT * FROM "READ_CSV_AUTO"(\'x.csv\')', 'READ_CSV_AUTO'],
		['SELECT * FROM main."read_text"(\'x\')', 'read_text'],
		// SQL given as text runs unseen by the guard.
		["SELECT * FROM query('SELECT * FROM read_csv(''x.csv'')')", 'query'],
		["SELECT * FROM query_table('declarations')", 'query_table'],
		['SELECT * FROM "query"(\'SELECT 1\')', 'query'],
		["SELECT current_setting('enable_external_access')", 'current_setting'],
		// Replacement scans: a string (or a file-like quoted name) where a table belongs.
		["SELECT * FROM 'http://127.0.0.1:9/x.csv'", '网址'],
		["SELECT * FROM 'data/sample/申报明细.csv'", '当作表'],
		["FROM 'x.parquet'", '当作表'],
		["SELECT * FROM declarations, 'x.csv'", '当作表'],
		["SELECT * FROM declarations d JOIN 'x.csv' x ON true", '当作表'],
		["SELECT * FROM declarations d JOIN scenarios s ON s.year = d.year, 'x.csv'", '当作表'],
		["SELECT * FROM (SELECT 1), 'x.csv'", '当作表'],
		['SELECT * FROM "x.csv"', '当作表'],
		['SELECT * FROM "http://127.0.0.1:9/x.csv"', '网址'],
		['SELECT * FROM $$x.csv$$', '当作表'],
		['SELECT * FROM $t$x.csv$t$', '当作表'],
		["SELECT * FROM E'http\\x3a//127.0.0.1:9/x.csv'", '网址'],
		["DESCRIBE 'x.csv'", '当作表'],
		["SUMMARIZE 'x.csv'", '当作表'],
		["SELECT * FROM declarations WHERE county = 'https://example.invalid'", '网址'],
		// What DuckDB reads as code must be what the guard reads as code.
		["SELECT '--' AS a, * FROM read_csv('x.csv')", 'read_csv'],
		["SELECT '--', 1; DROP TABLE declarations", '一次只能'],
		['SELECT 1 -- a comment ends at CR\r; DROP TABLE declarations', '一次只能'],
		["SELECT E'\\'' AS a, * FROM read_csv('x.csv')", 'read_csv'],
		["SELECT $$'$$ AS a, * FROM read_csv('x.csv')", 'read_csv'],
		["SELECT 1 /* a /* nested */ comment */, * FROM read_csv('x.csv')", 'read_csv'],
		["SELECT 'unterminated", '没有结束'],
		['SELECT 1 /* unterminated', '没有结束'],
		['SELECT "unterminated', '没有结束'],
		['SELECT * FROM U&"\\0072ead_csv"(\'x.csv\')', 'U&'],
		['', '请输入'],
		['  ; -- nothing', '请输入']
	])('refuses %s', (sql, word) => {
		const result = checkReadOnlySql(sql);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.reason).toContain(word);
	});
});

describe('the tokenizer splits the text where DuckDB does', () => {
	it('reads strings, quoted names, E-strings, dollar strings and comments', () => {
		const tokens = tokenize(
			`SELECT 'a''b', "c""d", E'\\x41\\n\\'', $q$ -- not a comment $q$ /* x /* y */ z */ -- end\rFROM t`
		);
		expect(tokens.map((t) => [t.kind, t.text])).toEqual([
			['word', 'SELECT'],
			['string', "a'b"],
			['symbol', ','],
			['quoted', 'c"d'],
			['symbol', ','],
			['string', "A\n'"],
			['symbol', ','],
			['string', ' -- not a comment '],
			['word', 'FROM'],
			['word', 't']
		]);
	});
});
