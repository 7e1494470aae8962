import { industriesCharts } from '$lib/charts/page-charts';
import { industriesPage } from '$lib/figures/pages';
import { prerenderPage } from '$lib/server/prerender-page';

export const load = () => prerenderPage(industriesPage, industriesCharts);
