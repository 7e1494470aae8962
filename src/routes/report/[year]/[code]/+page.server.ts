import { error } from '@sveltejs/kit';
import { regions } from '$lib/domain/catalogue';
import { buildReportPage, buildReportYears } from '$lib/server/reports';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One report per year and 盟市: /report/2026/150100/ … */
export const entries: EntryGenerator = async () =>
	(await buildReportYears()).flatMap((y) =>
		regions.map((r) => ({ year: String(y.year), code: r.code }))
	);

export const load: PageServerLoad = async ({ params }) => {
	if (!regions.some((r) => r.code === params.code)) error(404, '没有这个盟市');
	const page = await buildReportPage(Number(params.year), params.code);
	if (!page) error(404, '没有这一年的数据');
	return page;
};
