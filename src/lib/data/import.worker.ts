/**
 * The import off the main thread: read, decode, parse, validate and write the normalised tables
 * (CSV, and Arrow for the 建设场景明细 rows) in a worker, so the page stays responsive while a
 * large file loads. A large 建设场景明细 file is read meanwhile by a second worker
 * (scenario-reader.worker.ts), on the machine's other core.
 */
import { tableParts } from '../db/load';
import {
	completeImport,
	readFiles,
	rejectDuplicateRows,
	type ImportOptions,
	type ImportResult
} from '../import/pipeline';
import { withUniqueNames } from '../import/file-names';
import { kindOfHeader, readElsewhere, type ReadFile } from '../import/read-file';
import { ScenarioRows } from '../import/scenario-rows';
import type {
	ImportRequest,
	ScenarioReaderMessage,
	ScenarioReaderRequest,
	SourceFile,
	WorkerMessage
} from './import-messages';
import { ImportProgress } from './import-progress';
import type { StoredFile } from './store';
import { BlobInput, readFirstBytes } from './worker-files';

/**
 * A 建设场景明细 file at least this large is read in a second worker when there are other files
 * to read meanwhile (the 10× bench set's is 3.2 MB, the sample's 0.3 MB: starting a worker costs
 * more than it saves there).
 */
export const READ_APART_MIN_BYTES = 2 * 1024 * 1024;

/** How many bytes tell a file's kind by its header. */
const HEADER_BYTES = 64 * 1024;

/** The file to read in the second worker: the largest, if it is a big enough 建设场景明细 file. */
function fileToReadApart(files: readonly SourceFile[]): number {
	if (files.length < 2) return -1;
	let largest = 0;
	for (const [i, file] of files.entries()) {
		if (file.blob.size > (files[largest] as SourceFile).blob.size) largest = i;
	}
	const { blob } = files[largest] as SourceFile;
	if (blob.size < READ_APART_MIN_BYTES) return -1;
	try {
		return kindOfHeader(readFirstBytes(blob, HEADER_BYTES)) === 'scenarios' ? largest : -1;
	} catch {
		return -1; // Unreadable now: reading it in turn reports why, in Chinese.
	}
}

/** How long the second worker may take to begin before the import worker reads its file itself. */
const START_TIMEOUT_MS = 10_000;

/**
 * A file read by the second worker: sent the 申报编号 it may refer to, it answers with the file,
 * or null when the file turned out not to be a 建设场景明细 file after all (then the whole import
 * runs again in one thread). Resolves once that worker has begun — a worker started from a
 * worker loads its script through its parent's thread, so the parent must not start its own long
 * reading before then — or to null when it could not start (its script not to be had, say, with
 * the site's server gone since the page opened): then the import worker reads the file itself.
 */
async function readApart(
	file: SourceFile,
	dropIdentifyingColumns: boolean,
	onRows: (done: number, total: number) => void
) {
	let worker: Worker;
	try {
		worker = new Worker(new URL('./scenario-reader.worker.ts', import.meta.url), {
			type: 'module'
		});
	} catch {
		return null;
	}
	const send = (request: ScenarioReaderRequest) => worker.postMessage(request);
	let begin: (started: boolean) => void = () => {};
	const begun = new Promise<boolean>((resolve) => (begin = resolve));
	const read = new Promise<{ file: ReadFile; stored: StoredFile | null } | null>(
		(resolve, reject) => {
			worker.onmessage = (event: MessageEvent<ScenarioReaderMessage>) => {
				const message = event.data;
				if (message.type === 'reading') return begin(true);
				if (message.type === 'rows') return onRows(message.done, message.total);
				worker.terminate();
				if (message.type === 'failed') return reject(new Error(message.message));
				if (message.type === 'not-scenarios') return resolve(null);
				resolve({
					file: readElsewhere(
						message.report,
						message.kind,
						message.rows && ScenarioRows.fromData(message.rows)
					),
					stored: message.stored
				});
			};
			worker.onerror = (event) => {
				event.preventDefault();
				worker.terminate();
				begin(false);
				reject(new Error(event.message || '导入线程出错'));
			};
		}
	);
	read.catch(() => {}); // Awaited later, or not at all when the worker never began.
	send({ type: 'read', file, dropIdentifyingColumns });
	const timeout = setTimeout(() => begin(false), START_TIMEOUT_MS);
	const started = await begun;
	clearTimeout(timeout);
	if (!started) {
		worker.terminate();
		return null;
	}
	return {
		read,
		declarations: (ids: Set<string>) => send({ type: 'declarations', declarationIds: [...ids] }),
		stop: () => worker.terminate()
	};
}

