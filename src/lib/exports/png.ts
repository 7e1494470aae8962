/**
 * A chart's picture with its caption drawn in (issue #22): the title and the filters above, the
 * data's date and source below, on white — so a PNG pasted into a document still says what it
 * shows. DOM only (a canvas); the words come from `chartCaption` (table-export.ts).
 */
import type { ChartCaption } from './table-export';

const FONT =
	'"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Lines of `text` no wider than `width` (Chinese breaks anywhere; that is enough here). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const ch of text) {
		if (line && context.measureText(line + ch).width > width) {
			lines.push(line);
			line = ch;
		} else line += ch;
	}
	if (line) lines.push(line);
	return lines;
}

/** The chart's PNG (a `data:` URL at `scale` pixels a CSS pixel) with its caption around it. */
export async function captionedPng(
	chartUrl: string,
	caption: ChartCaption,
	scale: number
): Promise<string> {
	const image = new Image();
	image.src = chartUrl;
	await image.decode();
	const pad = 16 * scale;
	const titleSize = 18 * scale;
	const textSize = 12 * scale;
	const lineHeight = 1.5;
	const width = Math.max(image.naturalWidth, 480 * scale);
	const canvas = document.createElement('canvas');
	const context = canvas.getContext('2d');
	if (!context) return chartUrl;
	const textWidth = width - 2 * pad;
	context.font = `${textSize}px ${FONT}`;
	const above = caption.above.flatMap((t) => wrap(context, t, textWidth));
	const below = caption.below.flatMap((t) => wrap(context, t, textWidth));
	context.font = `bold ${titleSize}px ${FONT}`;
	const title = wrap(context, caption.title, textWidth);
	const headHeight =
		pad + title.length * titleSize * lineHeight + above.length * textSize * lineHeight;
	const footHeight = below.length * textSize * lineHeight + pad;
	canvas.width = width;
	canvas.height = Math.ceil(headHeight + image.naturalHeight + footHeight);
	context.fillStyle = '#fff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.textBaseline = 'top';
	let y = pad;
	context.fillStyle = '#1a1a1a';
	context.font = `bold ${titleSize}px ${FONT}`;
	for (const line of title) {
		context.fillText(line, pad, y);
		y += titleSize * lineHeight;
	}
	context.fillStyle = '#444';
	context.font = `${textSize}px ${FONT}`;
	for (const line of above) {
		context.fillText(line, pad, y);
		y += textSize * lineHeight;
	}
	context.drawImage(image, Math.round((width - image.naturalWidth) / 2), Math.round(headHeight));
	y = headHeight + image.naturalHeight;
	context.fillStyle = '#555';
	for (const line of below) {
		context.fillText(line, pad, y);
		y += textSize * lineHeight;
	}
	return canvas.toDataURL('image/png');
}
