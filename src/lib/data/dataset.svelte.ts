/**
 * The page's dataset: which files are loaded (the sample by default, or the user's), the
 * import report, and the live DuckDB engine once the tables and views are in it. Reactive
 * (Svelte 5 runes) so every page reads one state; browser only.
 */
import { browserEngine, bundleChoiceFromUrl, SQL_SOURCES, type BrowserEngine } from '../db/browser-engine';
import { loadTableParts } from '../db/load';
import { describeEngineFailure, type EngineFailure } from '../db/engine-failure';
import { computeSummary, type Summary } from '../db/summary';
import { timeViews, type ViewTiming } from '../db/view-timings';
import type { FileReport } from '../import/report';
import type { ImportRequest, SourceFile, WorkerMessage } from './import-messages';
import { fetchSampleFiles } from './sample-files';
import { importSizeProblem } from './size-limit';
import {
	clearDataset,
	DamagedStoreError,
	loadDataset,
	saveDataset,
	type StoredFile
} from './store';

export type DataSource = 'none' | 'sample' | 'user';
export type Phase = 'idle' | 'reading' | 'validating' | 'loading' | 'ready' | 'error';

const TABLE_LABELS: Record<string, string> = {
	declarations: '申报明细',
	scenarios: '建设场景明细',
	baseline: '规上工业企业基数',
	eligibility: '层级判定结果'
};

async function runImportWorker(
	sources: SourceFile[],
	drop: string[],
	onProgress: (done: number, total: number, file: string) => void
): Promise<Extract<WorkerMessage, { type: 'done' }>> {
	// The Blobs go over by reference: the worker reads each file's bytes itself when its turn
	// comes, and this thread never holds them.
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
			const message = event.data;
			if (message.type === 'progress') onProgress(message.done, message.total, message.file);
			else {
				worker.terminate();
				if (message.type === 'done') resolve(message);
				else reject(new Error(message.message));
			}
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || '导入线程出错'));
		};
		const request: ImportRequest = { files: sources, dropIdentifyingColumns: drop };
		worker.postMessage(request);
	});
}

class Dataset {
	source: DataSource = $state('none');
	phase: Phase = $state('idle');
	/** 0–1 while reading, validating and loading. */
	progress = $state(0);
	progressText = $state('');
	reports: FileReport[] = $state([]);
	flagged = $state(0);
	notes: string[] = $state([]);
	error: string | null = $state(null);
	damagedStore = $state(false);
	/** DuckDB could not start: what happened and what to do (the prerendered figures stay). */
	engineFailure: EngineFailure | null = $state(null);
	/** Local storage could not be read or written: the data works but will not survive a reload. */
	storageProblem: string | null = $state(null);
	/**
	 * Whether the user's files are kept for a reload. Saving starts once the worker is done and
	 * runs beside the DuckDB load (the figures do not wait for IndexedDB): 'saving' until written.
	 */
	stored: 'none' | 'saving' | 'saved' | 'failed' = $state('none');
	summary: Summary | null = $state(null);
	/** Milliseconds of the last import: parse + validate (worker), load into DuckDB, summary. */
	timings: { importMs: number; loadMs: number; summaryMs: number; rows: number } | null = $state(null);
	viewTimings: ViewTiming[] = $state([]);
	/** Bumped each time new data is live in DuckDB; pages re-query when it changes. */
	version = $state(0);
	engine: BrowserEngine | null = null;

	private userFiles: SourceFile[] = [];
	private drop = new Set<string>();
	private started: Promise<void> | null = null;
	/** Saves and clears run one after another, in the order they were asked for. */
	private storing: Promise<void> = Promise.resolve();
	private storeRequests = 0;

	/** Load what the user stored, else the sample. Runs once per page load. */
	init(): Promise<void> {
		this.started ??= this.start();
		return this.started;
	}

	private async start() {
		// Fetching and compiling the wasm is the slowest step: begin it before anything else.
		this.enginePromise();
		try {
			const stored = await loadDataset();
			if (stored) {
				this.drop = new Set(stored.dropIdentifyingColumns);
				this.userFiles = stored.files.map((f) => ({ name: f.name, blob: f.blob }));
				this.stored = 'saved';
				await this.run(this.userFiles, 'user', false);
				// Report each file's encoding as it arrived, not as the UTF-8 copy kept here.
				const encodings = new Map(stored.files.map((f) => [f.name, f.encoding]));
				for (const report of this.reports) {
					const original = encodings.get(report.file);
					if (original) report.encoding = original as FileReport['encoding'];
				}
				return;
			}
		} catch (error) {
			if (error instanceof DamagedStoreError) {
				this.damagedStore = true;
				this.fail(error.message);
				return;
			}
			// No IndexedDB (a locked-down or private window): work on, without keeping data.
			this.storageProblem = `本机存储不可用，导入的数据不会在刷新后保留（${String(error)}）`;
		}
		await this.loadSample();
	}

	private async loadSample() {
		this.phase = 'reading';
		this.progressText = '正在读取示例数据…';
		try {
			await this.run(await fetchSampleFiles(), 'sample', false);
		} catch (error) {
			this.fail(error instanceof Error ? error.message : String(error));
		}
	}

