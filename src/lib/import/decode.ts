/**
 * Bytes → text. Files come as UTF-8 (with or without BOM), GBK/GB18030 (Excel and WPS on
 * Chinese Windows) or UTF-16 (Excel's "Unicode 文本" has a BOM; some tools write none). A BOM
 * decides; without one, UTF-16 when its zero bytes say so (`utf16Order`: no UTF-8 or GBK text has
 * them), then strict UTF-8 (a GBK file is almost never valid UTF-8), then GB18030, a superset
 * of GBK. Both decoders exist in Chromium and in Node with full ICU.
 *
 * A byte that cannot be decoded is never passed on silently: it becomes U+FFFD at a known place
 * (`undecodable`, with its byte offset), and the row holding it is rejected (read-file.ts). A
 * file that is not valid UTF-8 is read as UTF-8 with such bytes when it is mostly UTF-8 (more
 * valid multi-byte sequences than invalid ones: a stray byte in a UTF-8 file), else as GB18030
 * (whole, when it decodes so; else with its own undecodable bytes).
 */
export type DetectedEncoding =
	| 'UTF-8'
	| 'UTF-8 (BOM)'
	| 'GB18030/GBK'
	| 'UTF-16LE (BOM)'
	| 'UTF-16BE (BOM)'
	| 'UTF-16LE'
	| 'UTF-16BE'
	/** Read as a workbook: its first sheet, written as CSV (xlsx-read.ts). */
	| 'Excel 工作簿（.xlsx）'
	/** Not decoded: the file is a workbook that cannot be read, not text (read-file.ts). */
	| '—';

/** A byte sequence that could not be decoded: where it is in the file and in the text. */
export interface UndecodableBytes {
	/** Offset of its first byte in the file (0-based, BOM included). */
	byteOffset: number;
	/** Its bytes in hexadecimal, e.g. "FF" or "E4 B8". */
	hex: string;
	/** Offset of the U+FFFD that stands for it in the text. */
	textOffset: number;
}

export interface DecodedText {
	text: string;
	encoding: DetectedEncoding;
	/** Bytes that could not be decoded, in file order (empty for a clean file). */
	undecodable: UndecodableBytes[];
}

/** The length of a UTF-8 byte order mark. */
export const UTF8_BOM_BYTES = 3;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
	return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Whether text decoded as `encoding` is the file's bytes from `storedFrom` on, unchanged. */
export function isUtf8(encoding: DetectedEncoding): boolean {
	return encoding === 'UTF-8' || encoding === 'UTF-8 (BOM)';
}

/** How many bytes `utf16Order` looks at. */
const UTF16_SAMPLE_BYTES = 4096;

/**
 * The byte order of UTF-16 text without a BOM, or null when the bytes are not that. A CSV holds
 * ASCII (separators, line breaks, digits, codes), each a unit with one zero byte: the high byte,
 * second in little-endian, first in big-endian. UTF-8 and GBK text has no zero byte at all
 * (a NUL a clerk's tool let slip is one, not a tenth of the units, all on one side).
 */
export function utf16Order(bytes: Uint8Array): 'le' | 'be' | null {
	const units = Math.floor(Math.min(bytes.length, UTF16_SAMPLE_BYTES) / 2);
	if (units < 2) return null;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let u = 0; u < units; u++) {
		if (bytes[2 * u] === 0) evenZeros += 1;
		if (bytes[2 * u + 1] === 0) oddZeros += 1;
	}
	// A tenth of the units with their zero on one side, hardly any on the other.
	if (oddZeros >= units / 10 && evenZeros <= oddZeros / 20) return 'le';
	if (evenZeros >= units / 10 && oddZeros <= evenZeros / 20) return 'be';
	return null;
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'le', 2);
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'be', 2);
	const order = utf16Order(bytes);
	if (order) return decodeUtf16(bytes, order, 0);
	const hasBom = hasUtf8Bom(bytes);
	const base = hasBom ? UTF8_BOM_BYTES : 0;
	const body = bytes.subarray(base);
	const utf8: DetectedEncoding = hasBom ? 'UTF-8 (BOM)' : 'UTF-8';
	try {
		return {
			text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
			encoding: utf8,
			undecodable: []
		};
	} catch {
		// Not valid UTF-8: see which it is more like.
	}
	if (hasBom || mostlyUtf8(body)) return decodeWithErrors(body, base, utf8, 'utf-8', utf8Step);
	try {
		const text = new TextDecoder('gb18030', { fatal: true }).decode(body);
		return { text, encoding: 'GB18030/GBK', undecodable: [] };
	} catch {
		return decodeWithErrors(body, 0, 'GB18030/GBK', 'gb18030', gb18030Step);
	}
}

const hex = (bytes: Uint8Array) =>
	Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/**
 * UTF-16 from `start` (2 after a BOM, else 0); an unpaired surrogate or an odd last byte is
 * undecodable (2 bytes a unit).
 */
function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be', start: 0 | 2): DecodedText {
	const body = bytes.subarray(start);
	const label = order === 'le' ? 'utf-16le' : 'utf-16be';
	const encoding: DetectedEncoding =
		start === 2
			? order === 'le'
				? 'UTF-16LE (BOM)'
				: 'UTF-16BE (BOM)'
			: order === 'le'
				? 'UTF-16LE'
				: 'UTF-16BE';
	try {
		return {
			text: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body),
			encoding,
			undecodable: []
		};
	} catch {
		const text = new TextDecoder(label, { ignoreBOM: true }).decode(body);
		const undecodable: UndecodableBytes[] = [];
		for (let at = text.indexOf('\uFFFD'); at !== -1; at = text.indexOf('\uFFFD', at + 1)) {
			const byteOffset = start + at * 2;
			const unit = bytes.subarray(byteOffset, byteOffset + 2);
			// A U+FFFD written in the file is text, not an undecodable unit.
			const written =
				order === 'le'
					? unit[0] === 0xfd && unit[1] === 0xff
					: unit[0] === 0xff && unit[1] === 0xfd;
			if (!written) undecodable.push({ byteOffset, hex: hex(unit), textOffset: at });
		}
		return { text, encoding, undecodable };
	}
}

