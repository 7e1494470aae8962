/**
 * What the plan asks beyond the headline targets, from the cube: enterprises with a 既有称号
 * declaring again for 先进级, each 盟市's own targets beside what it reached, and the national
 * pipeline of 卓越级 and 领航级. Pure.
 */
import { regions } from '../domain/catalogue';
import type { CubeCore } from '../cube/cube';
import { rowsOf } from '../cube/table';
import { basicStartsOf } from './basic-starts';
import { enterprisesOf } from './coverage';
import { oncePerCube } from './columns';
import {
	NO_FILTERS,
	type PipelineRow,
	type PriorTitleEnterprise,
	type PriorTitleRow,
	type RegionTargetRow,
	type TargetMetric
} from './types';

const priorTitleRows = (cube: CubeCore) =>
	oncePerCube(cube, 'prior titles', () =>
		rowsOf(cube.tables.prior_title_enterprises).map((r) => ({
			year: r.year as number,
			enterpriseId: r.enterprise as string,
			regionCode: r.region as string,
			priorTitle: r.prior_title as string,
			highestDeclared: r.highest_declared as number,
			highestAwarded: r.highest_awarded as number,
			declaredAdvanced: r.declared_advanced === 1,
			recognised: r.recognised === 1
		}))
	);

/**
 * Prior-title enterprises up to the year by 盟市 (all 12, GB/T 2260 order), then 全区. This and
 * the pipeline and the 盟市's own targets read no filter: made once per cube (and year).
 */
export function priorTitlesOf(cube: CubeCore, year: number): PriorTitleRow[] {
	return oncePerCube(cube, `prior titles by 盟市 ${year}`, () => {
		const rows = priorTitleRows(cube).filter((r) => r.year === year);
		const row = (code: string | null, name: string): PriorTitleRow => {
			const own = code === null ? rows : rows.filter((r) => r.regionCode === code);
			return {
				code,
				name,
				withTitle: own.length,
				declaredAdvanced: own.filter((r) => r.declaredAdvanced).length,
				recognised: own.filter((r) => r.recognised).length
			};
		};
		return [...regions.map((r) => row(r.code, r.name)), row(null, '全区')];
	});
}

/** Every prior-title enterprise of the year (of one 盟市, or all), by 盟市 then 企业编码. */
export function priorTitleEnterprisesOf(
	cube: CubeCore,
	year: number,
	region: string | null
): PriorTitleEnterprise[] {
	return priorTitleRows(cube)
		.filter((r) => r.year === year && (region === null || r.regionCode === region))
		.map(({ enterpriseId, regionCode, priorTitle, highestDeclared, highestAwarded }) => ({
			enterpriseId,
			regionCode,
			priorTitle,
			highestDeclared,
			highestAwarded
		}));
}

/** 卓越级 and 领航级 by year: recommended, recognised, not recognised. */
export function pipelineOf(cube: CubeCore): PipelineRow[] {
	return oncePerCube(cube, 'pipeline', () =>
		rowsOf(cube.tables.pipeline).map((r) => ({
			year: r.year as number,
			tier: r.tier as number,
			recommended: r.recommended as number,
			recognised: r.recognised as number,
			notRecognised: r.not_recognised as number
		}))
	);
}

/**
 * Each 盟市's own targets (盟市目标 file; none without it) with what the 盟市 reached in `year`:
 * coverage at 基础级 and above (null without a baseline count), basic-level starts declared,
 * enterprises by current tier — 0 where it has none.
 */
export function regionTargetsOf(cube: CubeCore, year: number): RegionTargetRow[] {
	return oncePerCube(cube, `盟市 targets ${year}`, () => {
		const targets = rowsOf(cube.tables.region_targets);
		if (!targets.length) return [];
		return targets.map((t) => {
			const code = t.region as string;
			const metric = t.metric as TargetMetric;
			return {
				code,
				name: regions.find((r) => r.code === code)?.name ?? code,
				metric,
				targetYear: t.target_year as number,
				target: t.target as number,
				actual: reached(cube, year, code, metric)
			};
		});
	});
}

function reached(
	cube: CubeCore,
	year: number,
	region: string,
	metric: TargetMetric
): number | null {
	if (metric === 'basic_starts')
		return basicStartsOf(cube, year, { ...NO_FILTERS, region }).declared;
	const { coverage, tiers } = enterprisesOf(cube, year, { region, industry: null });
	return metric === 'coverage' ? coverage.rate : tiers[metric];
}
