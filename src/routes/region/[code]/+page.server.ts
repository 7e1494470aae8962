import { error } from '@sveltejs/kit';
import { regionDetailPage } from '$lib/dashboard/pages';
import { NO_FILTERS } from '$lib/dashboard/types';
import { regions } from '$lib/domain/catalogue';
import { buildData } from '$lib/server/build-data';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per league-city: /region/150100/ … */
export const entries: EntryGenerator = () => regions.map((r) => ({ code: r.code }));

export const load: PageServerLoad = async ({ params }) => {
	const region = regions.find((r) => r.code === params.code);
	if (!region) error(404, '没有这个盟市');
	return {
		region,
		initial: await regionDetailPage((await buildData()).engine, {
			...NO_FILTERS,
			region: region.code
		})
	};
};
