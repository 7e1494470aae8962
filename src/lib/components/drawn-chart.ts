/**
 * What DrawnChart.svelte gives its marks (BarMarks, LineMarks): the appearance's colours and
 * sizes, and the events a mark reports (hover for the tooltip, pick for the menu). Also the
 * chart's picture for a PNG export. DOM-free but for `svgPicture`.
 */
import type { Appearance } from '$lib/appearance.svelte';
import { FONT_SIZE } from '$lib/charts/drawn';
import { CHART_PALETTES, chartColor } from '$lib/charts/theme';
import { REFERENCE_GREY } from '$lib/charts/common';

export interface MarkStyle {
	fontSize: number;
	lineScale: number;
	text: string;
	/** Grid lines. */
	split: string;
	reference: string;
	paper: string;
	/** A builder's colour as drawn in this appearance. */
	color: (color: string) => string;
}

export interface MarkEvents {
	/** Whether a mark can be picked (the chart has a select or drill action). */
	interactive: boolean;
	/** The pointer is over a mark showing `detail` (null: over none). */
	hover: (detail: string[] | null, event?: PointerEvent) => void;
	/** A mark was clicked or activated with the keyboard. */
	pick: (name: string, event: MouseEvent | KeyboardEvent) => void;
}

/** The events of a chart nobody points at (a printed report's). */
export const STILL: MarkEvents = { interactive: false, hover: () => {}, pick: () => {} };

/** The charts' type: the CJK faces the machines have, as ECharts' charts and the PNG captions. */
export const CHART_FONT =
	"'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export function markStyle(appearance: Appearance): MarkStyle {
	const palette = CHART_PALETTES[appearance];
	return {
		fontSize: Math.round(FONT_SIZE * palette.fontScale),
		lineScale: palette.lineScale,
		text: palette.text,
		split: palette.split,
		reference: chartColor(REFERENCE_GREY, appearance),
		paper: palette.paper,
		color: (color) => chartColor(color, appearance)
	};
}

/** The drawn chart as an SVG `data:` URL at `scale` times its size (for a PNG export). */
export function svgPicture(svg: SVGSVGElement, scale: number): string {
	const copy = svg.cloneNode(true) as SVGSVGElement;
	copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	copy.setAttribute('width', String(Number(svg.getAttribute('width')) * scale));
	copy.setAttribute('height', String(Number(svg.getAttribute('height')) * scale));
	copy.removeAttribute('style');
	return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
}
