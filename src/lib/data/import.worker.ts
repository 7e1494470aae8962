/**
 * The import off the main thread: read, decode, parse, validate and write the normalised tables
 * (CSV, and Arrow for the 建设场景明细 rows) in a worker, so the page stays responsive while a
 * large file loads.
 */
import { tableParts } from '../db/load';
import { hasUtf8Bom, UTF8_BOM_BYTES } from '../import/decode';
import { importFiles } from '../import/pipeline';
import type { DeferredInputFile } from '../import/read-file';
import type { ImportRequest, WorkerMessage } from './import-messages';
import { sha256 } from './digest';
import type { StoredFile } from './store';

/** Synchronous Blob reading, in dedicated workers only (not in TypeScript's DOM library). */
declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

/** A picked file's bytes, or a reason in Chinese when the file can no longer be read. */
function readBlob(reader: InstanceType<typeof FileReaderSync>, name: string, blob: Blob) {
	try {
		return new Uint8Array(reader.readAsArrayBuffer(blob));
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		const reason = `无法读取文件“${name}”：文件可能在选择后被移动、删除或修改，请重新选择后再导入（${detail}）`;
		throw new Error(reason, { cause: error });
	}
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
	const post = (message: WorkerMessage) => self.postMessage(message);
	try {
		const { files, dropIdentifyingColumns } = event.data;
		// Each file is read when its turn comes and held only until decoded. Its digest is started
		// then, over the bytes after any BOM: those are what is kept when the file is stored as
		// it came (a UTF-8 file without a dropped column), as a slice of the very Blob given.
		const inputDigests: Promise<string>[] = [];
		const reader = new FileReaderSync();
		const inputs: DeferredInputFile[] = files.map(({ name, blob }, input) => ({
			name,
			read() {
				const bytes = readBlob(reader, name, blob);
				const stored = hasUtf8Bom(bytes) ? bytes.subarray(UTF8_BOM_BYTES) : bytes;
				inputDigests[input] = sha256(stored);
				return bytes;
			}
		}));
		const result = importFiles(inputs, {
			dropIdentifyingColumns: new Set(dropIdentifyingColumns),
			onProgress: (done, total, file) => post({ type: 'progress', done, total, file })
		});
		// The files to keep for a reload: one stored as it came is a slice of its Blob (no copy);
		// the others (GBK, a dropped column) are written out as UTF-8 here and digested. The page
		// hands the Blobs to IndexedDB without ever holding their bytes.
		const encoder = new TextEncoder();
		const kept = result.sanitizedTexts.map(
			({ input, name, text, encoding, storedFromInputByte }) => {
				const source = files[input]?.blob;
				const digest = inputDigests[input];
				if (storedFromInputByte !== null && source && digest) {
					return { name, encoding, blob: source.slice(storedFromInputByte), sha256: digest };
				}
				const bytes = encoder.encode(text);
				return { name, encoding, blob: new Blob([bytes]), sha256: sha256(bytes) };
			}
		);
		result.sanitizedTexts = [];
		// The tables go over as bytes, transferred rather than copied: CSV (half the size of a
		// string, and never held twice), the 建设场景明细 rows as Arrow (db/arrow.ts).
		const tables = tableParts(result.tables, { scenariosAsArrow: true });
		const storable: StoredFile[] = [];
		for (const file of kept) {
			storable.push({ name: file.name, encoding: file.encoding, sha256: await file.sha256, blob: file.blob });
		}
		const buffers = Object.values(tables).flatMap((parts) =>
			parts.map((p) => p.bytes.buffer as ArrayBuffer)
		);
		self.postMessage(
			{
				type: 'done',
				reports: result.reports,
				flagged: result.flagged,
				notes: result.notes,
				tables,
				storable
			} satisfies WorkerMessage,
			{ transfer: buffers }
		);
	} catch (error) {
		post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
