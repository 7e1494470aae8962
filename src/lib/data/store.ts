/**
 * Loaded data survives a reload: the sanitised source files (identifying columns already
 * dropped) are kept in IndexedDB as UTF-8 Blobs with SHA-256 checksums, and beside them the
 * cube made from them (its bytes, version and digest, tied to the files' checksum), from which
 * every page paints the user's figures without DuckDB (in two parts: the core every page reads,
 * and the detail only some do, cube/cube.ts). A store that fails a check is reported
 * as damaged, never shown as numbers; a cube that fails one is made again from the files.
 *
 * Version 2 keeps Blobs made by the import worker with each file's digest: IndexedDB takes a
 * Blob by reference, so the page never holds the files' bytes to save them. Version 1 (text) is
 * still read, so data kept by an earlier build survives the upgrade, and is replaced by
 * version 2 on the next save.
 *
 * While data is kept, the pages are told so before their first paint (local-mark.ts: a service
 * worker marks their HTML, or the head script reads a localStorage mark where there can be no
 * service worker), so the build's figures are never painted over the user's (docs/cube.md).
 */
import { del, get, set } from 'idb-keyval';
import { resolve } from '$app/paths';
import {
	CUBE_VERSION,
	decodeCubeCore,
	encodeCube,
	withDetail,
	type Cube,
	type CubeCore
} from '../cube/cube';
import {
	DRILL_VERSION,
	decodeDrillRows,
	encodeDrillRows,
	type DrillRows
} from '../cube/drill';
import { sha256 } from './digest';
import { KEY_CUBE, KEY_CUBE_DETAIL, KEY_DATASET, type EarlyRead } from './early-read';
import { keepLocalDataMark } from './local-mark';

const KEY = KEY_DATASET;
const KEY_V1 = 'imau-smart-factory/dataset-v1';
const KEY_DRILL = 'imau-smart-factory/drill';

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
	/** Set when loading these files failed (a message in Chinese): the pages offer clear and re-import. */
	failed?: string;
}

interface StoredDatasetV1 {
	version: 1;
	files: { name: string; text: string; encoding: string }[];
	dropIdentifyingColumns: string[];
	checksum: string;
}

interface StoredCube {
	version: number;
	/** The checksum of the stored files it was made from. */
	filesChecksum: string;
	sha256: string;
	blob: Blob;
}

export class DamagedStoreError extends Error {
	constructor(reason: string) {
		super(`本地保存的数据已损坏（${reason}），请清除本地数据后重新导入。`);
		this.name = 'DamagedStoreError';
	}
}

/** Say (or stop saying) before any page's first paint that data is kept here (local-mark.ts). */
function mark(present: boolean): Promise<void> {
	return keepLocalDataMark(present, resolve('/'));
}

/** The digest of the names, encodings, sizes and file digests, and the dropped columns. */
export function datasetChecksum(files: StoredFile[], drop: string[]): Promise<string> {
	const described = files.map((f) => [f.name, f.encoding, f.blob.size, f.sha256]);
	return sha256(new TextEncoder().encode(JSON.stringify([described, drop])));
}

async function checksumOfV1(files: StoredDatasetV1['files'], drop: string[]): Promise<string> {
	return sha256(new TextEncoder().encode(JSON.stringify([files, drop])));
}

/** Keep the files (replacing what was kept, and its cube); resolves to their checksum. */
export async function saveDataset(
	files: StoredFile[],
	dropIdentifyingColumns: string[]
): Promise<string> {
	const checksum = await datasetChecksum(files, dropIdentifyingColumns);
	const dataset: StoredDataset = {
		version: 2,
		savedAt: new Date().toISOString(),
		files,
		dropIdentifyingColumns,
		checksum
	};
	await del(KEY_CUBE);
	await del(KEY_CUBE_DETAIL);
	await del(KEY_DRILL);
	await set(KEY, dataset);
	await del(KEY_V1);
	await mark(true);
	return checksum;
}

/** Bytes made from the stored files (the cube, the drill rows), kept under `key` beside them. */
async function keepMade(key: string, version: number, filesChecksum: string, bytes: Uint8Array) {
	const stored: StoredCube = {
		version,
		filesChecksum,
		sha256: await sha256(bytes),
		blob: new Blob([bytes as Uint8Array<ArrayBuffer>])
	};
	await set(key, stored);
}

/**
 * Keep the cube made from the stored files whose checksum it carries: its detail, then its core
 * (what a page load reads first).
 */
export async function saveCube(cube: Cube): Promise<void> {
	const filesChecksum = cube.origin.filesChecksum;
	if (!filesChecksum) throw new Error('a cube to keep names the files it was made from');
	const bytes = encodeCube(cube);
	await keepMade(KEY_CUBE_DETAIL, cube.version, filesChecksum, bytes.detail);
	await keepMade(KEY_CUBE, cube.version, filesChecksum, bytes.core);
}

/** Keep the rows behind the figures made from the stored files. */
export async function saveDrillRows(rows: DrillRows): Promise<void> {
	const filesChecksum = rows.origin.filesChecksum;
	if (!filesChecksum) throw new Error('drill rows to keep name the files they were made from');
	await keepMade(KEY_DRILL, rows.version, filesChecksum, encodeDrillRows(rows));
}

