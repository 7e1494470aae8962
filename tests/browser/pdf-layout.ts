/**
 * What a printed page holds, read back from the PDF with pdf.js (no canvas): its text, where
 * each text item sits, and how far down the page its content reaches.
 *
 * "Fullness" of a page is how far down the page's body (inside the @page margins) the lowest
 * painted thing reaches: the lowest of
 *   - every non-blank text item (its baseline, less a quarter of its size for descenders), and
 *   - every filled or stroked path (table rules and cell shading, the charts' SVG shapes): its
 *     bounding box through the current transformation matrix, followed through the operator
 *     list (save/restore/transform, form XObjects), skipping clipping-only paths, paths
 *     painted white (white on white is nothing a reader sees) and backgrounds: a path covering
 *     the whole body (Chromium paints the page's background colour as one, each page).
 *     Without the last two, every page would read as full.
 * Anything in the margins — the "第 n 页，共 N 页" footer — is left out. Content flows from
 * the top of the body, so the lowest ink is where the page's content stops: 1 is a full page,
 * 0.5 a page half empty. A total of ink areas would read a sparse but full page (a chart's
 * white space, a table's padding) as empty; the lowest extent does not.
 */
import { getDocument, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The CJK fonts draw some characters with glyphs that pdf.js reads back as CJK Radicals
 * Supplement code points (页 as ⻚), which NFKC does not fold: the simplified ones, folded here.
 */
const RADICALS: Record<string, string> = {
	'\u2e9f': '母',
	'\u2ea0': '民',
	'\u2ec5': '见',
	'\u2ec8': '讠',
	'\u2ec9': '贝',
	'\u2ecb': '车',
	'\u2ed0': '钅',
	'\u2ed3': '长',
	'\u2ed4': '门',
	'\u2ed8': '青',
	'\u2eda': '页',
	'\u2edb': '风',
	'\u2edc': '飞',
	'\u2edd': '食',
	'\u2ee2': '马',
	'\u2ee3': '骨',
	'\u2ee4': '鬼',
	'\u2ee5': '鱼',
	'\u2ee6': '鸟',
	'\u2ee8': '麦',
	'\u2ee9': '黄',
	'\u2eec': '齐',
	'\u2eee': '齿',
	'\u2ef0': '龙',
	'\u2ef3': '龟'
};

/** Text as read from the PDF and as the page has it, comparable: NFKC, radicals folded. */
export function foldText(text: string): string {
	return text.normalize('NFKC').replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c);
}

/**
 * Other glyphs come back as a variant elsewhere (胶 as 㬵, CJK Extension A): a character of the
 * PDF's text in the radical, Extension A or compatibility blocks matches any CJK character.
 */
const VARIANT = /[\u2e80-\u2fff\u3400-\u4dbf\uf900-\ufaff]/;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function sameAt(pdfText: string, text: string, at: number): boolean {
	for (let i = 0; i < text.length; i++) {
		const a = pdfText[at + i];
		const b = text[i]!;
		if (a === undefined) return false;
		if (a !== b && !(VARIANT.test(a) && CJK.test(b))) return false;
	}
	return true;
}

/** Whether the PDF's (folded) text holds `text`, a variant glyph matching any CJK character. */
export function pdfIncludes(pdfText: string, text: string): boolean {
	for (let at = 0; at + text.length <= pdfText.length; at++)
		if (sameAt(pdfText, text, at)) return true;
	return false;
}

/** Whether the PDF's (folded) text starts with `text`, as pdfIncludes matches. */
export function pdfStartsWith(pdfText: string, text: string): boolean {
	return sameAt(pdfText, text, 0);
}

/** The report's @page box (src/app.css): A4, margins 15 mm top, 18 mm bottom. */
export const PAGE_MM = { height: 297, top: 15, bottom: 18 };
const PT_PER_MM = 72 / 25.4;

export interface PdfTextItem {
	text: string;
	/** Top of the glyphs and the baseline, in points from the top of the page. */
	top: number;
	bottom: number;
}

