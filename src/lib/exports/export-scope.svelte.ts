/**
 * What every export on a page says besides its own cells: the filters its figures are for and
 * whose data they are, as of when. A dashboard page's frame (DashboardFrame.svelte) provides it
 * as a Svelte context; elsewhere (探索, SQL) there are no dashboard filters and the data's origin
 * is read from the cube in this browser, or the build's.
 */
import { getContext, setContext } from 'svelte';
import { page } from '$app/state';
import { cubeSource } from '../data/cube-source.svelte';
import type { ExportOrigin } from './table-export';

export interface ExportScope {
	/** The filters the figures shown are for, as labels (table-export.ts's `filterLabels`). */
	readonly filters: readonly string[];
	readonly origin: ExportOrigin | null;
	/** The year the figures shown are of (a chart's title may not say it), when known. */
	readonly year: number | null;
}

const KEY = Symbol('export-scope');

/** The data shown: the cube's in this browser, else the build's. */
export function currentOrigin(): ExportOrigin | null {
	const origin = cubeSource.core?.origin;
	if (origin) return { data: origin.data, asOf: origin.asOf, files: origin.files };
	const build = (
		page.data as { build?: { source: 'sample' | 'department'; builtAt: string; files?: string[] } }
	).build;
	return build ? { data: build.source, asOf: build.builtAt, files: build.files ?? [] } : null;
}

const unfiltered: ExportScope = {
	filters: [],
	year: null,
	get origin() {
		return currentOrigin();
	}
};

export function provideExportScope(scope: ExportScope): void {
	setContext(KEY, scope);
}

/** The scope of the page the calling component is on (call during component set-up). */
export function useExportScope(): ExportScope {
	return getContext<ExportScope | undefined>(KEY) ?? unfiltered;
}
