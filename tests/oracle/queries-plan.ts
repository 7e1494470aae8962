/**
 * The oracle of 计划落实: enterprises with a 既有称号 declaring again for 先进级, each 盟市's own
 * targets, and the national pipeline of 卓越级 and 领航级, over the oracle's views prior_titles,
 * region_target_progress and national_pipeline.
 */
import { regions } from '../../src/lib/domain/catalogue';
import type { SqlEngine } from '../../src/lib/db/engine';
import type {
	PipelineRow,
	PriorTitleEnterprise,
	PriorTitleRow,
	RegionTargetRow
} from '../../src/lib/figures/types';

/** Prior-title enterprises by 盟市 (all 12, GB/T 2260 order) and 全区 last. */
export async function queryPriorTitles(engine: SqlEngine, year: number): Promise<PriorTitleRow[]> {
	const rows = await engine.query<{
		code: string | null;
		with_title: number;
		declared: number;
		recognised: number;
	}>(`
		SELECT region_code AS code, count(*)::INTEGER AS with_title,
			count(*) FILTER (WHERE declared_advanced)::INTEGER AS declared,
			count(*) FILTER (WHERE recognised)::INTEGER AS recognised
		FROM prior_titles WHERE year = ${year}
		GROUP BY GROUPING SETS ((region_code), ())`);
	const of = (code: string | null) => rows.find((r) => r.code === code);
	const row = (code: string | null, name: string): PriorTitleRow => ({
		code,
		name,
		withTitle: of(code)?.with_title ?? 0,
		declaredAdvanced: of(code)?.declared ?? 0,
		recognised: of(code)?.recognised ?? 0
	});
	return [...regions.map((r) => row(r.code, r.name)), row(null, '全区')];
}

/** Every prior-title enterprise of the year, by 盟市 then 企业编码. */
export async function queryPriorTitleEnterprises(
	engine: SqlEngine,
	year: number,
	region: string | null
): Promise<PriorTitleEnterprise[]> {
	return engine.query<PriorTitleEnterprise>(`
		SELECT enterprise_id AS "enterpriseId", region_code AS "regionCode", prior_title AS "priorTitle",
			highest_declared AS "highestDeclared", highest_awarded AS "highestAwarded"
		FROM prior_titles WHERE year = ${year}
		${region === null ? '' : `AND region_code = '${region}'`}
		ORDER BY region_code, enterprise_id`);
}

/** 卓越级 and 领航级: recommended, recognised and not recognised, by year. */
export async function queryNationalPipeline(engine: SqlEngine): Promise<PipelineRow[]> {
	return engine.query<PipelineRow>(`
		SELECT year::INTEGER AS year, tier, recommended, recognised, not_recognised AS "notRecognised"
		FROM national_pipeline ORDER BY year, tier`);
}

/**
 * Each 盟市's own targets with what it reached in `year`. Without a 盟市目标 file (the usual
 * case) there is nothing to ask: the view's joins would still work out every 盟市's figures
 * (~60 ms at a million scenario rows in the browser).
 */
export async function queryRegionTargets(
	engine: SqlEngine,
	year: number
): Promise<RegionTargetRow[]> {
	const [targets] = await engine.query<{ n: number }>(
		'SELECT count(*)::INTEGER AS n FROM region_targets'
	);
	if (!targets?.n) return [];
	const rows = await engine.query<Omit<RegionTargetRow, 'name'>>(`
		SELECT region_code AS code, metric, target_year::INTEGER AS "targetYear", target, actual
		FROM region_target_progress WHERE year = ${year}
		ORDER BY region_code, metric, target_year`);
	return rows.map((r) => ({ ...r, name: regions.find((g) => g.code === r.code)?.name ?? r.code }));
}
