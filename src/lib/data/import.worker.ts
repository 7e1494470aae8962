/**
 * The import off the main thread: decode, parse, validate and write the normalised CSV texts
 * in a worker, so the page stays responsive while a large file loads.
 */
import { tableCsvTexts } from '../db/load';
import { importFiles } from '../import/pipeline';
import type { ImportRequest, WorkerMessage } from './import-messages';

self.onmessage = (event: MessageEvent<ImportRequest>) => {
	const post = (message: WorkerMessage) => self.postMessage(message);
	try {
		const { files, dropIdentifyingColumns } = event.data;
		const result = importFiles(files, {
			dropIdentifyingColumns: new Set(dropIdentifyingColumns),
			onProgress: (done, total, file) => post({ type: 'progress', done, total, file })
		});
		// The files to keep for a reload, as bytes: the page stores them without another copy. A
		// UTF-8 file kept whole is its own input bytes; others are encoded here. Then the texts
		// are let go, before the tables' CSV is written: the largest moment of the import.
		const encoder = new TextEncoder();
		const storable = result.sanitizedTexts.map(({ name, text, encoding, utf8 }) => ({
			name,
			bytes: utf8 ?? encoder.encode(text),
			encoding
		}));
		result.sanitizedTexts = [];
		// The tables go over as UTF-8 bytes, transferred rather than copied: half the size of a
		// string, and never held twice.
		const csv = tableCsvTexts(result.tables);
		const buffers = [
			...Object.values(csv).flatMap((parts) => parts.map((p) => p.bytes.buffer as ArrayBuffer)),
			...storable.map((f) => f.bytes.buffer as ArrayBuffer)
		];
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
