import { describe, expect, it } from 'vitest';
import {
	clearStoredAssessment,
	readStoredAssessment,
	SELF_ASSESSMENT_STORAGE_KEY,
	STORAGE_UNAVAILABLE_NOTE,
	writeStoredAssessment
} from '../../src/lib/data/self-assessment-store';
import { emptySelfAssessment } from '../../src/lib/domain/self-assessment';

/** A Storage in memory; `refuse` makes every call throw, as a locked-down or full browser does. */
function memoryStorage(refuse: 'never' | 'writes' | 'always' = 'never') {
	const items = new Map<string, string>();
	const check = (write: boolean) => {
		if (refuse === 'always' || (refuse === 'writes' && write)) {
			throw new DOMException('refused', 'QuotaExceededError');
		}
	};
	return {
		items,
		getItem: (key: string) => (check(false), items.get(key) ?? null),
		setItem: (key: string, value: string) => (check(true), void items.set(key, value)),
		removeItem: (key: string) => (check(true), void items.delete(key))
	};
}

describe('the 自评 page’s own store', () => {
	it('keeps entries under its versioned key and gives them back', () => {
		const storage = memoryStorage();
		expect(readStoredAssessment(storage)).toEqual({ kind: 'none' });
		const a = emptySelfAssessment();
		a.scenarios[9] = 'advanced';
		a.investment = '−5';
		expect(writeStoredAssessment(storage, a)).toBe(true);
		expect([...storage.items.keys()]).toEqual([SELF_ASSESSMENT_STORAGE_KEY]);
		expect(readStoredAssessment(storage)).toEqual({ kind: 'restored', value: a });
	});

	it('keeps nothing for an empty form, and clears', () => {
		const storage = memoryStorage();
		const a = emptySelfAssessment();
		a.maturityLevel = 2;
		writeStoredAssessment(storage, a);
		writeStoredAssessment(storage, emptySelfAssessment());
		expect(storage.items.size).toBe(0);
		writeStoredAssessment(storage, a);
		clearStoredAssessment(storage);
		expect(readStoredAssessment(storage)).toEqual({ kind: 'none' });
	});

	it('ignores, with a note, what no longer reads: bad JSON, another shape, values outside the catalogue', () => {
		for (const [stored, reason] of [
			['{"scenarios":', '不是有效的 JSON'],
			['{"scenarios":{"9":"advanced"}}', '不是本系统保存的自评内容'],
			[
				'{"type":"imau-smart-factory-self-assessment","version":9,"scenarios":{}}',
				'版本“9”无法识别'
			],
			[
				'{"type":"imau-smart-factory-self-assessment","version":2,"scenarios":{"99":"advanced"}}',
				'场景 99'
			],
			['"just text"', '不是本系统保存的自评内容']
		] as const) {
			const storage = memoryStorage();
			storage.items.set(SELF_ASSESSMENT_STORAGE_KEY, stored);
			const read = readStoredAssessment(storage);
			expect(read.kind, stored).toBe('ignored');
			expect(read.kind === 'ignored' && read.note, stored).toContain(reason);
		}
	});

	it('says so where the browser refuses storage, and never throws', () => {
		expect(readStoredAssessment(null)).toEqual({
			kind: 'unavailable',
			note: STORAGE_UNAVAILABLE_NOTE
		});
		expect(readStoredAssessment(memoryStorage('always')).kind).toBe('unavailable');
		const a = emptySelfAssessment();
		a.maturityLevel = 3;
		expect(writeStoredAssessment(memoryStorage('writes'), a)).toBe(false);
		expect(writeStoredAssessment(null, a)).toBe(false);
		expect(() => clearStoredAssessment(memoryStorage('always'))).not.toThrow();
	});
});
