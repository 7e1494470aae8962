/**
 * Structural equality of a chart builder's inputs: the builders are pure, so equal inputs give
 * an equal option, and `ChartOptions` (page-charts.ts) returns the previous object — `Chart.svelte`
 * then skips `setOption` entirely (on 总览, a 盟市 filter leaves the ranking as it was).
 */

/** Structural equality of plain data (numbers, strings, null, arrays, plain objects). */
export function sameData(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) {
		if (a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
		return true;
	}
	const ka = Object.keys(a);
	if (ka.length !== Object.keys(b).length) return false;
	for (const k of ka) {
		if (!Object.hasOwn(b, k)) return false;
		if (!sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
			return false;
	}
	return true;
}

/**
 * `build`, remembering its last result for each first input (by identity) while the other
 * inputs are the same values: a pure builder given a figure kept unchanged (`keptPerKey`,
 * figures/columns.ts) returns the very object it returned before, so what draws it has nothing
 * to compare or redraw.
 */
export function sameForSameInputs<A extends [object, ...unknown[]], R>(
	build: (...args: A) => R
): (...args: A) => R {
	const last = new WeakMap<object, { rest: unknown[]; result: R }>();
	return (...args: A) => {
		const [first, ...rest] = args;
		const known = last.get(first);
		if (
			known &&
			known.rest.length === rest.length &&
			known.rest.every((v, i) => Object.is(v, rest[i]))
		)
			return known.result;
		const result = build(...args);
		last.set(first, { rest, result });
		return result;
	};
}
