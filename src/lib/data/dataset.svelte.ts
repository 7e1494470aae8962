/**
 * The rows in DuckDB-wasm, for the pages that need rows rather than figures: 数据 (import,
 * validation report), 探索 (pivot, SQL console), and a viewing page whose stored cube must be
 * made again. Which files are loaded (the sample by default, or the user's), the import report,
 * the live engine, and the cube made from it — the user's is kept beside their files and shown
 * by every page (cube-source.svelte.ts). Reactive (Svelte 5 runes); browser only.
 */
import type { Cube } from '../cube/cube';
import type { DrillRows } from '../cube/drill';
import {
	browserEngine,
	bundleChoiceFromUrl,
	SQL_SOURCES,
	type BrowserEngine
} from '../db/browser-engine';
import { loadTableParts } from '../db/load';
import { makeCube, makeDrillRows } from '../db/make-cube';
import { describeEngineFailure, type EngineFailure } from '../db/engine-failure';
import { summaryOf, type Summary } from '../figures/summary';
import { timeViews, type ViewTiming } from '../db/view-timings';
import { withUniqueNames } from '../import/file-names';
import type { FileReport } from '../import/report';
import { TABLE_LABELS } from '../import/tables';
import { cubeSource } from './cube-source.svelte';
import type { SourceFile } from './import-messages';
import { readingText, runImportWorker } from './run-import';
import { fetchSampleFiles } from './sample-files';
import { importSizeProblem } from './size-limit';
import {
	clearDataset,
	DamagedStoreError,
	datasetChecksum,
	loadDataset,
	loadStoredCubeCore,
	loadStoredCubeDetail,
	markStoredFailed,
	saveCube,
	saveDataset,
	saveDrillRows,
	type StoredFile
} from './store';

/** The cube kept for the stored files with this checksum: the one shown, or the one stored. */
async function keptCube(checksum: string): Promise<Cube | null> {
	if (cubeSource.cube?.origin.filesChecksum === checksum) return cubeSource.cube;
	const core = await loadStoredCubeCore(checksum).catch(() => null);
	if (!core || !('core' in core)) return null;
	const whole = await loadStoredCubeDetail(core.core).catch(() => null);
	return whole && 'cube' in whole ? whole.cube : null;
}

/** Told how far a load has come (0–1) and what it is doing, in Chinese. */
export type ProgressListener = (progress: number, text: string) => void;

