/** Messages between the page and the import worker. */
import type { TableParts } from '../db/load';
import type { FileReport } from '../import/report';
import type { StoredFile } from './store';

/** A file to import: a Blob (a picked file, the sample or a stored copy), passed by reference. */
export interface SourceFile {
	name: string;
	blob: Blob;
}

export interface ImportRequest {
	/** Read by the worker one at a time, when each file's turn comes. */
	files: SourceFile[];
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
			tables: TableParts;
			/** The files as they may be kept for a reload: UTF-8 Blobs, no dropped column. */
			storable: StoredFile[];
	  }
	| { type: 'failed'; message: string };
