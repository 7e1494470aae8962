import { regions } from '$lib/domain/catalogue';
import { buildReportYears } from '$lib/server/reports';

/** The years with a published report, newest first, and the 盟市 reports of each. */
export const load = async () => ({
	years: (await buildReportYears()).map((y) => y.year).reverse(),
	regions: regions.map((r) => ({ code: r.code, name: r.name }))
});