/** Loading the stored files failed: say so on every page until they are cleared or replaced. */
export async function markStoredFailed(message: string): Promise<void> {
	const value: unknown = await get(KEY);
	if (typeof value !== 'object' || value === null) return;
	await set(KEY, { ...(value as StoredDataset), failed: message });
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

/** The v2 record, its envelope and checksum checked (its files' bytes are not read). */
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
	const expected = await datasetChecksum(dataset.files, dataset.dropIdentifyingColumns);
	if (expected !== dataset.checksum) throw new DamagedStoreError('校验和不符');
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
		files.push({
			name: f.name,
			blob: new Blob([bytes]),
			sha256: await sha256(bytes),
			encoding: f.encoding
		});
	}
	return {
		version: 2,
		savedAt: '',
		files,
		dropIdentifyingColumns: legacy.dropIdentifyingColumns,
		checksum: await datasetChecksum(files, legacy.dropIdentifyingColumns)
	};
}

/**
 * The stored dataset's record, null when nothing is stored; throws DamagedStoreError when its
 * envelope or checksum fails. The files' bytes are not read (see `verifyStoredFiles`). `early`:
 * the head script's read of the page's start (early-read.ts), when it has one.
 */
export async function loadStoredRecord(early?: EarlyRead | null): Promise<StoredDataset | null> {
	const value: unknown = early ? early.dataset : await get(KEY);
	if (value !== undefined) {
		if (typeof value !== 'object' || value === null) throw new DamagedStoreError('格式不符');
		return checkedV2(value as Record<string, unknown>);
	}
	const legacy: unknown = await get(KEY_V1);
	if (legacy === undefined) return null;
	if (typeof legacy !== 'object' || legacy === null) throw new DamagedStoreError('格式不符');
	return checkedV1(legacy as Record<string, unknown>);
}

/** Every stored file's bytes digested again: a changed byte is DamagedStoreError. */
export async function verifyStoredFiles(dataset: StoredDataset): Promise<void> {
	for (const file of dataset.files) {
		const bytes = new Uint8Array(await file.blob.arrayBuffer());
		if ((await sha256(bytes)) !== file.sha256) throw new DamagedStoreError('校验和不符');
	}
}

/** The stored dataset with every file checked; null when nothing is stored. */
export async function loadDataset(): Promise<StoredDataset | null> {
	const dataset = await loadStoredRecord();
	if (dataset) await verifyStoredFiles(dataset);
	return dataset;
}

/** Why a stored cube cannot be shown: none kept, of another version, or damaged. */
export type CubeProblem = 'missing' | 'old' | 'damaged';

/**
 * What is kept under `key` for the files with `filesChecksum`, decoded, or why there is none.
 * `early`: the entry and its blob's bytes, already read (early-read.ts).
 */
async function loadMade<T>(
	key: string,
	version: number,
	filesChecksum: string,
	decode: (buffer: ArrayBuffer) => T,
	early?: { value: unknown; bytes: ArrayBuffer | null }
): Promise<{ made: T } | { problem: CubeProblem }> {
	const value = (early ? early.value : await get(key)) as Partial<StoredCube> | undefined;
	if (value === undefined || value.filesChecksum !== filesChecksum) return { problem: 'missing' };
	if (value.version !== version) return { problem: 'old' };
	if (!(value.blob instanceof Blob) || typeof value.sha256 !== 'string')
		return { problem: 'damaged' };
	const buffer = early?.bytes ?? (await value.blob.arrayBuffer());
	if ((await sha256(new Uint8Array(buffer))) !== value.sha256) return { problem: 'damaged' };
	try {
		return { made: decode(buffer) };
	} catch {
		return { problem: 'damaged' };
	}
}

/**
 * The core of the cube kept for the files with `filesChecksum`, or why there is none to show.
 * `early`: the head script's read of the page's start (early-read.ts), when it has one.
 */
export async function loadStoredCubeCore(
	filesChecksum: string,
	early?: EarlyRead | null
): Promise<{ core: CubeCore } | { problem: CubeProblem }> {
	const read = early ? { value: early.cube, bytes: early.cubeBytes } : undefined;
	const found = await loadMade(KEY_CUBE, CUBE_VERSION, filesChecksum, decodeCubeCore, read);
	return 'made' in found ? { core: found.made } : found;
}

/** The whole cube: `core` (kept, as above) and the detail kept with it, or why there is none. */
export async function loadStoredCubeDetail(
	core: CubeCore
): Promise<{ cube: Cube } | { problem: CubeProblem }> {
	const filesChecksum = core.origin.filesChecksum ?? '';
	const found = await loadMade(KEY_CUBE_DETAIL, CUBE_VERSION, filesChecksum, (buffer) =>
		withDetail(core, buffer)
	);
	return 'made' in found ? { cube: found.made } : found;
}

/** The drill rows kept for the files with `filesChecksum`, or null (they are made again). */
export async function loadStoredDrillRows(filesChecksum: string): Promise<DrillRows | null> {
	const found = await loadMade(KEY_DRILL, DRILL_VERSION, filesChecksum, decodeDrillRows);
	return 'made' in found ? found.made : null;
}

export async function clearDataset(): Promise<void> {
	await del(KEY);
	await del(KEY_V1);
	await del(KEY_CUBE);
	await del(KEY_CUBE_DETAIL);
	await del(KEY_DRILL);
	await mark(false);
}
