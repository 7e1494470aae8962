/**
 * Figures worked out once per load of an engine's data and reused by every filter change after
 * it (the cubes, the year's 盟市目标): a new load (a higher `loadGeneration`) drops them all. A
 * promise that fails is dropped too, so the next change asks again.
 */
import type { SqlEngine } from '../db/engine';
import { loadGeneration } from '../db/load';

const memos = new WeakMap<SqlEngine, { generation: number; values: Map<string, unknown> }>();

/** `compute()` the first time `key` is asked for after the engine's latest load, else its result then. */
export function oncePerLoad<T>(engine: SqlEngine, key: string, compute: () => T): T {
	const generation = loadGeneration(engine);
	let memo = memos.get(engine);
	if (!memo || memo.generation !== generation) {
		memo = { generation, values: new Map() };
		memos.set(engine, memo);
	}
	const values = memo.values;
	if (!values.has(key)) {
		const value = compute();
		values.set(key, value);
		if (value instanceof Promise)
			value.catch(() => {
				if (values.get(key) === value) values.delete(key);
			});
	}
	return values.get(key) as T;
}