	/** Add the user's files (a file of the same name replaces the earlier one). */
	async addFiles(list: readonly File[]): Promise<void> {
		const added: SourceFile[] = list.map((file) => ({ name: file.name, blob: file }));
		const names = new Set(added.map((f) => f.name));
		const next = [...this.userFiles.filter((f) => !names.has(f.name)), ...added];
		// Refused before a byte is read: the data loaded so far stays as it is.
		const tooLarge = importSizeProblem(next.map((f) => f.blob.size));
		if (tooLarge) {
			this.error = tooLarge;
			return;
		}
		for (const name of names) this.drop.delete(name);
		this.userFiles = next;
		await this.run(this.userFiles, 'user', true);
	}

	/** The user agreed to drop the identifying columns of `file` and go on. */
	async dropIdentifyingColumns(file: string): Promise<void> {
		this.drop.add(file);
		await this.run(this.userFiles, 'user', true);
	}

	async removeFile(file: string): Promise<void> {
		this.userFiles = this.userFiles.filter((f) => f.name !== file);
		this.drop.delete(file);
		if (this.userFiles.length === 0) await this.clear();
		else await this.run(this.userFiles, 'user', true);
	}

	/** 清除本地数据: forget the user's files here and in storage, back to the sample. */
	async clear(): Promise<void> {
		await this.keep([]);
		this.userFiles = [];
		this.drop.clear();
		this.damagedStore = false;
		this.error = null;
		this.reports = [];
		await this.loadSample();
	}

	/**
	 * Store the user's (sanitised) files, or clear the store for none; a storage failure is
	 * reported, never fatal. Resolves when this and every earlier request are done.
	 */
	private keep(files: StoredFile[]): Promise<void> {
		const request = ++this.storeRequests;
		const drop = [...this.drop];
		this.stored = files.length > 0 ? 'saving' : 'none';
		this.storing = this.storing.then(async () => {
			try {
				if (files.length > 0) await saveDataset(files, drop);
				else await clearDataset();
				if (request === this.storeRequests) {
					this.storageProblem = null;
					if (files.length > 0) this.stored = 'saved';
				}
			} catch (error) {
				if (request === this.storeRequests) this.stored = 'failed';
				this.storageProblem = `数据未能保存到本机，刷新后需重新导入（${String(error)}）`;
			}
		});
		return this.storing;
	}

	/** The page's one DuckDB, started on first call; a failure is reported where it is awaited. */
	private enginePromise(): Promise<BrowserEngine> {
		const promise = browserEngine(bundleChoiceFromUrl(new URL(location.href)));
		promise.catch(() => undefined);
		return promise;
	}

	/** Time every view on the live data (the 数据 page's 性能 panel, and the benchmark). */
	async measureViews(): Promise<void> {
		if (this.engine) this.viewTimings = await timeViews(this.engine);
	}

	private fail(message: string) {
		this.phase = 'error';
		this.error = message;
		this.summary = null;
	}

	private async run(files: SourceFile[], source: DataSource, save: boolean) {
		this.error = null;
		this.phase = 'validating';
		this.progressText = '正在解析和校验…';
		// DuckDB starts (or has started) while the worker validates, both off the main thread.
		const enginePromise = this.enginePromise();
		try {
			const started = performance.now();
			const result = await runImportWorker(files, [...this.drop], (done, total, file) => {
				this.progress = 0.2 + (done / total) * 0.5;
				this.progressText = `已校验 ${file}（${done}/${total}）`;
			});
			this.reports = result.reports;
			this.flagged = result.flagged;
			this.notes = result.notes;
			const imported = performance.now();
			// Kept for a reload in the background, during the DuckDB load: the worker's Blobs go to
			// IndexedDB by reference, and the figures do not wait for the save.
			if (save) void this.keep(result.storable);
			this.phase = 'loading';
			this.progressText = '正在启动 DuckDB…';
			const engine = (this.engine = await enginePromise.catch((error: unknown) => {
				this.engineFailure = describeEngineFailure(error);
				throw new Error(this.engineFailure.what, { cause: error });
			}));
			const tables = Object.keys(result.tables);
			await loadTableParts(engine, SQL_SOURCES, result.tables, (table) => {
				this.progress = 0.7 + ((tables.indexOf(table) + 1) / tables.length) * 0.25;
				this.progressText = `正在载入 ${TABLE_LABELS[table] ?? table}…`;
			});
			const loaded = performance.now();
			this.summary = await computeSummary(engine);
			this.timings = {
				importMs: imported - started,
				loadMs: loaded - imported,
				summaryMs: performance.now() - loaded,
				rows: result.reports.reduce((n, r) => n + r.rowsRead, 0)
			};
			this.source = source;
			this.progress = 1;
			this.progressText = '';
			this.phase = 'ready';
			this.version += 1;
			if (!save && source === 'sample') this.stored = 'none';
		} catch (error) {
			this.fail(error instanceof Error ? error.message : String(error));
		}
	}
}

export const dataset = new Dataset();
