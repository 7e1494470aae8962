/**
 * Slicing ahead (dashboard/prepared-slices.ts): the filters one pick away in the filter bar,
 * sliced while the browser is idle and given to the pick instead of slicing it again; and the
 * figures kept per set of filters they read (figures/columns.ts), so a slice made ahead shares
 * them with the one shown.
 */
import { describe, expect, it } from 'vitest';
import { nextPicks } from '../../src/lib/dashboard/filters';
import {
	PreparedSlices,
	filtersKey,
	type IdleScheduler
} from '../../src/lib/dashboard/prepared-slices';
import { keptPerKey } from '../../src/lib/figures/columns';
import { regions } from '../../src/lib/domain/catalogue';
import { STATUS_NAMES } from '../../src/lib/import/values';
import { NO_FILTERS, type DashboardFilters } from '../../src/lib/figures/types';

/** An idle scheduler the test runs by hand, each period with `ms` left. */
function handIdle() {
	const waiting: ((deadline: IdleDeadline) => void)[] = [];
	const idle: IdleScheduler = (work) => {
		waiting.push(work);
		return () => waiting.splice(waiting.indexOf(work), 1);
	};
	const run = (ms: number) => {
		const work = waiting.shift();
		work?.({ didTimeout: false, timeRemaining: () => ms });
		return work !== undefined;
	};
	return {
		idle,
		run,
		get pending() {
			return waiting.length;
		}
	};
}

/** A slicer that says which filters it sliced, in order. */
function countingSlicer() {
	const sliced: string[] = [];
	const slice = (cube: { name: string }, f: DashboardFilters) => {
		sliced.push(filtersKey(f));
		return { cube: cube.name, filters: f };
	};
	return { sliced, slice };
}

const cube = { name: 'build' };
const region = (code: string | null): DashboardFilters => ({ ...NO_FILTERS, region: code });

/** Slices with a hand-run idle scheduler, the unfiltered one shown. */
function showingAll() {
	const { sliced, slice } = countingSlicer();
	const hand = handIdle();
	const slices = new PreparedSlices(slice, hand.idle);
	slices.get(cube, NO_FILTERS);
	return { sliced, hand, slices };
}

describe('slices made ahead', () => {
	it('are sliced once per cube and filters, and the same object after', () => {
		const { sliced, slice } = countingSlicer();
		const slices = new PreparedSlices(slice, handIdle().idle);
		const first = slices.get(cube, region('150200'));
		expect(slices.get(cube, { ...region('150200') })).toBe(first);
		expect(sliced).toHaveLength(1);
		// Another cube (an import) drops every slice of the one before.
		const other = slices.get({ name: 'user' }, region('150200'));
		expect(other).toEqual({ cube: 'user', filters: region('150200') });
		expect(sliced).toHaveLength(2);
	});

	it('are sliced in the picks’ order while idle, and a pick is then not sliced again', () => {
		const { sliced, hand, slices } = showingAll();
		const picks = [region('150100'), region('150200'), region('150300')];
		slices.prepare(cube, NO_FILTERS, picks);
		expect(sliced).toHaveLength(1); // nothing on the pick's own path
		// An idle period too short for a slice slices nothing, and asks again.
		hand.run(1);
		expect(sliced).toHaveLength(1);
		while (hand.run(50));
		expect(sliced.slice(1)).toEqual(picks.map(filtersKey));
		const before = sliced.length;
		expect(slices.get(cube, region('150200'))).toEqual({
			cube: 'build',
			filters: region('150200')
		});
		expect(sliced).toHaveLength(before);
		expect(hand.pending).toBe(0);
	});

	it('keep only the slices shown and one pick away; new picks replace those waiting', () => {
		const { sliced, hand, slices } = showingAll();
		slices.prepare(cube, NO_FILTERS, [region('150100'), region('150200')]);
		slices.get(cube, region('150100')); // picked before the idle period came
		slices.prepare(cube, region('150100'), [NO_FILTERS, { ...region('150100'), tier: 2 }]);
		while (hand.run(50));
		// 150200 was never sliced: the new picks took the place of the old.
		expect(sliced).toEqual(
			[NO_FILTERS, region('150100'), { ...region('150100'), tier: 2 }].map(filtersKey)
		);
		expect(slices.size).toBe(3);
		// Noted on the pick's path; what is not kept goes when idle.
		slices.prepare(cube, { ...region('150100'), tier: 2 }, [region('150100')]);
		expect(slices.size).toBe(3);
		hand.run(50);
		expect(slices.size).toBe(2);
		expect(hand.pending).toBe(0);
	});

	it('stop when the page is left', () => {
		const { sliced, hand, slices } = showingAll();
		slices.prepare(cube, NO_FILTERS, [region('150100')]);
		slices.stop();
		expect(hand.pending).toBe(0);
		expect(sliced).toHaveLength(1);
	});
});

describe('the picks one away in the filter bar', () => {
	const years = [2025, 2026];

	it('change one filter each: every other 盟市, tier, year and status, the 盟市 first', () => {
		const from: DashboardFilters = { ...NO_FILTERS, region: '150200', tier: 2, industry: '26' };
		const picks = nextPicks(from, ['year', 'region', 'industry', 'tier', 'status'], years);
		expect(picks).toHaveLength(
			regions.length + 4 + years.length + Object.keys(STATUS_NAMES).length
		);
		for (const pick of picks) {
			const changed = (Object.keys(from) as (keyof DashboardFilters)[]).filter(
				(key) => pick[key] !== from[key]
			);
			expect(changed).toHaveLength(1);
			expect(['region', 'tier', 'year', 'status']).toContain(changed[0]);
		}
		expect(picks[0]).toEqual({ ...from, region: null });
		expect(new Set(picks.map(filtersKey)).size).toBe(picks.length);
	});

	it('leave a filter the page fixes or does not have', () => {
		const from: DashboardFilters = { ...NO_FILTERS, region: '150200' };
		const picks = nextPicks(from, ['year', 'industry', 'tier', 'status'], years);
		expect(picks.every((p) => p.region === '150200')).toBe(true);
		expect(picks).toHaveLength(4 + years.length + Object.keys(STATUS_NAMES).length);
	});
});

describe('figures kept per filters they read', () => {
	it('are the same object whenever their key comes back', () => {
		const owner = {};
		let made = 0;
		const figure = (key: string) => keptPerKey(owner, 'figure', key, () => ({ key, made: ++made }));
		const a = figure('a');
		const b = figure('b');
		expect(figure('a')).toBe(a);
		expect(figure('b')).toBe(b);
		expect(made).toBe(2);
		// Of another cube, made again.
		expect(keptPerKey({}, 'figure', 'a', () => ({ key: 'a', made: ++made }))).not.toBe(a);
	});
});
