import { assessmentCharts } from '$lib/charts/page-charts';
import { assessmentPage } from '$lib/figures/pages';
import { prerenderPage } from '$lib/server/prerender-page';

export const load = () => prerenderPage(assessmentPage, assessmentCharts);
