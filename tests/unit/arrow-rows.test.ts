import {
	Bool,
	Int64,
	Table,
	Utf8,
	tableFromArrays,
	tableFromIPC,
	tableToIPC,
	vectorFromArray
} from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { plainRows } from '../../src/lib/db/arrow-rows';

/** A result as duckdb-wasm hands it over: from IPC, possibly in several record batches. */
function result(parts: Table[]): Table {
	return tableFromIPC(tableToIPC(new Table(parts.flatMap((p) => p.batches))));
}

describe('plainRows', () => {
	it('gives every row of every batch, in order, as Arrow row objects would', () => {
		const part = (from: number) =>
			new Table({
				year: vectorFromArray(Int32Array.from([2025, 2026, 2026].map((y) => y + from))),
				region: vectorFromArray(['150100', '内蒙古', '150200'], new Utf8()),
				share: vectorFromArray(Float64Array.from([0.25, 1 / 3, 0])),
				flagged: vectorFromArray([true, false, null], new Bool()),
				remark: vectorFromArray(['a', null, '包头'], new Utf8())
			});
		const table = result([part(0), part(10)]);
		expect(table.batches.length).toBe(2);
		const rows = plainRows(table);
		expect(rows).toEqual(table.toArray().map((row) => row.toJSON()));
		expect(rows[4]).toEqual({
			year: 2036,
			region: '内蒙古',
			share: 1 / 3,
			flagged: false,
			remark: null
		});
	});

	it('turns 64-bit integers (count(*) without a cast) into numbers, nulls kept', () => {
		const table = result([new Table({ n: vectorFromArray([7n, null, 2n ** 40n], new Int64()) })]);
		expect(plainRows(table)).toEqual([{ n: 7 }, { n: null }, { n: 2 ** 40 }]);
	});

	it('gives no rows for an empty result', () => {
		expect(plainRows(result([tableFromArrays({ n: Int32Array.from([]) })]))).toEqual([]);
	});
});
