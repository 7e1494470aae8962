/**
 * Bytes → text. Excel/WPS on Chinese Windows save CSV as GBK; others as UTF-8 with or without
 * a BOM. Strict UTF-8 first (a GBK file is almost never valid UTF-8), then GB18030, a superset
 * of GBK. Both decoders exist in Chromium and in Node with full ICU.
 */
export type DetectedEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'GB18030/GBK';

export interface DecodedText {
	text: string;
	encoding: DetectedEncoding;
}

/** The length of a UTF-8 byte order mark. */
export const UTF8_BOM_BYTES = 3;

export function hasUtf8Bom(bytes: Uint8Array): boolean {
	return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
	const hasBom = hasUtf8Bom(bytes);
	const body = hasBom ? bytes.subarray(UTF8_BOM_BYTES) : bytes;
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
		return { text, encoding: hasBom ? 'UTF-8 (BOM)' : 'UTF-8' };
	} catch {
		return { text: new TextDecoder('gb18030').decode(body), encoding: 'GB18030/GBK' };
	}
}
