/**
 * How `Chart.svelte` applies a new option to a chart that already shows one. ECharts merges
 * components it keeps (a deep merge: keys the new option leaves out would survive) and builds
 * anew those named in `replaceMerge`. So the data-bearing components are always rebuilt, and the
 * others are kept only when the new option has exactly the same keys for them: every value is
 * then overwritten and the chart shows what `notMerge` would show, without re-creating the
 * tooltip, grid and ARIA components.
 */
export type Option = Record<string, unknown>;

/**
 * How far outside the window (above and below) a chart still counts as near: a new option for a
 * chart farther away waits until it comes this near, so it is drawn before it scrolls into view.
 */
export const NEAR_MARGIN = '25% 0px';

/**
 * The chart's description for screen readers (`aria.label.description`), which ECharts sets as
 * the element's `aria-label` when it draws the option.
 */
export function ariaDescription(option: Option): string | null {
	const aria = option.aria as { label?: { description?: unknown } } | undefined;
	const description = aria?.label?.description;
	return typeof description === 'string' && description ? description : null;
}

/** Component types rebuilt on every update (the legend too, so its selection resets as before). */
export const REBUILT = [
	'series',
	'xAxis',
	'yAxis',
	'legend',
	'visualMap',
	'title',
	'dataset',
	'dataZoom',
	'geo',
	'radar',
	'polar',
	'angleAxis',
	'radiusAxis',
	'singleAxis',
	'parallel',
	'parallelAxis',
	'calendar',
	'graphic',
	'timeline'
];
const rebuilt = new Set(REBUILT);

const isPlain = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' &&
	value !== null &&
	!Array.isArray(value) &&
	Object.getPrototypeOf(value) === Object.prototype;

/**
 * The keys of a merged value, recursively: plain objects are merged key by key, anything else
 * (arrays, functions, scalars) replaces the old value whole. A component given as an array is
 * matched by index, so its length and each entry's form count.
 */
function form(value: unknown, top = false): string {
	if (top && Array.isArray(value)) return `[${value.map((v) => form(v)).join(',')}]`;
	if (!isPlain(value)) return '.';
	return `{${Object.keys(value)
		.sort()
		.map((k) => `${k}:${form(value[k])}`)
		.join(',')}}`;
}

/** The new option can be applied in place of the old one (see above). */
export function sameForm(previous: Option, next: Option): boolean {
	const keys = Object.keys(next);
	if (keys.length !== Object.keys(previous).length) return false;
	return keys.every(
		(key) =>
			Object.hasOwn(previous, key) &&
			(rebuilt.has(key) || form(previous[key], true) === form(next[key], true))
	);
}
