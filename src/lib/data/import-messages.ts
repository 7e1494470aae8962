/** Messages between the page and the import worker. */
import type { TableCsvTexts } from '../db/load';
import type { InputFile } from '../import/read-file';
import type { FileReport } from '../import/report';
import type { StoredFile } from './store';

export interface ImportRequest {
	files: InputFile[];
	/** Names of files whose identifying columns the user chose to drop. */
	dropIdentifyingColumns: string[];
}

export type WorkerMessage =
	| { type: 'progress'; done: number; total: number; file: string }
	| {
			type: 'done';
			reports: FileReport[];
			flagged: number;
			notes: string[];
			csv: TableCsvTexts;
			/** The files as they may be kept for a reload: UTF-8 Blobs, no dropped column. */
			storable: StoredFile[];
	  }
	| { type: 'failed'; message: string };
