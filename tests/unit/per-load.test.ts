import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oncePerLoad } from '../../src/lib/dashboard/per-load';
import { loadTables } from '../../src/lib/db/load';
import { NodeEngine, readSqlSources } from '../../src/lib/db/node-engine';
import { importFiles } from '../../src/lib/import/pipeline';

let engine: NodeEngine;
const load = () => loadTables(engine, readSqlSources(), importFiles([]).tables);

beforeAll(async () => {
	engine = await NodeEngine.create();
	await load();
});
afterAll(() => engine?.close());

describe('oncePerLoad', () => {
	it('computes a key once per load, again after the next load', async () => {
		let computed = 0;
		const ask = () => oncePerLoad(engine, 'a', () => ++computed);
		expect([ask(), ask()]).toEqual([1, 1]);
		expect(oncePerLoad(engine, 'b', () => 'other')).toBe('other');
		await load();
		expect([ask(), ask()]).toEqual([2, 2]);
	});

	it('asks again after a failed promise, not before it settles', async () => {
		let calls = 0;
		const ask = () =>
			oncePerLoad(engine, 'failing', () => {
				calls += 1;
				return calls === 1 ? Promise.reject(new Error('busy')) : Promise.resolve(calls);
			});
		const first = ask();
		expect(ask()).toBe(first);
		await expect(first).rejects.toThrow('busy');
		await expect(ask()).resolves.toBe(2);
		await expect(ask()).resolves.toBe(2);
	});
});
