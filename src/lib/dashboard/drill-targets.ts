/**
 * The drill-through target (figures/drill.ts) of each mark on the dashboard, with the panel's
 * title, from the page's filters and year: a card, a bar or a map region, a table row, a
 * heatmap cell. Pure.
 */
import { industryDivisions, regions, tiers } from '../domain/catalogue';
import type { DrillTarget } from '../figures/drill';
import type { DashboardFilters } from '../figures/types';

export interface Drill {
	target: DrillTarget;
	title: string;
}

/** A 盟市's code from its full or short name (a map region, a ranking bar). */
export const regionCode = (name: string): string | null =>
	regions.find((r) => r.name === name || r.shortName === name)?.code ?? null;

const regionName = (code: string | null) =>
	code === null ? '全区' : (regions.find((r) => r.code === code)?.name ?? code);
const industryName = (code: string | null) =>
	code === null ? '' : (industryDivisions.find((d) => d.code === code)?.name ?? code);
const tierName = (rank: number) => tiers.find((t) => t.rank === rank)?.name ?? '';

/** "2026年包头市化学原料…" — the slice in words. */
function place(year: number, region: string | null, industry: string | null) {
	return `${year}年${regionName(region)}${industry === null ? '' : `（${industryName(industry)}）`}`;
}

/** Coverage's numerator: the 规上 enterprises at the filters' tier or above. */
export function coveredDrill(
	f: DashboardFilters,
	year: number,
	slice: { region?: string | null; industry?: string | null } = {}
): Drill {
	const region = slice.region === undefined ? f.region : slice.region;
	const industry = slice.industry === undefined ? f.industry : slice.industry;
	const threshold = f.tier ?? 1;
	return {
		target: { kind: 'covered', year, region, industry, threshold },
		title: `${place(year, region, industry)}${tierName(threshold)}及以上智能工厂覆盖的规上工业企业`
	};
}

/** A tier card: enterprises whose current tier is `tier`. */
export function tierDrill(f: DashboardFilters, year: number, tier: number): Drill {
	return {
		target: { kind: 'tier', year, region: f.region, industry: f.industry, tier },
		title: `${place(year, f.region, f.industry)}现有层级为${tierName(tier)}的企业`
	};
}

/** The starts card: enterprises declaring 基础级 in the year. */
export function startsDrill(f: DashboardFilters, year: number): Drill {
	return {
		target: {
			kind: 'starts',
			year,
			region: f.region,
			industry: f.industry,
			status: f.status,
			awarded: false
		},
		title: `${place(year, f.region, f.industry)}申报基础级的企业`
	};
}

/** A row of the 盟市 table: the 盟市's declarations of the year under the other filters. */
export function declarationsDrill(f: DashboardFilters, year: number, region: string): Drill {
	return {
		target: {
			kind: 'declarations',
			year,
			region,
			industry: f.industry,
			tier: f.tier,
			status: f.status
		},
		title: `${place(year, region, f.industry)}的申报`
	};
}

/**
 * A scenario heatmap's cell: by tier (`column` a rank, "at or above") under every filter, or by
 * 盟市 (`column` a 盟市 code, at any tier) under the others.
 */
export function scenarioDrill(
	f: DashboardFilters,
	year: number,
	scenario: { no: number; label: string },
	column: string,
	mode: 'tier' | 'region'
): Drill {
	const region = mode === 'region' ? column : f.region;
	const atOrAbove = mode === 'tier' ? Number(column) : 1;
	return {
		target: {
			kind: 'scenario',
			year,
			region,
			industry: f.industry,
			tier: f.tier,
			status: f.status,
			scenario: scenario.no,
			atOrAbove
		},
		title:
			`${place(year, region, f.industry)}建设“${scenario.label}”` +
			(mode === 'tier' ? `（${tierName(atOrAbove)}及以上）` : '') +
			'的申报'
	};
}

/** A 附件3 means cell: the declarations of its group (a 盟市, or a declared tier). */
export function groupDrill(
	f: DashboardFilters,
	year: number,
	by: 'region' | 'tier',
	key: string
): Drill {
	const region = by === 'region' ? key : f.region;
	const tier = by === 'tier' ? Number(key) : f.tier;
	return {
		target: { kind: 'declarations', year, region, industry: f.industry, tier, status: f.status },
		title: `${place(year, region, f.industry)}${tier === null ? '' : `申报${tierName(tier)}`}的申报`
	};
}
