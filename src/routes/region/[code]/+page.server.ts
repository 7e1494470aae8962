import { error } from '@sveltejs/kit';
import { regionDetailCharts } from '$lib/charts/page-charts';
import { regionDetailPage } from '$lib/figures/pages';
import { NO_FILTERS } from '$lib/figures/types';
import { regions } from '$lib/domain/catalogue';
import { prerenderPage } from '$lib/server/prerender-page';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One page per league-city: /region/150100/ … */
export const entries: EntryGenerator = () => regions.map((r) => ({ code: r.code }));

export const load: PageServerLoad = async ({ params }) => {
	const region = regions.find((r) => r.code === params.code);
	if (!region) error(404, '没有这个盟市');
	return {
		region,
		...(await prerenderPage(regionDetailPage, regionDetailCharts, {
			...NO_FILTERS,
			region: region.code
		}))
	};
};