/**
 * The length of the valid sequence at `i` (positive), or of the undecodable bytes there
 * (negative: the bytes a decoder gives one U+FFFD for, at least one).
 */
type Step = (bytes: Uint8Array, i: number) => number;

/** UTF-8 as the WHATWG decoder reads it (shortest forms, no surrogates, up to U+10FFFF). */
const utf8Step: Step = (b, i) => {
	const lead = b[i] as number;
	if (lead < 0x80) return 1;
	let need: number;
	let low = 0x80;
	let high = 0xbf;
	if (lead >= 0xc2 && lead <= 0xdf) need = 1;
	else if (lead >= 0xe0 && lead <= 0xef) {
		need = 2;
		if (lead === 0xe0) low = 0xa0;
		if (lead === 0xed) high = 0x9f;
	} else if (lead >= 0xf0 && lead <= 0xf4) {
		need = 3;
		if (lead === 0xf0) low = 0x90;
		if (lead === 0xf4) high = 0x8f;
	} else return -1;
	for (let k = 1; k <= need; k++) {
		const next = b[i + k];
		if (next === undefined || next < low || next > high) return -k;
		low = 0x80;
		high = 0xbf;
	}
	return need + 1;
};

/** GB18030 as the WHATWG decoder reads it: one, two or four bytes. */
const gb18030Step: Step = (b, i) => {
	const lead = b[i] as number;
	if (lead <= 0x80) return 1;
	if (lead === 0xff) return -1;
	const second = b[i + 1];
	if (second === undefined) return -1;
	if (second >= 0x30 && second <= 0x39) {
		const third = b[i + 2];
		const fourth = b[i + 3];
		if (third === undefined || third < 0x81 || third > 0xfe) return -1;
		if (fourth === undefined || fourth < 0x30 || fourth > 0x39) return -1;
		const pointer =
			((lead - 0x81) * 10 + (second - 0x30)) * 1260 + (third - 0x81) * 10 + (fourth - 0x30);
		return pointer <= 39419 || (pointer >= 189000 && pointer <= 1237575) ? 4 : -4;
	}
	if ((second >= 0x40 && second <= 0x7e) || (second >= 0x80 && second <= 0xfe)) return 2;
	return -1;
};

/** Whether a text that is not valid UTF-8 has more valid multi-byte UTF-8 sequences than invalid ones. */
function mostlyUtf8(bytes: Uint8Array): boolean {
	let valid = 0;
	let invalid = 0;
	for (let i = 0; i < bytes.length;) {
		if ((bytes[i] as number) < 0x80) {
			i++;
			continue;
		}
		const step = utf8Step(bytes, i);
		if (step > 0) valid++;
		else invalid++;
		i += Math.abs(step);
	}
	return valid > invalid;
}

/**
 * Text with one U+FFFD for each undecodable sequence, found by `step`; every run between them
 * decoded strictly (so the text holds no U+FFFD that is not listed, unless written in the file).
 */
function decodeWithErrors(
	body: Uint8Array,
	base: number,
	encoding: DetectedEncoding,
	label: string,
	step: Step
): DecodedText {
	const strict = new TextDecoder(label, { fatal: true, ignoreBOM: true });
	const lenient = new TextDecoder(label, { ignoreBOM: true });
	const pieces: string[] = [];
	const undecodable: UndecodableBytes[] = [];
	let textLength = 0;
	let runStart = 0;
	const flush = (end: number) => {
		if (end === runStart) return;
		const run = body.subarray(runStart, end);
		let piece: string;
		try {
			piece = strict.decode(run);
		} catch {
			// The step missed an error the decoder found: its U+FFFD are listed at the run's start.
			piece = lenient.decode(run);
			for (let at = piece.indexOf('\uFFFD'); at !== -1; at = piece.indexOf('\uFFFD', at + 1)) {
				undecodable.push({ byteOffset: base + runStart, hex: '', textOffset: textLength + at });
			}
		}
		pieces.push(piece);
		textLength += piece.length;
	};
	for (let i = 0; i < body.length;) {
		if ((body[i] as number) < 0x80) {
			i++;
			continue;
		}
		const length = step(body, i);
		if (length > 0) {
			i += length;
			continue;
		}
		flush(i);
		undecodable.push({
			byteOffset: base + i,
			hex: hex(body.subarray(i, i - length)),
			textOffset: textLength
		});
		pieces.push('\uFFFD');
		textLength += 1;
		i -= length;
		runStart = i;
	}
	flush(body.length);
	return { text: pieces.join(''), encoding, undecodable };
}

/** A ZIP archive: an .xlsx workbook, read by xlsx-read.ts (or another archive, refused there). */
export const XLSX_KIND = 'Excel 工作簿（.xlsx）或 ZIP 压缩包';

/** What a file is when its first bytes say it is a workbook, not text (null otherwise). */
export function workbookKind(bytes: Uint8Array): string | null {
	const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
	if (starts(0x50, 0x4b, 0x03, 0x04)) return XLSX_KIND;
	if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'Excel 97–2003 工作簿（.xls）';
	return null;
}
