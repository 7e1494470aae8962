import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTables, tableParts } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { importFiles } from '../../src/lib/import/pipeline';

// The sample's declarations and scenarios, each split into two files of the same kind.
function split(path: string, names: [string, string]) {
	const [header, ...lines] = readFileSync(path, 'utf8').trimEnd().split('\n');
	const half = Math.floor(lines.length / 2);
	return [
		{ name: names[0], text: [header, ...lines.slice(0, half)].join('\n') + '\n' },
		{ name: names[1], text: [header, ...lines.slice(half)].join('\n') + '\n' }
	];
}
const parts = [
	...split('data/sample/申报明细.csv', ['申报-上半.csv', '申报-下半.csv']),
	...split('data/sample/建设场景明细.csv', ['场景-上半.csv', '场景-下半.csv'])
];
const encoder = new TextEncoder();
const result = importFiles(parts.map((p) => ({ name: p.name, bytes: encoder.encode(p.text) })));
let engine: NodeEngine;

beforeAll(async () => {
	engine = await NodeEngine.create();
	await loadTables(engine, readSqlSources(), result.tables);
});
afterAll(() => engine?.close());

describe('loading the tables into DuckDB', () => {
	it('writes one CSV per source file, without the file name on every row', () => {
		const csv = tableParts(result.tables);
		expect(csv.scenarios.map((p) => p.sourceFile)).toEqual(['场景-上半.csv', '场景-下半.csv']);
		expect(csv.eligibility.map((p) => p.sourceFile)).toEqual([null]);
		const header = new TextDecoder().decode(csv.scenarios[0]?.bytes.subarray(0, 200));
		expect(header.split('\n')[0]).not.toContain('source_file');
	});

	it('every row keeps its own file and line', async () => {
		for (const table of ['declarations', 'scenarios'] as const) {
			const rows = await engine.query<{ source_file: string; n: bigint | number; lines: string }>(
				`SELECT source_file, count(*) AS n, string_agg(source_line::VARCHAR, ',' ORDER BY source_line) AS lines FROM ${table} GROUP BY source_file ORDER BY source_file`
			);
			const loaded = [...result.tables[table]];
			const expected = [...new Set(loaded.map((r) => r.source_file))].sort().map((file) => {
				const own = loaded.filter((r) => r.source_file === file);
				return {
					source_file: file,
					n: own.length,
					lines: own
						.map((r) => r.source_line)
						.sort((a, b) => a - b)
						.join(',')
				};
			});
			expect(expected).toHaveLength(2);
			expect(rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual(expected);
		}
	});

	it('leaves no default behind: a row without a file is refused', async () => {
		await expect(
			engine.exec(
				`INSERT INTO scenarios (declaration_id, scenario_no, scenario_tier, source_line) VALUES ('x', 1, 1, 2)`
			)
		).rejects.toThrow(/NOT NULL/);
	});
});
