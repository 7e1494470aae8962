/**
 * Charts in each appearance (src/lib/appearance.svelte.ts). The option builders in this folder
 * draw for the light page; for the others Chart.svelte draws `themedOption(option, appearance)`
 * with `chartTheme(appearance)` as ECharts' theme:
 * - the theme gives the texts, axes, grid lines and tooltip the page's colours;
 * - themedOption swaps the builders' own colours (tiers, reference and no-data greys, white cell
 *   borders) for the mode's, and in 投影 enlarges type and thickens lines.
 * The sequential blues of rates and levels (the rate blue is one of them) stay as they are in
 * every mode: light means low, and swapping one would break their order.
 * Pure functions: the light option is returned as it is.
 */
import type { Appearance } from '../appearance.svelte';
import { TIER_COLORS, TIER_COLORS_BY_APPEARANCE } from '../theme';
import { NO_DATA_GREY, REFERENCE_GREY } from './common';

interface Palette {
	text: string;
	axis: string;
	split: string;
	paper: string;
	/** Builder colour (lower case) → this mode's. */
	colors: Readonly<Record<string, string>>;
	/** Font sizes and line widths, times. */
	fontScale: number;
	lineScale: number;
	/** The grid's right margin, times: room for the larger value labels right of the bars. */
	marginScale: number;
}

const tierSwaps = (appearance: Appearance) =>
	Object.fromEntries(
		Object.entries(TIER_COLORS).map(([key, color]) => [
			color.toLowerCase(),
			TIER_COLORS_BY_APPEARANCE[appearance][key as keyof typeof TIER_COLORS]
		])
	);

export const CHART_PALETTES: Readonly<Record<Appearance, Palette>> = {
	light: {
		text: '#1d2733',
		axis: '#6e7079',
		split: '#e0e6f1',
		paper: '#ffffff',
		colors: {},
		fontScale: 1,
		lineScale: 1,
		marginScale: 1
	},
	dark: {
		text: '#e3e8ee',
		axis: '#8b96a3',
		split: '#333d49',
		paper: '#1b2129',
		colors: {
			...tierSwaps('dark'),
			[REFERENCE_GREY.toLowerCase()]: '#b3bcc7',
			[NO_DATA_GREY.toLowerCase()]: '#48525e',
			'#ffffff': '#1b2129',
			'#fff': '#1b2129',
			// Map labels: light text with the (now dark) halo.
			'#1f1f1f': '#f0f3f6'
		},
		fontScale: 1,
		lineScale: 1,
		marginScale: 1
	},
	projector: {
		text: '#000000',
		axis: '#262626',
		split: '#b3b3b3',
		paper: '#ffffff',
		colors: {
			...tierSwaps('projector'),
			[REFERENCE_GREY.toLowerCase()]: '#262626'
		},
		fontScale: 1.3,
		lineScale: 1.5,
		marginScale: 2.5
	}
};

/**
 * ECharts' theme for an appearance: the page's text, axis, grid-line and tooltip colours. The
 * light mode keeps ECharts' default theme, as the build-time SVG pictures are drawn.
 */
export function chartTheme(appearance: Appearance): string | Record<string, unknown> {
	if (appearance === 'light') return 'default';
	const p = CHART_PALETTES[appearance];
	const fontSize = Math.round(12 * p.fontScale);
	const axis = {
		axisLine: { lineStyle: { color: p.axis, width: p.lineScale } },
		axisTick: { lineStyle: { color: p.axis, width: p.lineScale } },
		axisLabel: { color: p.text, fontSize },
		nameTextStyle: { color: p.text },
		splitLine: { lineStyle: { color: [p.split], width: p.lineScale } }
	};
	return {
		// ECharts picks label strokes and automatic text colours for a dark background.
		darkMode: appearance === 'dark',
		backgroundColor: 'transparent',
		textStyle: { color: p.text, fontSize },
		legend: { textStyle: { color: p.text }, inactiveColor: p.axis },
		tooltip: {
			backgroundColor: p.paper,
			borderColor: p.axis,
			textStyle: { color: p.text, fontSize }
		},
		visualMap: { textStyle: { color: p.text } },
		categoryAxis: axis,
		valueAxis: axis,
		line: { lineStyle: { width: 2 * p.lineScale }, symbolSize: 4 * p.lineScale }
	};
}

/** A builder's colour as drawn in `appearance` (tiers, greys and white swapped; blues kept). */
export function chartColor(color: string, appearance: Appearance): string {
	return CHART_PALETTES[appearance].colors[color.toLowerCase()] ?? color;
}

const themed = new WeakMap<object, Partial<Record<Appearance, object>>>();

/**
 * The option as drawn in `appearance`: the same object in the light mode; otherwise a copy with
 * the builders' colours swapped, and in 投影 font sizes and line widths scaled. Formatters and
 * other functions are kept as they are. The same copy for the same option (memoised).
 */
export function themedOption<T extends object>(option: T, appearance: Appearance): T {
	if (appearance === 'light') return option;
	const known = themed.get(option) ?? {};
	const cached = known[appearance];
	if (cached) return cached as T;
	const p = CHART_PALETTES[appearance];
	const walk = (value: unknown, key: string, parent: string): unknown => {
		if (typeof value === 'string') return p.colors[value.toLowerCase()] ?? value;
		if (typeof value === 'number') {
			if (key === 'fontSize') return Math.round(value * p.fontScale);
			if (key === 'width' && parent === 'lineStyle') return value * p.lineScale;
			if (key === 'right' && parent === 'grid') return Math.round(value * p.marginScale);
			return value;
		}
		if (Array.isArray(value)) return value.map((item) => walk(item, key, parent));
		if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
			return Object.fromEntries(
				Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v, k, key)])
			);
		return value;
	};
	const result = walk(option, '', '') as T;
	themed.set(option, { ...known, [appearance]: result });
	return result;
}
