/**
 * Charts drawn by Svelte as SVG (issue #21): horizontal bars (plain or stacked) and a line over
 * years. ECharts lays out and repaints a whole chart on every change — most of a filter change
 * on the pages whose charts follow the filter; a model of a few dozen marks drawn by Svelte
 * updates only the attributes that changed, and is server-rendered into the page as it is
 * (docs/dashboard.md). The builders in this folder make the models; this file holds their types
 * and the geometry (axis ticks, text widths, where each mark goes). Pure.
 */
import { runsOf } from './blocks';
import { niceCeil } from './common';

/** One coloured part of a bar (a tier in a stacked bar; the only one in a plain bar). */
export interface BarSegment {
	name: string;
	value: number;
	color: string;
	/** Written inside the segment when it fits ("35.0%"). */
	label?: string;
}

export interface BarRow {
	/** What a click passes on (a 盟市's or 大类's name, as the page knows it). */
	name: string;
	/** The category as written left of the bar. */
	label: string;
	segments: BarSegment[];
	/** Written right of the bar ("22.2%（2/9家，基数小）"); null: nothing. */
	note: string | null;
	/** What the bar's figure is made of, a line each: its tooltip (first line the title). */
	detail: string[];
}

/** A value axis from 0: its end and its labelled ticks. */
export interface ValueAxis {
	max: number;
	ticks: { value: number; label: string }[];
}

/** A labelled reference value (a target): a dashed line across the plot. */
export interface Reference {
	value: number;
	label: string;
}

export interface LegendItem {
	name: string;
	color: string;
	/** How the item's line is drawn in a line chart (bars: a swatch). */
	dash?: LineDash;
}

/** Horizontal bars, one row per category, top to bottom. */
export interface BarsModel {
	/** The chart's text alternative: what it shows and its extremes, in words. */
	description: string;
	rows: BarRow[];
	axis: ValueAxis;
	legend: LegendItem[];
	reference: Reference | null;
}

export type LineDash = 'solid' | 'dashed' | 'dotted';

export interface LineSeries {
	name: string;
	color: string;
	dash: LineDash;
	/** One per category; null: no value (a gap, or skipped with `connect`). */
	values: (number | null)[];
	/** Draw a dot at each value. */
	dots: boolean;
	/** Written above (or, `labelRight`, right of) each value; null: nothing. */
	labels: (string | null)[];
	labelRight?: boolean;
	/** Join values across gaps (a projection from this year to a later one). */
	connect?: boolean;
}

/** Lines over categories (years), left to right. */
export interface LineModel {
	description: string;
	categories: string[];
	series: LineSeries[];
	axis: ValueAxis;
	legend: LegendItem[];
	reference: Reference | null;
	/** Per category, what its values are made of (its tooltip, first line the title). */
	detail: string[][];
}

/** Axis and label text size (px): readable on a projector, as the ECharts charts' labels. */
export const FONT_SIZE = 13;

/** The width (px) `text` takes at `fontSize`: CJK and full-width forms a square, others about half. */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
	let width = 0;
	for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.56;
	return Math.ceil(width * fontSize);
}

/** `text` cut to fit `width` px, with "…" where it was cut. */
export function fitText(text: string, width: number, fontSize = FONT_SIZE): string {
	if (textWidth(text, fontSize) <= width) return text;
	let cut = '';
	for (const ch of text) {
		if (textWidth(`${cut}${ch}…`, fontSize) > width) break;
		cut += ch;
	}
	return `${cut}…`;
}

/** The step (1, 2, 2.5 or 5 × 10ⁿ) that cuts 0…`max` into about `count` parts; whole with `whole`. */
function tickStep(max: number, count: number, whole: boolean): number {
	const raw = max / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
	return whole ? Math.max(1, Math.ceil(step)) : step;
}

/**
 * An axis from 0 that holds `largest`, with about five ticks at round values labelled by
 * `label`; `whole`: counts (whole ticks).
 */
export function valueAxis(
	largest: number,
	label: (value: number) => string,
	whole = false
): ValueAxis {
	const step = tickStep(niceCeil(largest), 5, whole);
	const max = Math.max(step, Math.ceil(largest / step - 1e-9) * step);
	const ticks = [];
	for (let i = 0; i * step <= max + 1e-9; i++) {
		const value = Number((i * step).toPrecision(12));
		ticks.push({ value, label: label(value) });
	}
	return { max, ticks };
}

