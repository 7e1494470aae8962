import { scenariosCharts } from '$lib/charts/page-charts';
import { scenariosPage } from '$lib/figures/pages';
import { prerenderPage } from '$lib/server/prerender-page';

export const load = () => prerenderPage(scenariosPage, scenariosCharts);
