import { describe, expect, it } from 'vitest';
import { checkReadOnlySql } from '../../src/lib/db/read-only';

describe('the SQL console accepts only read-only queries', () => {
	it.each([
		'SELECT count(*) FROM declarations',
		'with t as (select 1) select * from t',
		"SELECT * FROM declarations WHERE county = 'DROP TABLE x; COPY'",
		'FROM coverage_region',
		'DESCRIBE declarations',
		'SUMMARIZE scenarios',
		'select 1; ',
		'-- a comment saying DELETE\nSELECT 1'
	])('accepts %s', (sql) => {
		expect(checkReadOnlySql(sql)).toEqual({ ok: true });
	});

	it.each([
		['DROP TABLE declarations', 'DROP'],
		["COPY declarations TO 'x.csv'", 'COPY'],
		['CREATE TABLE t AS SELECT 1', 'CREATE'],
		['INSERT INTO declarations SELECT * FROM declarations', 'INSERT'],
		['UPDATE declarations SET year = 2030', 'UPDATE'],
		['DELETE FROM scenarios', 'DELETE'],
		["ATTACH 'x.db'", 'ATTACH'],
		['INSTALL httpfs', 'INSTALL'],
		['LOAD httpfs', 'LOAD'],
		['SET threads = 1', 'SET'],
		['PRAGMA version', 'PRAGMA'],
		['SELECT 1; DROP TABLE declarations', '一次只能'],
		["SELECT * FROM read_csv('http://example.invalid/a.csv')", 'read_csv'],
		["SELECT * FROM glob('*')", 'glob'],
		['', '请输入']
	])('refuses %s', (sql, word) => {
		const result = checkReadOnlySql(sql);
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.reason).toContain(word);
	});
});
