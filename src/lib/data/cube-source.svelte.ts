/**
 * The cube the viewing pages slice, one per page load (browser only): the user's when this
 * browser keeps imported data — read from IndexedDB, no DuckDB —, else the build's (`cube.bin`
 * and `cube-detail.bin`, static files of the site). Its core is read first, on every page; its
 * detail (the scenario and maturity tables, nearly all of its bytes) only once a page that
 * slices it asks (`needDetail`). Figures of other data are never shown while local data is
 * kept: a stored cube (either part) that is missing, of another version or damaged is said so
 * and made again from the stored files (this is the one time a viewing page loads
 * DuckDB-wasm), with a progress bar. Design: docs/cube.md.
 */
import { resolve } from '$app/paths';
import { keepLocalDataMark } from './local-mark';
import { takeEarlyRead } from './early-read';
import { decodeCubeCore, withDetail, type Cube, type CubeCore } from '../cube/cube';
import {
	clearDataset,
	DamagedStoreError,
	loadStoredCubeCore,
	loadStoredCubeDetail,
	loadStoredRecord,
	type CubeProblem
} from './store';

/**
 * - `starting`: reading the stored data or fetching the build's cube;
 * - `ready`: `core` is what the pages show (and `cube`, once its detail is there);
 * - `rebuilding`: the user's cube is being made again from their stored files;
 * - `failed`: the user's data cannot be shown (`problem` says why); the pages offer to clear it;
 * - `unavailable`: no local data, and the build's cube could not be fetched (the prerendered
 *   figures stay, without filters; `detailUnavailable` says the same of its detail alone).
 */
export type CubeStatus = 'starting' | 'ready' | 'rebuilding' | 'failed' | 'unavailable';

const PROBLEMS: Record<CubeProblem, string> = {
	missing: '本机保存的数据还没有汇总结果',
	old: '本机保存的汇总结果是旧版本生成的',
	damaged: '本机保存的汇总结果已损坏'
};

/** The mark app.html's head script sets on <html> when this browser keeps data. */
function setPageMark(state: 'pending' | 'shown' | null): void {
	if (typeof document === 'undefined') return;
	if (state === null) delete document.documentElement.dataset.localData;
	else document.documentElement.dataset.localData = state;
}

/** Where a part's bytes are fetched from, for the build's cube. */
const BUILD_CORE = '/cube.bin';
const BUILD_DETAIL = '/cube-detail.bin';

async function fetchBytes(path: string): Promise<ArrayBuffer> {
	const response = await fetch(resolve(path as '/'), { cache: 'no-cache' });
	if (!response.ok) throw new Error(`HTTP ${response.status}`);
	return response.arrayBuffer();
}

class CubeSource {
	/** The cube's core: all that 总览, 盟市, 行业 and 计划落实 slice. */
	core: CubeCore | null = $state.raw(null);
	/** The whole cube, once a page has asked for its detail (`needDetail`) and it is there. */
	cube: Cube | null = $state.raw(null);
	status: CubeStatus = $state('starting');
	/** The build's cube's detail could not be fetched (its core could). */
	detailUnavailable = $state(false);
	/** This browser keeps imported data: the build's figures must not be shown. */
	local = $state(false);
	/** What is wrong with the user's stored data, in Chinese (shown on every page). */
	problem: string | null = $state(null);
	/** 0–1 and a line of text while the user's cube is made again. */
	progress = $state(0);
	progressText = $state('');
	private started: Promise<void> | null = null;
	/** A page has asked for the detail: read with the core, or as soon as the core is there. */
	private detailWanted = false;
	/** The core whose detail is being read (or was): it is read once per core. */
	private detailFor: CubeCore | null = null;

	constructor() {
		// Marked before the first paint (local-mark.ts): the build's figures stay hidden.
		if (typeof document !== 'undefined')
			this.local = document.documentElement.dataset.localData === 'pending';
	}

	/** Find the cube to show (once per page load; every viewing page calls it on mount). */
	start(): Promise<void> {
		this.started ??= this.find();
		return this.started;
	}

	/** The page slices the detail (场景, a 盟市's page, 能力评估, reports): read it once. */
	needDetail(): void {
		this.detailWanted = true;
		if (this.core && !this.cube) void this.readDetail(this.core);
	}

