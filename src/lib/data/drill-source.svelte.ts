/**
 * Drill-through in the browser (issue #21): what makes a figure the user clicked, listed in a
 * panel. The rows come from where the figures do: the build's `drill.bin` (fetched on the first
 * drill), or for the user's data the rows kept beside their files — made from them with DuckDB
 * on the first drill when none are kept yet. Browser only.
 */
import { resolve } from '$app/paths';
import { decodeDrillRows, type DrillRows } from '../cube/drill';
import { drillRows, type DrillRow, type DrillTarget } from '../figures/drill';
import { cubeSource } from './cube-source.svelte';
import { loadStoredDrillRows } from './store';

class Drill {
	/** The panel is open. */
	open = $state(false);
	/** What the list is of: "包头市 2026年覆盖的规上工业企业". */
	title = $state('');
	rows: DrillRow[] = $state.raw([]);
	status: 'idle' | 'loading' | 'ready' | 'error' = $state('idle');
	message = $state('');
	/** The rows' source, per cube shown (a new import, a clear: other rows). */
	private source: { key: object; rows: Promise<DrillRows> } | null = null;
	private ticket = 0;

	/** Open the panel on the rows behind `target`. */
	async show(target: DrillTarget, title: string): Promise<void> {
		const ticket = ++this.ticket;
		this.title = title;
		this.open = true;
		this.status = 'loading';
		this.rows = [];
		try {
			const rows = drillRows(await this.load(), target);
			if (ticket !== this.ticket) return;
			this.rows = rows;
			this.status = 'ready';
		} catch (error) {
			if (ticket !== this.ticket) return;
			this.status = 'error';
			this.message = error instanceof Error ? error.message : String(error);
		}
	}

	close(): void {
		this.open = false;
		this.ticket += 1;
	}

	private load(): Promise<DrillRows> {
		const cube = cubeSource.core;
		if (!cube) return Promise.reject(new Error('数字尚未载入'));
		if (this.source?.key !== cube) {
			const rows = cubeSource.local ? localRows(cube.origin.filesChecksum) : buildRows();
			rows.catch(() => {
				if (this.source?.rows === rows) this.source = null;
			});
			this.source = { key: cube, rows };
		}
		return this.source.rows;
	}
}

async function buildRows(): Promise<DrillRows> {
	const response = await fetch(resolve('/drill.bin' as '/'), { cache: 'no-cache' });
	if (!response.ok) throw new Error(`明细未能载入（HTTP ${response.status}）`);
	return decodeDrillRows(await response.arrayBuffer());
}

/** The user's rows: kept beside their files, else made from them (DuckDB, the first time). */
async function localRows(checksum: string | undefined): Promise<DrillRows> {
	const kept = checksum ? await loadStoredDrillRows(checksum).catch(() => null) : null;
	if (kept) return kept;
	const { dataset } = await import('./dataset.svelte');
	return dataset.drillRows();
}

export const drill = new Drill();

/** Open the panel on a mark's rows (dashboard/drill-targets.ts gives the target and title). */
export const openDrill = (mark: { target: DrillTarget; title: string }): void => {
	void drill.show(mark.target, mark.title);
};
