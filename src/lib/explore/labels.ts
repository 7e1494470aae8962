/** Display names of the pivot's dimension keys (codes → Chinese names). */
import { industryDivisions, regions, scenarios, tiers } from '../domain/catalogue';
import { STATUS_NAMES, type Status } from '../import/values';
import type { Dimension } from './pivot';

export function dimensionLabel(dimension: Dimension, key: string): string {
	switch (dimension) {
		case 'year':
			return `${key}年`;
		case 'region':
			return regions.find((r) => r.code === key)?.name ?? key;
		case 'industry': {
			const d = industryDivisions.find((i) => i.code === key);
			return d ? `${d.section}${d.code} ${d.name}` : key;
		}
		case 'tier':
			return tiers.find((t) => String(t.rank) === key)?.name ?? key;
		case 'status':
			return STATUS_NAMES[key as Status] ?? key;
		case 'segment':
			return key;
		case 'indicatorLevel':
			return key === '0' ? '不涉及' : `${key}级`;
		case 'scenario': {
			const s = scenarios.find((x) => String(x.no) === key);
			return s ? `${s.no} ${s.name}` : key;
		}
	}
}
