/**
 * Disclosure control for published pages. A count of fewer than k enterprises (zero included)
 * is hidden — "primary", shown as "<k" — and wherever the published total would give it away,
 * more counts are hidden — "secondary", shown as "×" — until none can be worked out.
 *
 * Every published table is a set of columns, each a list of counts with its total (the 全区 row);
 * tables carry no 合计 column across them, so no count sits on two sums. For one sum that is an
 * exact test: with the total known (or only known to be under k), a hidden count can take every
 * value between `T − (the others' highest)` and `T − (the others' lowest)`, where a primary count
 * lies in 0…k−1 and a secondary one is at least k (it would be primary otherwise). A list is safe
 * when no primary count's range is a single value. Pure: no DuckDB, no DOM.
 */

/** A published count after disclosure control. */
export type Disclosed =
	| { kind: 'shown'; value: number }
	/** Fewer than k: shown as "<k". */
	| { kind: 'primary' }
	/** Hidden so that the total cannot give a primary count away: shown as "×". */
	| { kind: 'secondary' };

export type CellState = Disclosed['kind'];

/** How the published tables hide small counts. k = 1 publishes every count. */
export interface DisclosureRule {
	/** The smallest count of enterprises shown as a number (k). */
	minCount: number;
}

export const DEFAULT_MIN_COUNT = 3;

/** The rule from the build's environment (`DISCLOSURE_MIN_COUNT`), k = 3 by default. */
export function disclosureRuleFrom(value: string | undefined): DisclosureRule {
	if (value === undefined || value.trim() === '') return { minCount: DEFAULT_MIN_COUNT };
	const minCount = Number(value);
	if (!Number.isInteger(minCount) || minCount < 1) {
		throw new Error(`DISCLOSURE_MIN_COUNT 应为不小于 1 的整数，现为 "${value}"`);
	}
	return { minCount };
}

/** The rule in words, for every published page. */
export function disclosureRuleText(rule: DisclosureRule): string {
	if (rule.minCount <= 1) return '本报告公布全部计数，未做小数抑制。';
	const k = rule.minCount;
	return (
		`为保护企业信息，涉及企业少于${k}家（含0家）的计数显示为“<${k}”，由其算出的比率不予公布；` +
		`为防止由合计数反推，同一列中另有计数隐去，显示为“×”。`
	);
}

/** A hidden or shown count as the page prints it. */
export function disclosedText(cell: Disclosed, rule: DisclosureRule, unit = ''): string {
	if (cell.kind === 'primary') return `<${rule.minCount}${unit}`;
	if (cell.kind === 'secondary') return '×';
	return `${cell.value}${unit}`;
}

export interface Range {
	lo: number;
	hi: number;
}

/** What a reader knows of a count from how it is published. */
function publishedRange(value: number, state: CellState, k: number): Range {
	if (state === 'primary') return { lo: 0, hi: k - 1 };
	if (state === 'secondary') return { lo: k, hi: Infinity };
	return { lo: value, hi: value };
}

/**
 * Every value a reader can give each count of a list, knowing the total as published: exact
 * for one sum (the ranges of independent whole numbers add up without gaps).
 */
export function readerRanges(
	values: readonly number[],
	states: readonly CellState[],
	total: { value: number; state: CellState },
	rule: DisclosureRule
): Range[] {
	const k = rule.minCount;
	const own = values.map((v, i) => publishedRange(v, states[i] ?? 'shown', k));
	const sum = publishedRange(total.value, total.state, k);
	const lowSum = own.reduce((s, r) => s + r.lo, 0);
	const highs = own.filter((r) => r.hi === Infinity).length;
	const finiteHighSum = own.reduce((s, r) => (r.hi === Infinity ? s : s + r.hi), 0);
	return own.map((r) => {
		const othersLo = lowSum - r.lo;
		const othersUnbounded = highs - (r.hi === Infinity ? 1 : 0) > 0;
		const othersHi = othersUnbounded ? Infinity : finiteHighSum - (r.hi === Infinity ? 0 : r.hi);
		return {
			lo: Math.max(r.lo, sum.lo - othersHi),
			hi: Math.min(r.hi, sum.hi - othersLo)
		};
	});
}

/**
 * Which counts of a list to hide, its total included: every count under k; then, while some
 * primary count can be pinned to one value, the smallest count still shown; the total last.
 * `hideTotal` starts with the total hidden (it is hidden in a table that shares it).
 */
export function suppressList(
	values: readonly number[],
	rule: DisclosureRule,
	hideTotal = false
): { states: CellState[]; total: CellState } {
	const k = rule.minCount;
	const totalValue = values.reduce((s, v) => s + v, 0);
	if (k <= 1) return { states: values.map(() => 'shown'), total: 'shown' };
	const states: CellState[] = values.map((v) => (v < k ? 'primary' : 'shown'));
	let total: CellState = totalValue < k ? 'primary' : hideTotal ? 'secondary' : 'shown';
	for (;;) {
		const ranges = readerRanges(values, states, { value: totalValue, state: total }, rule);
		const pinned = states.some((s, i) => s === 'primary' && ranges[i]?.lo === ranges[i]?.hi);
		if (!pinned) return { states, total };
		let next = -1;
		states.forEach((s, i) => {
			if (s === 'shown' && (next < 0 || (values[i] ?? 0) < (values[next] ?? 0))) next = i;
		});
		if (next >= 0) states[next] = 'secondary';
		else if (total === 'shown') total = 'secondary';
		else return { states, total };
	}
}

function disclosed(value: number, state: CellState): Disclosed {
	return state === 'shown' ? { kind: 'shown', value } : { kind: state };
}

/** One list of counts and its total (e.g. declarations by 盟市 and 全区), after disclosure control. */
export function discloseList(
	values: readonly number[],
	rule: DisclosureRule,
	hideTotal = false
): { items: Disclosed[]; total: Disclosed } {
	const { states, total } = suppressList(values, rule, hideTotal);
	return {
		items: values.map((v, i) => disclosed(v, states[i] ?? 'shown')),
		total: disclosed(
			values.reduce((s, v) => s + v, 0),
			total
		)
	};
}

/**
 * Lists that break the same total down in different ways (by 盟市 and by 行业), published
 * without a cross-tabulation: each is controlled on its own, and the shared total is hidden in
 * all of them as soon as one needs it hidden. Lists whose sum differs are not sharing it.
 */
export function discloseSharedTotal(
	lists: readonly (readonly number[])[],
	rule: DisclosureRule
): { items: Disclosed[]; total: Disclosed }[] {
	const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);
	const first = lists[0] ? sum(lists[0]) : 0;
	const shared = (values: readonly number[]) => sum(values) === first;
	const once = lists.map((values) => discloseList(values, rule));
	const hide = once.some((list, i) => shared(lists[i] ?? []) && list.total.kind === 'secondary');
	if (!hide) return once;
	return lists.map((values) => discloseList(values, rule, shared(values)));
}

/** A single count published on its own (no published sum links it to others). */
export function discloseCount(value: number, rule: DisclosureRule): Disclosed {
	return rule.minCount > 1 && value < rule.minCount
		? { kind: 'primary' }
		: { kind: 'shown', value };
}
