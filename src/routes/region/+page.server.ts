import { regionsPage } from '$lib/dashboard/pages';
import { NO_FILTERS } from '$lib/dashboard/types';
import { buildData } from '$lib/server/build-data';

export const load = async () => ({
	initial: await regionsPage((await buildData()).engine, NO_FILTERS)
});
