/**
 * Loaded data survives a reload: the sanitised source files (identifying columns already
 * dropped) are kept in IndexedDB with a SHA-256 checksum; a store that fails the check is
 * reported as damaged, never shown as numbers.
 */
import { del, get, set } from 'idb-keyval';

const KEY = 'imau-smart-factory/dataset-v1';

export interface StoredFile {
	name: string;
	text: string;
	/** The encoding the file arrived in (it is stored as UTF-8 text). */
	encoding: string;
}

export interface StoredDataset {
	version: 1;
	savedAt: string;
	files: StoredFile[];
	dropIdentifyingColumns: string[];
	checksum: string;
}

export class DamagedStoreError extends Error {
	constructor(reason: string) {
		super(`本地保存的数据已损坏（${reason}），请清除本地数据后重新导入。`);
		this.name = 'DamagedStoreError';
	}
}

async function checksumOf(files: StoredFile[], drop: string[]): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify([files, drop]));
	const digest = await crypto.subtle.digest('SHA-256', bytes);
	return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function saveDataset(files: StoredFile[], dropIdentifyingColumns: string[]): Promise<void> {
	const dataset: StoredDataset = {
		version: 1,
		savedAt: new Date().toISOString(),
		files,
		dropIdentifyingColumns,
		checksum: await checksumOf(files, dropIdentifyingColumns)
	};
	await set(KEY, dataset);
}

/** The stored dataset, null when nothing is stored; throws DamagedStoreError when it fails the check. */
export async function loadDataset(): Promise<StoredDataset | null> {
	const value: unknown = await get(KEY);
	if (value === undefined) return null;
	const dataset = value as Partial<StoredDataset>;
	if (
		typeof dataset !== 'object' ||
		dataset === null ||
		dataset.version !== 1 ||
		!Array.isArray(dataset.files) ||
		!Array.isArray(dataset.dropIdentifyingColumns) ||
		typeof dataset.checksum !== 'string' ||
		!dataset.files.every((f) => typeof f?.name === 'string' && typeof f?.text === 'string')
	) {
		throw new DamagedStoreError('格式不符');
	}
	const expected = await checksumOf(dataset.files, dataset.dropIdentifyingColumns);
	if (expected !== dataset.checksum) throw new DamagedStoreError('校验和不符');
	return dataset as StoredDataset;
}

export async function clearDataset(): Promise<void> {
	await del(KEY);
}
