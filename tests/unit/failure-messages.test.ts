import { describe, expect, it } from 'vitest';
import { describeEngineFailure, EngineStartError } from '../../src/lib/db/engine-failure';
import { importSizeProblem, MAX_IMPORT_BYTES } from '../../src/lib/data/size-limit';

describe('why DuckDB did not start, in Chinese', () => {
	it('reads the cause from what the browser threw', () => {
		const cases: [unknown, string][] = [
			[new RangeError('WebAssembly.Memory(): could not allocate memory'), 'memory'],
			[new Error('Uncaught RuntimeError: Aborted(RangeError: Out of memory)'), 'memory'],
			[
				new TypeError(
					"Failed to execute 'compile' on 'WebAssembly': Incorrect response MIME type. Expected 'application/wasm'."
				),
				'wasm-mime'
			],
			[new ReferenceError('WebAssembly is not defined'), 'no-webassembly'],
			[new TypeError('Failed to fetch'), 'wasm-download'],
			[new EngineStartError('wasm-mime', 'Content-Type text/plain'), 'wasm-mime'],
			[new Error('something else entirely'), 'other']
		];
		for (const [error, kind] of cases)
			expect(describeEngineFailure(error).kind, String(error)).toBe(kind);
	});

	it('says what happened and what to do, and keeps the words of an unknown cause', () => {
		const memory = describeEngineFailure(new RangeError('Out of memory'));
		expect(memory.what).toContain('内存不足');
		expect(memory.todo).toMatch(/^请/);
		const other = describeEngineFailure(new Error('boom 42'));
		expect(other.what).toContain('boom 42');
		expect(other.todo).toMatch(/^请/);
	});
});

describe('files too large for one tab', () => {
	it('are refused by their total size, with the sizes and what to do', () => {
		expect(importSizeProblem([40, 60], 100)).toBeNull();
		const problem = importSizeProblem([150 * 2 ** 20, 60 * 2 ** 20]);
		expect(problem).toContain('210 MB');
		expect(problem).toContain(`${MAX_IMPORT_BYTES / 2 ** 20} MB`);
		expect(problem).toContain('请');
	});
});