	/** The core's detail: the one kept beside it, or the build's; then `cube` is whole. */
	private async readDetail(core: CubeCore): Promise<void> {
		if (this.detailFor === core) return;
		this.detailFor = core;
		if (this.local) {
			const stored = await loadStoredCubeDetail(core).catch(() => ({
				problem: 'damaged' as const
			}));
			if (this.core !== core) return; // other data arrived meanwhile
			if ('cube' in stored) this.cube = stored.cube;
			else {
				this.problem = `${PROBLEMS[stored.problem]}，正在用保存的文件重新计算…`;
				await this.rebuild();
			}
			return;
		}
		try {
			const cube = withDetail(core, await fetchBytes(BUILD_DETAIL));
			if (this.core === core) this.cube = cube;
		} catch {
			if (this.core === core) this.detailUnavailable = true;
		}
	}

	/** Show a core (a whole cube, when made here): its detail follows if a page wants it. */
	private show(core: CubeCore, cube: Cube | null): void {
		this.core = core;
		this.cube = cube;
		this.detailFor = cube ? core : null;
		this.detailUnavailable = false;
		this.status = 'ready';
		if (!cube && this.detailWanted) void this.readDetail(core);
	}

	private async find(): Promise<void> {
		// Begun by app.html's head script while this page is marked as keeping data.
		const early = await takeEarlyRead();
		let record;
		try {
			record = await loadStoredRecord(early);
		} catch (error) {
			if (error instanceof DamagedStoreError) return this.fail(error.message);
			record = null; // no IndexedDB here: nothing can have been kept
		}
		if (!record) {
			// Marked, but nothing is kept (site data cleared by hand): stop marking the pages.
			if (document.documentElement.dataset.localData) void keepLocalDataMark(false, resolve('/'));
			return this.showBuild();
		}
		// A store kept before its pages were marked before painting: mark them from now on.
		if (!document.documentElement.dataset.localData) void keepLocalDataMark(true, resolve('/'));
		this.local = true;
		setPageMark('pending');
		if (record.failed) return this.fail(`本机保存的数据未能载入：${record.failed}`);
		const stored = await loadStoredCubeCore(record.checksum, early).catch(() => ({
			problem: 'damaged' as const
		}));
		if ('core' in stored) return this.showLocal(stored.core);
		this.problem = `${PROBLEMS[stored.problem]}，正在用保存的文件重新计算…`;
		await this.rebuild();
	}

	/** Make the user's cube again from their stored files (DuckDB-wasm), then show it. */
	private async rebuild(): Promise<void> {
		this.status = 'rebuilding';
		this.progress = 0;
		try {
			const { dataset } = await import('./dataset.svelte');
			await dataset.init((progress, text) => {
				this.progress = progress;
				this.progressText = text;
			});
			// dataset shows the cube it made (showLocal) or reports its failure (fail).
			if (this.status === 'rebuilding') this.fail(dataset.error ?? '本机保存的数据未能载入');
		} catch (error) {
			this.fail(error instanceof Error ? error.message : String(error));
		}
	}

	/**
	 * The user's cube: kept for these files (its core, the detail read when wanted), or just made
	 * from them (an import, a rebuild: whole).
	 */
	showLocal(cube: CubeCore | Cube): void {
		this.local = true;
		this.problem = null;
		this.show(cube, isWhole(cube) ? cube : null);
		setPageMark('shown');
	}

	/** The user's data cannot be shown; the pages say why and offer to clear it. */
	fail(message: string): void {
		this.local = true;
		this.core = null;
		this.cube = null;
		this.problem = message;
		this.status = 'failed';
		setPageMark('pending');
	}

	/** No local data (any more): the build's cube. */
	async showBuild(): Promise<void> {
		this.local = false;
		this.problem = null;
		setPageMark(null);
		try {
			const core = decodeCubeCore(await fetchBytes(BUILD_CORE));
			if (this.local) return; // local data arrived meanwhile (an import on this page)
			this.show(core, null);
		} catch {
			if (!this.local) this.status = 'unavailable';
		}
	}

	/** 清除本地数据 from a viewing page (the 数据 page clears through `dataset`). */
	async clearLocal(): Promise<void> {
		await clearDataset();
		this.core = null;
		this.cube = null;
		await this.showBuild();
	}
}

/** A cube with its detail tables (made here), not a core alone (read). */
const isWhole = (cube: CubeCore | Cube): cube is Cube => 'scenarios' in cube.tables;

export const cubeSource = new CubeSource();
