/**
 * The site's sections in navigation order. `ready: false` marks a section still being built:
 * it shows in the navigation, greyed out, without a link, so nobody lands on an empty page.
 */
export interface NavItem {
	/** Path below the site's base, with a trailing slash. */
	path: string;
	label: string;
	ready: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
	{ path: '/', label: '总览', ready: true },
	{ path: '/region/', label: '盟市', ready: true },
	{ path: '/industry/', label: '行业', ready: true },
	{ path: '/scenario/', label: '场景', ready: true },
	{ path: '/assessment/', label: '能力评估', ready: true },
	{ path: '/plan/', label: '计划落实', ready: true },
	{ path: '/report/', label: '年度报告', ready: true },
	{ path: '/data/', label: '数据', ready: true },
	{ path: '/explore/', label: '探索', ready: true },
	{ path: '/self-assessment/', label: '自评', ready: true },
	{ path: '/policy/', label: '政策与场景', ready: true }
];

/** Whether `pathname` (base already removed) is within the section at `path`. */
export function isCurrentSection(pathname: string, path: string): boolean {
	return path === '/' ? pathname === '/' : pathname.startsWith(path);
}
