/**
 * The filters follow the user across the dashboard pages (issue #21): the filters of the
 * dashboard page last shown, as a query string, which the navigation's dashboard links and the
 * links in tables carry. A filter a page does not have (计划落实 has no 行业) stays in its URL
 * and in here, for the next page that has it. Browser state only: prerendered links have none.
 */
class SharedFilters {
	/** `?region=150600&tier=2`, or '' for none. */
	search = $state('');
}

export const sharedFilters = new SharedFilters();

/** The site's sections whose pages are filtered (the dashboard pages). */
const FILTERED = ['/', '/region/', '/industry/', '/scenario/', '/assessment/', '/plan/'];

/** Whether the section at `path` (a NavItem's) has the dashboard's filters. */
export const isFilteredSection = (path: string) => FILTERED.includes(path);
