/** Messages between the page and the import worker. */
import type { TableParts } from '../db/load';
import type { FileKind } from '../import/file-kinds';
import type { FileReport } from '../import/report';
import type { ScenarioRowsData } from '../import/scenario-rows';
import type { ImportProgressMessage } from './import-progress';
import type { StoredFile } from './store';

/** A file to import: a Blob (a picked file, the sample or a stored copy), passed by reference. */
export interface SourceFile {
	name: string;
	blob: Blob;
	/** The name it came with, when another file of the import had it (import/file-names.ts). */
	renamedFrom?: string;
}

export interface ImportRequest {
	/** Read by the worker one at a time, when each file's turn comes. */
	files: SourceFile[];
	/** Names of files whose identifying columns the user chose to drop. */
	dropIdentifyingColumns: string[];
}

export type WorkerMessage =
	| ImportProgressMessage
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

/**
 * The import worker → its second worker, which reads one large 建设场景明细 file while the import
 * worker reads the others (scenario-reader.worker.ts). First the file, then, once the other
 * files' duplicates are rejected, the 申报编号 its rows may belong to.
 */
export type ScenarioReaderRequest =
	| { type: 'read'; file: SourceFile; dropIdentifyingColumns: boolean }
	| { type: 'declarations'; declarationIds: string[] };

export type ScenarioReaderMessage =
	/** The file has reached the worker, which now reads it. */
	| { type: 'reading' }
	/** Records of the file read so far, of those after its header (every few thousand). */
	| { type: 'rows'; done: number; total: number }
	/** Read, it is of another kind (its header alone said 建设场景明细): to be read with the others. */
	| { type: 'not-scenarios' }
	| {
			type: 'read';
			report: FileReport;
			kind: FileKind | null;
			/** The loaded rows, their arrays transferred. */
			rows: ScenarioRowsData | null;
			/** The file as kept for a reload (when loaded). */
			stored: StoredFile | null;
	  }
	| { type: 'failed'; message: string };
