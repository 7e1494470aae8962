import { describe, expect, it } from 'vitest';
import { ScenarioRows } from '../../src/lib/import/scenario-rows';
import type { ScenarioRow } from '../../src/lib/import/tables';

const row = (line: number, file = 'a.csv', extra: string | null = null): ScenarioRow => ({
	declaration_id: `SB-${line % 7}`,
	scenario_no: 1 + (line % 40),
	scenario_tier: 1 + (line % 4),
	counted_tier: line % 5 === 0 ? null : 1 + (line % 4),
	source_file: file,
	source_line: line,
	extra
});

describe('scenario rows in columns', () => {
	it('gives back every row as it was pushed, past the arrays’ first growth', () => {
		const rows = Array.from({ length: 3000 }, (_, i) =>
			row(i + 2, i < 1700 ? 'a.csv' : 'b.csv', i === 2500 ? '{"备注":"x"}' : null)
		);
		const table = new ScenarioRows();
		for (const r of rows) table.push(r);
		expect(table.length).toBe(3000);
		expect(table.toArray()).toEqual(rows);
		expect(table.at(3000)).toBeUndefined();
		expect(table.fileRuns()).toEqual([
			{ name: 'a.csv', start: 0, end: 1700 },
			{ name: 'b.csv', start: 1700, end: 3000 }
		]);
	});

	it('filters and concatenates in order', () => {
		const a = new ScenarioRows();
		const b = new ScenarioRows();
		for (let line = 2; line < 12; line++)
			a.push(row(line, 'a.csv', line === 7 ? '{"备注":"y"}' : null));
		for (let line = 2; line < 5; line++) b.push(row(line, 'b.csv'));
		expect(a.filter(() => true)).toBe(a);
		const odd = a.filter((i) => a.sourceLine(i) % 2 === 1);
		expect(odd.toArray().map((r) => r.source_line)).toEqual([3, 5, 7, 9, 11]);
		expect(odd.toArray().map((r) => r.extra)).toEqual([null, null, '{"备注":"y"}', null, null]);
		const both = ScenarioRows.concat([odd, b]);
		expect(both.toArray()).toEqual([...odd, ...b]);
		expect(both.sourceFile(4)).toBe('a.csv');
		expect(both.sourceFile(5)).toBe('b.csv');
		expect(ScenarioRows.concat([a])).toBe(a);
		expect(ScenarioRows.concat([]).length).toBe(0);
	});
});
