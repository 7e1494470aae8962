/**
 * The read of the kept cube that app.html's head script starts before the app's modules load.
 * On a reload with data kept, opening IndexedDB and reading the record and the cube's bytes
 * took ~130 ms after the page had mounted, most of it waiting behind the page's own start-up:
 * begun from the head, it runs while the modules load and the page hydrates (docs/cube.md).
 *
 * The head script only reads (one transaction: the record and the cube's entry, then the cube's
 * bytes); every check stays in store.ts. It reads only when the page is marked as keeping data
 * (local-mark.ts), and the first page to look for the kept cube takes the read (cube-source);
 * the layout drops it on any other page. Pure but for the window it takes the read from.
 */

/** idb-keyval's default database and store, which store.ts keeps everything in. */
export const DB_NAME = 'keyval-store';
export const STORE_NAME = 'keyval';
/**
 * The keys of the kept files' record and of the cube made from them (store.ts): its core, which
 * the head script reads, and its detail, read when a page needs it.
 */
export const KEY_DATASET = 'imau-smart-factory/dataset-v2';
export const KEY_CUBE = 'imau-smart-factory/cube';
export const KEY_CUBE_DETAIL = 'imau-smart-factory/cube-detail';

/** The values under the two first keys as the head script found them, and the core's bytes. */
export interface EarlyRead {
	dataset: unknown;
	cube: unknown;
	/** The bytes of the cube core entry's blob; null when it has none, or they could not be read. */
	cubeBytes: ArrayBuffer | null;
}

declare global {
	interface Window {
		/** Set by app.html's head script; null when its read failed (the store reads again). */
		__earlyStoreRead?: Promise<EarlyRead | null>;
	}
}

/**
 * The head script's read, for the first caller only (later reads go to the store: the data
 * may have changed since); null when none was started.
 */
export function takeEarlyRead(): Promise<EarlyRead | null> | null {
	if (typeof window === 'undefined') return null;
	const read = window.__earlyStoreRead ?? null;
	delete window.__earlyStoreRead;
	return read;
}