/** Where a bar chart's parts go in a box `width` × `height` (px). */
export interface BarsLayout {
	/** The plot: x of 0 and of the axis's end, y of its top and bottom. */
	left: number;
	right: number;
	top: number;
	bottom: number;
	/** Each row's band height, and the bar's thickness within it (rows start at `top`). */
	band: number;
	bar: number;
	/** The category labels, each cut to fit the room left of the plot. */
	labels: string[];
	x: (value: number) => number;
}

const LEGEND_HEIGHT = 28;
const AXIS_HEIGHT = 22;
const GAP = 8;

export function barsLayout(
	model: BarsModel,
	width: number,
	height: number,
	fontSize = FONT_SIZE
): BarsLayout {
	const widest = (texts: string[]) => Math.max(0, ...texts.map((t) => textWidth(t, fontSize)));
	const labelRoom = Math.min(widest(model.rows.map((r) => r.label)), width * 0.3);
	const noteRoom = Math.min(
		widest(model.rows.flatMap((r) => (r.note ? [r.note] : []))),
		width * 0.35
	);
	// The axis's last tick label is centred on the plot's end: half of it must fit.
	const lastTick = model.axis.ticks.at(-1)?.label ?? '';
	const left = labelRoom + GAP + 4;
	const right = width - Math.max(noteRoom + GAP, textWidth(lastTick, fontSize) / 2 + 4);
	const top = (model.legend.length ? LEGEND_HEIGHT : 0) + (model.reference ? fontSize + 8 : 4);
	const bottom = height - AXIS_HEIGHT;
	const band = model.rows.length ? (bottom - top) / model.rows.length : 0;
	const span = Math.max(1, right - left);
	return {
		left,
		right,
		top,
		bottom,
		band,
		bar: Math.min(24, band * 0.65),
		labels: model.rows.map((r) => fitText(r.label, labelRoom, fontSize)),
		x: (value) => left + (Math.max(0, value) / model.axis.max) * span
	};
}

/** One row of a bar chart with its marks at their places. */
export interface PlacedBar {
	/** The row (its name for a click, its detail for the tooltip and accessible name). */
	row: BarRow;
	/** The row's middle. */
	y: number;
	/** The band that takes the pointer: its top and height. */
	bandTop: number;
	bandHeight: number;
	/** The category label (cut to fit), right-aligned at `labelX`. */
	label: string;
	labelX: number;
	/** The note and where it starts (right of the bar). */
	note: string | null;
	noteX: number;
	/** Its segments as path data, by colour (a zero segment draws nothing). */
	rects: { color: string; d: string }[];
	/** Labels inside segments wide enough to hold them, and the segment's colour under them. */
	labels: { x: number; y: number; text: string; fill: string }[];
}

/** Every row of `model` with its marks at their places in `layout`. */
export function placedBars(
	model: BarsModel,
	layout: BarsLayout,
	fontSize = FONT_SIZE
): PlacedBar[] {
	return model.rows.map((row, i) => {
		const y = layout.top + (i + 0.5) * layout.band;
		const top = (y - layout.bar / 2).toFixed(1);
		const rects: PlacedBar['rects'] = [];
		const labels: PlacedBar['labels'] = [];
		let sum = 0;
		for (const segment of row.segments) {
			const from = layout.x(sum);
			sum += segment.value;
			const width = layout.x(sum) - from;
			if (width <= 0) continue;
			const d = `M${from.toFixed(1)},${top}h${width.toFixed(1)}v${layout.bar.toFixed(1)}h${(-width).toFixed(1)}Z`;
			rects.push({ color: segment.color, d });
			if (segment.label && width > textWidth(segment.label, fontSize - 1) + 4)
				labels.push({ x: from + width / 2, y, text: segment.label, fill: segment.color });
		}
		return {
			row,
			y,
			bandTop: y - layout.band / 2,
			bandHeight: layout.band,
			label: layout.labels[i] ?? '',
			labelX: layout.left - 8,
			note: row.note,
			noteX: layout.x(sum) + 6,
			rects,
			labels
		};
	});
}

/**
 * The bars' rectangles as one path per colour (colours in the order they first appear): few
 * elements, so a new model changes a few attributes, not every bar's.
 */
