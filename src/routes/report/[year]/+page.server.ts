import { error } from '@sveltejs/kit';
import { buildReportPage, buildReportYears } from '$lib/server/reports';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One region-wide report per year of the data: /report/2026/ … */
export const entries: EntryGenerator = async () =>
	(await buildReportYears()).map((y) => ({ year: String(y.year) }));

export const load: PageServerLoad = async ({ params }) => {
	const page = await buildReportPage(Number(params.year), null);
	if (!page) error(404, '没有这一年的数据');
	return page;
};
