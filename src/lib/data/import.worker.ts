/**
 * The import off the main thread: decode, parse, validate and write the normalised CSV texts
 * in a worker, so the page stays responsive while a large file loads.
 */
import { tableCsvTexts } from '../db/load';
import { importFiles } from '../import/pipeline';
import type { ImportRequest, WorkerMessage } from './import-messages';
import { sha256 } from './digest';
import type { StoredFile } from './store';

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
	const post = (message: WorkerMessage) => self.postMessage(message);
	try {
		const { files, dropIdentifyingColumns } = event.data;
		const result = importFiles(files, {
			dropIdentifyingColumns: new Set(dropIdentifyingColumns),
			onProgress: (done, total, file) => post({ type: 'progress', done, total, file })
		});
		// The files to keep for a reload: a UTF-8 file kept whole is its own input bytes, others
		// are encoded here. Each is digested while the tables' CSV is written, then handed over
		// as a Blob, which the page stores by reference without ever holding its bytes.
		const encoder = new TextEncoder();
		const kept = result.sanitizedTexts.map(({ name, text, encoding, utf8 }) => ({
			name,
			encoding,
			bytes: utf8 ?? encoder.encode(text)
		}));
		result.sanitizedTexts = [];
		const digests = kept.map((file) => sha256(file.bytes));
		// The tables go over as UTF-8 bytes, transferred rather than copied: half the size of a
		// string, and never held twice.
		const csv = tableCsvTexts(result.tables);
		const storable: StoredFile[] = [];
		for (const [i, file] of kept.entries()) {
			storable.push({
				name: file.name,
				encoding: file.encoding,
				sha256: await (digests[i] as Promise<string>),
				blob: new Blob([file.bytes as Uint8Array<ArrayBuffer>])
			});
		}
		const buffers = Object.values(csv).flatMap((parts) =>
			parts.map((p) => p.bytes.buffer as ArrayBuffer)
		);
		self.postMessage(
			{
				type: 'done',
				reports: result.reports,
				flagged: result.flagged,
				notes: result.notes,
				csv,
				storable
			} satisfies WorkerMessage,
			{ transfer: buffers }
		);
	} catch (error) {
		post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
