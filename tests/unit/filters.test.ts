import { describe, expect, it } from 'vitest';
import {
	filtersFromSearch,
	filtersToSearch,
	hasFilters,
	sameFilters
} from '../../src/lib/dashboard/filters';
import { NO_FILTERS, type DashboardFilters } from '../../src/lib/figures/types';

const every: DashboardFilters = {
	year: 2026,
	region: '150600',
	industry: '26',
	tier: 2,
	status: 'approved'
};

describe('filters in the URL', () => {
	it('go to the query string and back unchanged', () => {
		const search = filtersToSearch(every);
		expect(search).toBe('?year=2026&region=150600&industry=26&tier=2&status=approved');
		expect(filtersFromSearch(new URLSearchParams(search))).toEqual(every);
		expect(filtersToSearch(NO_FILTERS)).toBe('');
		expect(filtersFromSearch(new URLSearchParams(''))).toEqual(NO_FILTERS);
	});

	it('drop what a hand-edited URL gets wrong, keeping the rest', () => {
		const params = new URLSearchParams(
			'year=1999&region=159999&industry=9999&tier=5&status=approved%27--'
		);
		expect(filtersFromSearch(params)).toEqual(NO_FILTERS);
		expect(filtersFromSearch(new URLSearchParams('region=150100&tier=2.5&industry=06'))).toEqual({
			...NO_FILTERS,
			region: '150100',
			industry: '06'
		});
	});

	it('are the same by value, whatever object holds them', () => {
		expect(sameFilters({ ...every }, every)).toBe(true);
		expect(sameFilters(NO_FILTERS, { ...NO_FILTERS })).toBe(true);
		for (const key of Object.keys(every) as (keyof DashboardFilters)[]) {
			expect(sameFilters({ ...every, [key]: null }, every)).toBe(false);
		}
		expect(hasFilters(NO_FILTERS)).toBe(false);
		expect(hasFilters({ ...NO_FILTERS, tier: 1 })).toBe(true);
	});
});