export type DataSource = 'none' | 'sample' | 'user';
export type Phase = 'idle' | 'reading' | 'validating' | 'loading' | 'ready' | 'error';

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
	/** DuckDB could not start: what happened and what to do. */
	engineFailure: EngineFailure | null = $state(null);
	/** Local storage could not be read or written: the data works but will not survive a reload. */
	storageProblem: string | null = $state(null);
	/**
	 * Whether the user's files are kept for a reload. Saving starts once the worker is done and
	 * runs beside the DuckDB load (the figures do not wait for IndexedDB): 'saving' until the
	 * files and their cube are written.
	 */
	stored: 'none' | 'saving' | 'saved' | 'failed' = $state('none');
	/** The cube of the loaded data (the user's is also what every page shows). */
	cube: Cube | null = $state.raw(null);
	summary: Summary | null = $state(null);
	/** Milliseconds of the last import: parse + validate (worker), load into DuckDB, the cube. */
	timings: { importMs: number; loadMs: number; summaryMs: number; rows: number } | null =
		$state(null);
	viewTimings: ViewTiming[] = $state([]);
	/** Bumped each time new data is live in DuckDB; pages re-query when it changes. */
	version = $state(0);
	engine: BrowserEngine | null = null;

	private userFiles: SourceFile[] = [];
	/** The loaded data's drill rows, once asked for (dropped on every load). */
	private drill: Promise<DrillRows> | null = null;
	private drop = new Set<string>();
	private started: Promise<void> | null = null;
	private listeners = new Set<ProgressListener>();
	/** Saves and clears run one after another, in the order they were asked for. */
	private storing: Promise<void> = Promise.resolve();
	private storeRequests = 0;

	/**
	 * Load what the user stored, else the sample. Runs once per page load; `onProgress` is told
	 * how far it has come (a viewing page making the user's cube again shows it).
	 */
	init(onProgress?: ProgressListener): Promise<void> {
		if (onProgress) this.listeners.add(onProgress);
		this.started ??= this.start();
		return this.started;
	}

	private report(progress: number, text: string) {
		this.progress = progress;
		this.progressText = text;
		for (const listener of this.listeners) listener(progress, text);
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
				await this.run(this.userFiles, 'user', false, stored.checksum);
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
				cubeSource.fail(error.message);
				return;
			}
			// No IndexedDB (a locked-down or private window): work on, without keeping data.
			this.storageProblem = `本机存储不可用，导入的数据不会在刷新后保留（${String(error)}）`;
		}
		await this.loadSample();
	}

	private async loadSample() {
		this.phase = 'reading';
		this.report(0, '正在读取示例数据…');
		try {
			await this.run(await fetchSampleFiles(), 'sample', false);
		} catch (error) {
			this.fail(error instanceof Error ? error.message : String(error));
		}
	}

	/**
	 * Add the user's files: a file of the same name replaces the earlier one; two of one name in
	 * the same drop are both kept, the later as "名称 (2).csv" (as the import names it).
	 */
	async addFiles(list: readonly File[]): Promise<void> {
		const added: SourceFile[] = withUniqueNames(
			list.map((file) => ({ name: file.name, blob: file }))
		);
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
		await this.keep(null);
		this.userFiles = [];
		this.drop.clear();
		this.damagedStore = false;
		this.error = null;
		this.reports = [];
		void cubeSource.showBuild();
		await this.loadSample();
	}

	/**
	 * Store the user's (sanitised) files and then the cube made from them, or clear the store
	 * for null; a storage failure is reported, never fatal. Resolves when this and every earlier
	 * request are done.
	 */
	private keep(kept: { files: StoredFile[]; cube: Promise<Cube | null> } | null): Promise<void> {
		const request = ++this.storeRequests;
		const drop = [...this.drop];
		this.stored = kept ? 'saving' : 'none';
		this.storing = this.storing.then(async () => {
			try {
				if (kept) {
					await saveDataset(kept.files, drop);
					const cube = await kept.cube;
					// A load that failed leaves its files kept, marked failed, for the pages to say so.
					if (cube) await saveCube(cube);
					else if (this.error && !this.engineFailure) await markStoredFailed(this.error);
				} else await clearDataset();
				if (request === this.storeRequests) {
					this.storageProblem = null;
					if (kept) this.stored = 'saved';
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

	/**
	 * The rows behind the figures of the loaded data (drill-through), made on first asking and,
	 * for the user's files, kept beside them.
	 */
	async drillRows(): Promise<DrillRows> {
		await this.init();
		if (!this.engine || !this.cube) throw new Error(this.error ?? '数据尚未载入');
		this.drill ??= makeDrillRows(this.engine, SQL_SOURCES.drill, this.cube.origin).then(
			(rows) => {
				if (this.source === 'user') void saveDrillRows(rows).catch(() => undefined);
				return rows;
			}
		);
		return this.drill;
	}

	/** Time every view on the live data (the 数据 page's 性能 panel, and the benchmark). */
	async measureViews(): Promise<void> {
		if (this.engine) this.viewTimings = await timeViews(this.engine, SQL_SOURCES);
	}

	private fail(message: string) {
		this.phase = 'error';
		this.error = message;
		this.summary = null;
	}

	/**
	 * Read, check and load `files` into DuckDB and make their cube. `save`: a new import, whose
	 * files and cube are kept for a reload; `storedChecksum`: the files come from the store (the
	 * cube is made again only when none is kept for them).
	 */
	private async run(
		files: SourceFile[],
		source: DataSource,
		save: boolean,
		storedChecksum?: string
	) {
		this.error = null;
		this.phase = 'validating';
		this.report(0.05, '正在解析和校验…');
		// DuckDB starts (or has started) while the worker validates, both off the main thread.
		const enginePromise = this.enginePromise();
		let made: (cube: Cube | null) => void = () => undefined;
		try {
			const started = performance.now();
			const result = await runImportWorker(files, [...this.drop], (message) => {
				this.report(0.05 + message.fraction * 0.55, readingText(message));
			});
			this.reports = result.reports;
			this.flagged = result.flagged;
			this.notes = result.notes;
			const imported = performance.now();
			// Kept for a reload in the background, during the DuckDB load: the worker's Blobs go to
			// IndexedDB by reference, and the figures do not wait for the save. The cube follows
			// the files when it is made.
			if (save) {
				// Nothing to keep (every file refused): the store is cleared, as for no files.
				void this.keep(
					result.storable.length > 0
						? {
								files: result.storable,
								cube: new Promise<Cube | null>((resolve) => (made = resolve))
							}
						: null
				);
			}
			const checksum =
				source !== 'user'
					? undefined
					: (storedChecksum ?? (await datasetChecksum(result.storable, [...this.drop])));
			this.phase = 'loading';
			this.report(0.6, '正在启动 DuckDB…');
			const engine = (this.engine = await enginePromise.catch((error: unknown) => {
				this.engineFailure = describeEngineFailure(error);
				throw new Error(this.engineFailure.what, { cause: error });
			}));
			const tables = Object.keys(result.tables);
			await loadTableParts(engine, SQL_SOURCES, result.tables, (table) => {
				this.report(
					0.6 + ((tables.indexOf(table) + 1) / tables.length) * 0.2,
					`正在载入${TABLE_LABELS[table]}…`
				);
			});
			const loaded = performance.now();
			this.drill = null;
			const kept = storedChecksum === undefined ? null : await keptCube(storedChecksum);
			const cube =
				kept ??
				(await makeCube(
					engine,
					SQL_SOURCES.cube,
					{
						data: source === 'user' ? 'user' : 'sample',
						asOf: new Date().toISOString(),
						files: files.map((f) => f.name),
						...(checksum ? { filesChecksum: checksum } : {})
					},
					(done, total) => this.report(0.8 + (done / total) * 0.2, '正在计算汇总…')
				));
			made(cube);
			// Made again for files already kept (a rebuild): keep it beside them.
			if (!save && !kept && source === 'user') void saveCube(cube).catch(() => undefined);
			this.cube = cube;
			this.summary = summaryOf(cube);
			if (source === 'user') cubeSource.showLocal(cube);
			this.timings = {
				importMs: imported - started,
				loadMs: loaded - imported,
				summaryMs: performance.now() - loaded,
				rows: result.reports.reduce((n, r) => n + r.rowsRead, 0)
			};
			this.source = source;
			this.report(1, '');
			this.phase = 'ready';
			this.version += 1;
			if (!save && source === 'sample') this.stored = 'none';
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.fail(message);
			made(null);
			if (source === 'user') {
				// Never locked out: every page says why and offers to clear the data or import it
				// again; files that DuckDB could not load are marked failed in the store (not when
				// DuckDB itself could not start: the next page load may well succeed).
				if (!save && !this.engineFailure) void markStoredFailed(message).catch(() => undefined);
				cubeSource.fail(`本机保存的数据未能载入：${message}`);
			}
		}
	}
}

export const dataset = new Dataset();