export interface PdfPage {
	/** The page's text in drawing order, folded (foldText). */
	text: string;
	items: PdfTextItem[];
	/** Runs of items drawn one after another on the same line, joined (pdf.js splits a line by font and glyph runs). */
	lines: PdfTextItem[];
	/** Where the body's content stops, in points from the top of the page (null: nothing). */
	inkBottom: number | null;
	/** 0…1: how far down the body the content reaches (see above). */
	fullness: number;
	/** The body, in points from the top of the page. */
	body: { top: number; bottom: number };
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 then m2 (PDF's row-vector convention: [x y 1] · m1 · m2). */
function multiply(m1: Matrix, m2: Matrix): Matrix {
	return [
		m1[0] * m2[0] + m1[1] * m2[2],
		m1[0] * m2[1] + m1[1] * m2[3],
		m1[2] * m2[0] + m1[3] * m2[2],
		m1[2] * m2[1] + m1[3] * m2[3],
		m1[4] * m2[0] + m1[5] * m2[2] + m2[4],
		m1[4] * m2[1] + m1[5] * m2[3] + m2[5]
	];
}

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
const BOTH = new Set<number>([
	OPS.fillStroke,
	OPS.eoFillStroke,
	OPS.closeFillStroke,
	OPS.closeEOFillStroke
]);
const IMAGES = new Set<number>([
	OPS.paintImageXObject,
	OPS.paintInlineImageXObject,
	OPS.paintImageMaskXObject,
	OPS.paintSolidColorImageMask
]);
const isWhite = (colour: string) => /^#f{6}$/i.test(colour);

/** A painted box, PDF user space (y up). */
interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

/** A box under a matrix, as the box around its corners. */
function transformBox(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
	const corners = [
		[x0, y0],
		[x0, y1],
		[x1, y0],
		[x1, y1]
	].map(([x, y]) => [m[0] * x! + m[2] * y! + m[4], m[1] * x! + m[3] * y! + m[5]] as const);
	const xs = corners.map((c) => c[0]);
	const ys = corners.map((c) => c[1]);
	return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Every path or image painted in a colour other than white, as its box. */
async function paintedBoxes(page: PDFPageProxy): Promise<Box[]> {
	const list = await page.getOperatorList();
	const boxes: Box[] = [];
	let state = { m: IDENTITY, fill: '#000000', stroke: '#000000' };
	const stack: (typeof state)[] = [];
	list.fnArray.forEach((fn, i) => {
		const args = list.argsArray[i] as unknown[];
		if (fn === OPS.save) stack.push(state);
		else if (fn === OPS.restore) state = stack.pop() ?? state;
		else if (fn === OPS.transform)
			state = { ...state, m: multiply(args as unknown as Matrix, state.m) };
		else if (fn === OPS.paintFormXObjectBegin) {
			stack.push(state);
			const matrix = args[0] as Matrix | null;
			if (matrix) state = { ...state, m: multiply([...matrix] as Matrix, state.m) };
		} else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
		else if (fn === OPS.setFillRGBColor) state = { ...state, fill: String(args[0]) };
		else if (fn === OPS.setStrokeRGBColor) state = { ...state, stroke: String(args[0]) };
		else if (fn === OPS.constructPath) {
			const paint = args[0] as number;
			const box = args[2] as ArrayLike<number> | null;
			if (!box || ![...Array.from(box)].every(Number.isFinite)) return;
			const seen =
				(STROKES.has(paint) && !isWhite(state.stroke)) ||
				(FILLS.has(paint) && !isWhite(state.fill)) ||
				(BOTH.has(paint) && !(isWhite(state.fill) && isWhite(state.stroke)));
			if (seen) boxes.push(transformBox(state.m, box[0]!, box[1]!, box[2]!, box[3]!));
		} else if (IMAGES.has(fn)) boxes.push(transformBox(state.m, 0, 0, 1, 1));
	});
	return boxes;
}

/** Every page of a PDF: text, text positions and fullness. */
export async function readPdf(pdf: Uint8Array): Promise<PdfPage[]> {
	const doc = await getDocument({ data: pdf }).promise;
	const pages: PdfPage[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const height = page.view[3]! - page.view[1]!;
		const body = {
			top: PAGE_MM.top * PT_PER_MM,
			bottom: (PAGE_MM.height - PAGE_MM.bottom) * PT_PER_MM
		};
		// The page's own height in mm should be A4's; the body is measured from its top.
		const scale = height / (PAGE_MM.height * PT_PER_MM);
		body.top *= scale;
		body.bottom *= scale;

		const content = await page.getTextContent();
		const items: PdfTextItem[] = [];
		let text = '';
		for (const item of content.items) {
			if (!('str' in item)) continue;
			text += item.str;
			if (item.str.trim() === '') continue;
			const baseline = height - item.transform[5];
			const size = item.height || Math.abs(item.transform[3]);
			items.push({
				text: foldText(item.str),
				top: baseline - size,
				bottom: baseline + size / 4
			});
		}
		const lines: PdfTextItem[] = [];
		for (const item of items) {
			const last = lines.at(-1);
			if (last && Math.abs(last.top - item.top) < 0.5 && Math.abs(last.bottom - item.bottom) < 0.5)
				last.text += item.text;
			else lines.push({ ...item });
		}
		const width = page.view[2]! - page.view[0]!;
		const bodyHeight = body.bottom - body.top;
		const fromTop = (await paintedBoxes(page))
			.filter((b) => !(b.x1 - b.x0 > width * 0.8 && b.y1 - b.y0 > bodyHeight * 0.95))
			.map((b) => height - b.y0);
		const lows = [...items.map((i) => i.bottom), ...fromTop].filter(
			(y) => y > body.top && y <= body.bottom + 1
		);
		const inkBottom = lows.length > 0 ? Math.max(...lows) : null;
		pages.push({
			text: foldText(text),
			items,
			lines,
			inkBottom,
			fullness:
				inkBottom === null
					? 0
					: Math.min(1, Math.max(0, (inkBottom - body.top) / (body.bottom - body.top))),
			body
		});
	}
	return pages;
}
