import { describe, expect, it } from 'vitest';
import {
	discloseSharedTotal,
	discloseList,
	disclosedText,
	disclosureRuleFrom,
	type Disclosed
} from '../../src/lib/report/disclosure';

const rule = { minCount: 3 };

/** A small deterministic generator (mulberry32) so a failure reproduces. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Every value each hidden count of a published list can take, by brute force over all
 * assignments: shown counts exact, "<k" in 0…k−1, "×" at least k (up to a cap above the true
 * total), the total as published. Written apart from readerRanges so it checks it.
 */
function possibleValues(items: Disclosed[], total: Disclosed, k: number, cap: number) {
	const options = items.map((d) =>
		d.kind === 'shown'
			? [d.value]
			: d.kind === 'primary'
				? Array.from({ length: k }, (_, i) => i)
				: Array.from({ length: cap - k + 1 }, (_, i) => k + i)
	);
	const fits = (sum: number) =>
		total.kind === 'shown' ? sum === total.value : total.kind === 'primary' ? sum < k : sum >= k;
	const seen = items.map(() => new Set<number>());
	const chosen: number[] = [];
	const visit = (i: number, sum: number) => {
		if (total.kind === 'shown' && sum > total.value) return;
		if (i === items.length) {
			if (fits(sum)) chosen.forEach((v, j) => seen[j]!.add(v));
			return;
		}
		for (const v of options[i]!) {
			chosen[i] = v;
			visit(i + 1, sum + v);
		}
	};
	visit(0, 0);
	return seen;
}

describe('disclosure control', () => {
	it('hides every count under k, zero included, and keeps the others as they are', () => {
		const values = [12, 1, 0, 7, 30, 2, 9];
		const { items, total } = discloseList(values, rule);
		values.forEach((value, i) => {
			if (value < 3) expect(items[i]).toEqual({ kind: 'primary' });
			else if (items[i]!.kind === 'shown') expect(items[i]).toEqual({ kind: 'shown', value });
		});
		expect(total).toEqual({ kind: 'shown', value: 61 });
		expect(disclosedText({ kind: 'primary' }, rule, '家')).toBe('<3家');
		expect(disclosedText({ kind: 'secondary' }, rule)).toBe('×');
	});

	it('a single small count cannot be worked out from the total: the next smallest is hidden too', () => {
		const { items, total } = discloseList([40, 2, 17, 25], rule);
		expect(items.map((d) => d.kind)).toEqual(['shown', 'primary', 'secondary', 'shown']);
		expect(total).toEqual({ kind: 'shown', value: 84 });
	});

	it('two small counts that would pin each other (2 + 2 under a total) get a third hidden', () => {
		// Shown 10 and total 14 leave 4 for two counts under 3: both would have to be 2.
		const { items } = discloseList([10, 2, 2], rule);
		expect(items.map((d) => d.kind)).toEqual(['secondary', 'primary', 'primary']);
	});

	it('no hidden count can be worked out from its column total (brute force, 400 random lists)', () => {
		const next = random(20261125);
		for (let t = 0; t < 400; t++) {
			const length = 2 + Math.floor(next() * 4);
			const values = Array.from({ length }, () => Math.floor(next() * next() * 12));
			const { items, total } = discloseList(values, rule);
			const cap = values.reduce((s, v) => s + v, 0) + 3;
			const possible = possibleValues(items, total, rule.minCount, cap);
			items.forEach((d, i) => {
				if (d.kind === 'shown') return;
				expect(possible[i]!.has(values[i]!), `list ${t}: the true value fits`).toBe(true);
				if (d.kind === 'primary') {
					expect(possible[i]!.size, `list ${JSON.stringify(values)} item ${i}`).toBeGreaterThan(1);
				}
			});
		}
	});

	it('a total shared by two tables is hidden in both as soon as one needs it hidden', () => {
		// By 盟市: 3 + 0 + 0 under a total of 3 pins the zeros unless the 3 and then the total go.
		const [byRegion, byIndustry] = discloseSharedTotal(
			[
				[3, 0, 0],
				[1, 1, 1]
			],
			rule
		);
		expect(byRegion!.total.kind).toBe('secondary');
		expect(byIndustry!.total.kind).toBe('secondary');
		expect(byIndustry!.items.every((d) => d.kind === 'primary')).toBe(true);
		const [a, b] = discloseSharedTotal(
			[
				[30, 1, 12],
				[20, 23]
			],
			rule
		);
		expect(a!.total).toEqual({ kind: 'shown', value: 43 });
		expect(b!.total).toEqual({ kind: 'shown', value: 43 });
	});

	it('k comes from DISCLOSURE_MIN_COUNT, 3 by default; k = 1 publishes every count', () => {
		expect(disclosureRuleFrom(undefined)).toEqual({ minCount: 3 });
		expect(disclosureRuleFrom('5')).toEqual({ minCount: 5 });
		expect(() => disclosureRuleFrom('0')).toThrow(/DISCLOSURE_MIN_COUNT/);
		expect(() => disclosureRuleFrom('2.5')).toThrow(/DISCLOSURE_MIN_COUNT/);
		const open = discloseList([0, 1, 2], { minCount: 1 });
		expect(open.items.every((d) => d.kind === 'shown')).toBe(true);
	});
});