export function barPaths(bars: readonly PlacedBar[]): { color: string; d: string }[] {
	const paths = new Map<string, string>();
	for (const bar of bars)
		for (const rect of bar.rects) paths.set(rect.color, (paths.get(rect.color) ?? '') + rect.d);
	return [...paths].map(([color, d]) => ({ color, d }));
}

/**
 * Rows in a block of a bar chart (DrawnChart): each block updates on its own while near the
 * window, so a tall chart (行业's 41 大类) redraws the rows a user can see on a filter change.
 */
export const BAR_ROWS_PER_BLOCK = 8;
/** The most blocks a bar chart is cut into (the last takes the rest). */
export const MAX_BAR_BLOCKS = 8;

/** A bar chart's rows in blocks of BAR_ROWS_PER_BLOCK. */
export function barBlocks<T>(rows: readonly T[]): T[][] {
	return runsOf(rows, BAR_ROWS_PER_BLOCK, MAX_BAR_BLOCKS);
}

/** Where a line chart's parts go in a box `width` × `height` (px). */
export interface LineLayout {
	left: number;
	right: number;
	top: number;
	bottom: number;
	x: (index: number) => number;
	y: (value: number) => number;
}

export function lineLayout(
	model: LineModel,
	width: number,
	height: number,
	fontSize = FONT_SIZE
): LineLayout {
	const widestTick = Math.max(0, ...model.axis.ticks.map((t) => textWidth(t.label, fontSize)));
	// Room on the right for a label written right of the last value ("约18.4%").
	const rightLabels = model.series.flatMap((s) => (s.labelRight ? s.labels : []));
	const rightRoom = Math.max(
		textWidth(model.categories.at(-1) ?? '', fontSize) / 2,
		...rightLabels.map((l) => (l ? textWidth(l, fontSize) + 10 : 0))
	);
	const left = Math.max(
		widestTick + GAP + 4,
		textWidth(model.categories[0] ?? '', fontSize) / 2 + 4
	);
	const right = width - rightRoom - GAP;
	// Room above for the legend and the labels over the highest values.
	const top = (model.legend.length ? LEGEND_HEIGHT : 0) + fontSize + 12;
	const bottom = height - AXIS_HEIGHT;
	const steps = Math.max(1, model.categories.length - 1);
	return {
		left,
		right,
		top,
		bottom,
		x: (index) => left + (index / steps) * (right - left),
		y: (value) => bottom - (Math.max(0, value) / model.axis.max) * (bottom - top)
	};
}

/**
 * A series' line as SVG path data: its values joined left to right, broken at gaps (joined
 * across them with `connect`).
 */
export function linePath(series: LineSeries, layout: LineLayout): string {
	let path = '';
	let joined = false;
	series.values.forEach((value, i) => {
		if (value === null) {
			if (!series.connect) joined = false;
			return;
		}
		path += `${joined ? 'L' : 'M'}${layout.x(i).toFixed(1)},${layout.y(value).toFixed(1)}`;
		joined = true;
	});
	return path;
}

/** SVG stroke-dasharray of a line style (scaled with the line's width). */
export function dashArray(dash: LineDash, width: number): string | undefined {
	if (dash === 'dashed') return `${5 * width} ${3 * width}`;
	if (dash === 'dotted') return `${width} ${2 * width}`;
	return undefined;
}

/** A legend's items in one centred row: where each item's swatch starts (px). */
export function legendLayout(
	items: readonly LegendItem[],
	width: number,
	fontSize = FONT_SIZE
): { x: number; item: LegendItem }[] {
	const SWATCH = 22;
	const widths = items.map((item) => SWATCH + 4 + textWidth(item.name, fontSize) + 16);
	let x = Math.max(0, (width - widths.reduce((s, w) => s + w, 0)) / 2);
	return items.map((item, i) => {
		const placed = { x, item };
		x += widths[i] ?? 0;
		return placed;
	});
}

/** Text that reads on a fill (#rrggbb): white on dark fills, near-black on light ones. */
export function textOn(fill: string): string {
	const hex = /^#([0-9a-f]{6})$/i.exec(fill)?.[1];
	if (!hex) return '#1d2733';
	const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
	const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	return luminance < 0.5 ? '#ffffff' : '#1d2733';
}
