import { planPage } from '$lib/dashboard/pages';
import { NO_FILTERS } from '$lib/dashboard/types';
import { buildData } from '$lib/server/build-data';

export const load = async () => ({
	initial: await planPage((await buildData()).engine, NO_FILTERS)
});
