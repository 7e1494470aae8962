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
		post({
			type: 'done',
			reports: result.reports,
			flagged: result.flagged,
			notes: result.notes,
			csv: tableCsvTexts(result.tables),
			sanitizedTexts: result.sanitizedTexts
		});
	} catch (error) {
		post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
	}
};