/**
 * Every file read — a large 建设场景明细 file in the second worker meanwhile — and checked
 * across files. The files' texts are let go on return, before the tables are written.
 */
async function importAll(
	files: readonly SourceFile[],
	drop: ReadonlySet<string>,
	inputs: readonly BlobInput[],
	post: (message: WorkerMessage) => void
): Promise<{ result: ImportResult; storedApart: { input: number; file: StoredFile } | null }> {
	// How far the reading has come, within each file as its rows are read (import-progress.ts).
	const progress = new ImportProgress(
		files.map((f) => f.blob.size),
		post
	);
	/** Progress of the read files, `at(i)` being the input index of the i-th file read. */
	const tell = (at: (i: number) => number): ImportOptions => ({
		onProgress: (done, _total, file) => progress.fileDone(at(done - 1), file),
		onRows: (i, file, done, total) => progress.rows(at(i), file, done, total)
	});
	const inOneThread = () => {
		const read = readFiles(inputs, { dropIdentifyingColumns: drop, ...tell((i) => i) });
		return { result: completeImport(read, rejectDuplicateRows(read)), storedApart: null };
	};
	const apartIndex = fileToReadApart(files);
	const apartFile = files[apartIndex];
	const apart = apartFile
		? await readApart(apartFile, drop.has(apartFile.name), (done, total) =>
				progress.rows(apartIndex, apartFile.name, done, total)
			)
		: null;
	if (!apart || !apartFile) return inOneThread();
	try {
		const read = readFiles(
			inputs.filter((_, i) => i !== apartIndex),
			{ dropIdentifyingColumns: drop, ...tell((i) => (i < apartIndex ? i : i + 1)) }
		);
		const declarationIds = rejectDuplicateRows(read);
		apart.declarations(declarationIds);
		const readApartFile = await apart.read;
		if (!readApartFile) return inOneThread();
		progress.fileDone(apartIndex, apartFile.name);
		const all = [...read];
		all.splice(apartIndex, 0, readApartFile.file);
		const result = completeImport(all, declarationIds);
		return { result, storedApart: readApartFile.stored && { input: apartIndex, file: readApartFile.stored } };
	} finally {
		apart.stop();
	}
}

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
	const post = (message: WorkerMessage) => self.postMessage(message);
	try {
		// Two files of one name are told apart ("名称 (2).csv") before anything is read, so that
		// both workers, the reports, the rows and the files kept for a reload use the same names.
		const files = withUniqueNames(event.data.files);
		const drop = new Set(event.data.dropIdentifyingColumns);
		for (const file of files) {
			if (file.renamedFrom !== undefined && drop.has(file.renamedFrom)) drop.add(file.name);
		}
		// The page gives the files' Blobs by reference; each is read when its turn comes.
		const inputs = files.map((file) => new BlobInput(file));
		const { result, storedApart } = await importAll(files, drop, inputs, post);

		// The files to keep for a reload: one stored as it came is a slice of its Blob (no copy);
		// the others (GBK, a dropped column) are written out as UTF-8 and digested. The page hands
		// the Blobs to IndexedDB without ever holding their bytes.
		const stored = result.sanitizedTexts.map((sanitized) =>
			sanitized.input === storedApart?.input
				? storedApart.file
				: (inputs[sanitized.input] as BlobInput).stored(sanitized)
		);
		result.sanitizedTexts = [];
		// The tables go over as bytes, transferred rather than copied: CSV (half the size of a
		// string, and never held twice), the 建设场景明细 rows as Arrow (db/arrow.ts).
		const tables = tableParts(result.tables, { scenariosAsArrow: true });
		const storable = await Promise.all(stored);
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
