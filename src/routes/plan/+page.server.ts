import { planPage } from '$lib/figures/pages';
import { prerenderPage } from '$lib/server/prerender-page';

/** 计划落实 has tables only. */
export const load = () => prerenderPage(planPage, () => ({}));
