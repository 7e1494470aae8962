import { overviewPage } from '$lib/dashboard/pages';
import { NO_FILTERS } from '$lib/dashboard/types';
import { buildData } from '$lib/server/build-data';

/** The 总览 figures for the build's data, baked into the prerendered page. */
export const load = async () => ({
	initial: await overviewPage((await buildData()).engine, NO_FILTERS)
});
