/**
 * Basic-level starts of any slice, from the cube's basic_starts table (cube.sql): distinct
 * enterprises that declared 基础级 in a year, which do not add up across slices, so each
 * enterprise is grouped by the set of its 基础级 declarations' "盟市 行业 status awarded"
 * (`members`). A slice's starts are the groups with a member in it; its awarded starts, those
 * with an awarded member there. Pure.
 *
 * Each distinct member set is parsed once per cube into flat arrays of small codes, so a slice
 * is one pass over the groups comparing numbers: on a reload this runs in cold code, where it
 * had been the largest part of slicing 总览 (a Map per group, strings compared).
 */
import type { CubeCore } from '../cube/cube';
import { ints, texts } from '../cube/table';
import { oncePerCube } from './columns';

/** The filters starts take: 盟市, 行业, status (a start has no tier but 基础级, and its own year). */
export interface StartFilters {
	region: string | null;
	industry: string | null;
	status: string | null;
}

export interface StartCounts {
	declared: number;
	awarded: number;
}

/** Strings to codes in order of first sight; `codeOf` is −1 for one never seen. */
class Codes {
	readonly names: string[] = [];
	private readonly index = new Map<string, number>();
	add(name: string): number {
		let code = this.index.get(name);
		if (code === undefined) this.index.set(name, (code = this.names.push(name) - 1));
		return code;
	}
	codeOf(name: string): number {
		return this.index.get(name) ?? -1;
	}
}

interface StartGroups {
	length: number;
	year: ArrayLike<number>;
	n: ArrayLike<number>;
	/** The group's member set: an index into `first`. */
	set: ArrayLike<number>;
	/** Set s's members are first[s] … first[s + 1] − 1 in the member arrays. */
	first: Int32Array;
	region: Int32Array;
	industry: Int32Array;
	status: Int32Array;
	awarded: Uint8Array;
	regions: Codes;
	industries: Codes;
	statuses: Codes;
}

const startGroups = (cube: CubeCore): StartGroups =>
	oncePerCube(cube, 'basic starts', () => {
		const table = cube.tables.basic_starts;
		const members = texts(table, 'members');
		const sets = members.dictionary.map((text) => (text ?? '').split(';'));
		const total = sets.reduce((sum, set) => sum + set.length, 0);
		const groups: StartGroups = {
			length: table.length,
			year: ints(table, 'year'),
			n: ints(table, 'n'),
			set: members.codes,
			first: new Int32Array(sets.length + 1),
			region: new Int32Array(total),
			industry: new Int32Array(total),
			status: new Int32Array(total),
			awarded: new Uint8Array(total),
			regions: new Codes(),
			industries: new Codes(),
			statuses: new Codes()
		};
		let m = 0;
		sets.forEach((set, s) => {
			groups.first[s] = m;
			for (const member of set) {
				const [region = '', industry = '', status = '', awarded = '0'] = member.split(' ');
				groups.region[m] = groups.regions.add(region);
				groups.industry[m] = groups.industries.add(industry);
				groups.status[m] = groups.statuses.add(status);
				groups.awarded[m] = awarded === '1' ? 1 : 0;
				m++;
			}
		});
		groups.first[sets.length] = m;
		return groups;
	});

/** A filter as the code it compares with: −2 for none (every member passes). */
const codeFilter = (codes: Codes, value: string | null) =>
	value === null ? -2 : codes.codeOf(value);

/**
 * Basic-level starts of a year in one total (key null) or for every 盟市 at once (its code: a
 * group counts in each 盟市 it has a member in), in one pass.
 */
export function basicStartsBy(
	cube: CubeCore,
	year: number,
	f: StartFilters,
	by: 'region' | null
): Map<string | null, StartCounts> {
	const g = startGroups(cube);
	const region = by === null ? codeFilter(g.regions, f.region) : -2;
	const industry = codeFilter(g.industries, f.industry);
	const status = codeFilter(g.statuses, f.status);
	const size = by === null ? 1 : g.regions.names.length;
	const declared = new Float64Array(size);
	const awarded = new Float64Array(size);
	const seen = new Uint8Array(size);
	/** Per key, within one group: 0 no member in the slice, 1 one, 2 an awarded one. */
	const found = new Uint8Array(size);
	const touched: number[] = [];
	for (let i = 0; i < g.length; i++) {
		if (g.year[i] !== year) continue;
		const s = g.set[i] ?? 0;
		for (let m = g.first[s]!; m < g.first[s + 1]!; m++) {
			if (region !== -2 && g.region[m] !== region) continue;
			if (industry !== -2 && g.industry[m] !== industry) continue;
			if (status !== -2 && g.status[m] !== status) continue;
			const key = by === null ? 0 : g.region[m]!;
			if (found[key] === 0) touched.push(key);
			found[key] = Math.max(found[key]!, 1 + g.awarded[m]!);
		}
		const n = g.n[i] ?? 0;
		for (const key of touched) {
			seen[key] = 1;
			declared[key]! += n;
			if (found[key] === 2) awarded[key]! += n;
			found[key] = 0;
		}
		touched.length = 0;
	}
	const totals = new Map<string | null, StartCounts>();
	for (let key = 0; key < size; key++)
		if (seen[key])
			totals.set(by === null ? null : g.regions.names[key]!, {
				declared: declared[key]!,
				awarded: awarded[key]!
			});
	return totals;
}

/**
 * Basic-level starts of a year: distinct enterprises that declared 基础级 in the slice, and of
 * them those awarded there.
 */
export function basicStartsOf(cube: CubeCore, year: number, f: StartFilters): StartCounts {
	const starts = basicStartsBy(cube, year, f, f.region === null ? null : 'region');
	return starts.get(f.region) ?? { declared: 0, awarded: 0 };
}
