import { regionsCharts } from '$lib/charts/page-charts';
import { regionsPage } from '$lib/figures/pages';
import { prerenderPage } from '$lib/server/prerender-page';

export const load = () => prerenderPage(regionsPage, regionsCharts);
