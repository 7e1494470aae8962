/**
 * Loaded data survives a reload: the sanitised source files (identifying columns already
 * dropped) are kept in IndexedDB as UTF-8 Blobs with SHA-256 checksums; a store that fails the
 * check is reported as damaged, never shown as numbers.
 *
 * Version 2 keeps Blobs made by the import worker with each file's digest: IndexedDB takes a
 * Blob by reference, so the page never holds the files' bytes to save them. Version 1 (text) is
 * still read, so data kept by an earlier build survives the upgrade, and is replaced by
 * version 2 on the next save.
 */
import { del, get, set } from 'idb-keyval';
import { sha256 } from './digest';

const KEY = 'imau-smart-factory/dataset-v2';
const KEY_V1 = 'imau-smart-factory/dataset-v1';

export interface StoredFile {
	name: string;
	/** The file as UTF-8, without any dropped column. */
	blob: Blob;
	/** SHA-256 of the blob's bytes, in hex. */
	sha256: string;
	/** The encoding the file arrived in (it is stored as UTF-8). */
	encoding: string;
}

export interface StoredDataset {
	version: 2;
	savedAt: string;
	files: StoredFile[];
	dropIdentifyingColumns: string[];
	checksum: string;
}

interface StoredDatasetV1 {
	version: 1;
	files: { name: string; text: string; encoding: string }[];
	dropIdentifyingColumns: string[];
	checksum: string;
}

export class DamagedStoreError extends Error {
	constructor(reason: string) {
		super(`本地保存的数据已损坏（${reason}），请清除本地数据后重新导入。`);
		this.name = 'DamagedStoreError';
	}
}

/** The digest of the names, encodings, sizes and file digests, and the dropped columns. */
function checksumOf(files: StoredFile[], drop: string[]): Promise<string> {
	const described = files.map((f) => [f.name, f.encoding, f.blob.size, f.sha256]);
	return sha256(new TextEncoder().encode(JSON.stringify([described, drop])));
}

async function checksumOfV1(files: StoredDatasetV1['files'], drop: string[]): Promise<string> {
	return sha256(new TextEncoder().encode(JSON.stringify([files, drop])));
}

export async function saveDataset(
	files: StoredFile[],
	dropIdentifyingColumns: string[]
): Promise<void> {
	const dataset: StoredDataset = {
		version: 2,
		savedAt: new Date().toISOString(),
		files,
		dropIdentifyingColumns,
		checksum: await checksumOf(files, dropIdentifyingColumns)
	};
	await set(KEY, dataset);
	await del(KEY_V1);
}

const isStringArray = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The fields both versions share are there, of the right types. */
function hasEnvelope(value: Record<string, unknown>, version: 1 | 2): boolean {
	return (
		value.version === version &&
		Array.isArray(value.files) &&
		isStringArray(value.dropIdentifyingColumns) &&
		typeof value.checksum === 'string'
	);
}

async function checkedV2(value: Record<string, unknown>): Promise<StoredDataset> {
	if (
		!hasEnvelope(value, 2) ||
		!(value.files as Partial<StoredFile>[]).every(
			(f) =>
				typeof f?.name === 'string' &&
				typeof f?.encoding === 'string' &&
				typeof f?.sha256 === 'string' &&
				f?.blob instanceof Blob
		)
	) {
		throw new DamagedStoreError('格式不符');
	}
	const dataset = value as unknown as StoredDataset;
	const expected = await checksumOf(dataset.files, dataset.dropIdentifyingColumns);
	if (expected !== dataset.checksum) throw new DamagedStoreError('校验和不符');
	for (const file of dataset.files) {
		const bytes = new Uint8Array(await file.blob.arrayBuffer());
		if ((await sha256(bytes)) !== file.sha256) throw new DamagedStoreError('校验和不符');
	}
	return dataset;
}

async function checkedV1(value: Record<string, unknown>): Promise<StoredDataset> {
	if (
		!hasEnvelope(value, 1) ||
		!(value.files as Partial<StoredDatasetV1['files'][number]>[]).every(
			(f) => typeof f?.name === 'string' && typeof f?.text === 'string'
		)
	) {
		throw new DamagedStoreError('格式不符');
	}
	const legacy = value as unknown as StoredDatasetV1;
	const expected = await checksumOfV1(legacy.files, legacy.dropIdentifyingColumns);
	if (expected !== legacy.checksum) throw new DamagedStoreError('校验和不符');
	const encoder = new TextEncoder();
	const files: StoredFile[] = [];
	for (const f of legacy.files) {
		const bytes = encoder.encode(f.text);
		files.push({ name: f.name, blob: new Blob([bytes]), sha256: await sha256(bytes), encoding: f.encoding });
	}
	return {
		version: 2,
		savedAt: '',
		files,
		dropIdentifyingColumns: legacy.dropIdentifyingColumns,
		checksum: legacy.checksum
	};
}

/** The stored dataset, null when nothing is stored; throws DamagedStoreError when it fails the check. */
export async function loadDataset(): Promise<StoredDataset | null> {
	const value: unknown = await get(KEY);
	if (value !== undefined) {
		if (typeof value !== 'object' || value === null) throw new DamagedStoreError('格式不符');
		return checkedV2(value as Record<string, unknown>);
	}
	const legacy: unknown = await get(KEY_V1);
	if (legacy === undefined) return null;
	if (typeof legacy !== 'object' || legacy === null) throw new DamagedStoreError('格式不符');
	return checkedV1(legacy as Record<string, unknown>);
}

export async function clearDataset(): Promise<void> {
	await del(KEY);
	await del(KEY_V1);
}
