/**
 * Reuse a chart option while its inputs are unchanged. The builders are pure, so equal inputs give
 * an equal option: returning the previous object lets `Chart.svelte` skip `setOption` entirely
 * (on 总览, a 盟市 filter leaves the ranking as it was and a year leaves the trend).
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
 * `build` (a pure option builder over plain data) that returns its previous result, the same
 * object, when called again with structurally equal arguments.
 */
export function memoizeOption<A extends unknown[], R>(build: (...args: A) => R): (...args: A) => R {
	let last: { args: A; result: R } | null = null;
	return (...args: A) => {
		if (last && sameData(last.args, args)) return last.result;
		const result = build(...args);
		last = { args, result };
		return result;
	};
}
