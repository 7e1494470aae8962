import { overviewCharts } from '$lib/charts/page-charts';
import { overviewPage } from '$lib/figures/pages';
import { prerenderPage } from '$lib/server/prerender-page';

/** 总览 for the build's data, baked into the prerendered page with its charts as SVG. */
export const load = () => prerenderPage(overviewPage, overviewCharts);
