/** Example queries for the SQL console: the questions analysts ask most. */
export const SQL_EXAMPLES: readonly { title: string; sql: string }[] = [
	{
		title: '各盟市最新年度覆盖率',
		sql: `SELECT r.name AS 盟市,
       count(*) FILTER (WHERE e.above_scale AND e.current_tier >= 1) AS 覆盖企业,
       any_value(b.enterprises) AS 规上企业,
       round(100 * 覆盖企业 / any_value(b.enterprises), 1) AS "覆盖率%"
FROM ref_regions r
JOIN enterprise_year e ON e.region_code = r.code
LEFT JOIN baseline_region b ON b.region_code = r.code AND b.year = e.year
WHERE e.year = (SELECT max(year) FROM data_years)
GROUP BY r.name, r.sort_order
ORDER BY "覆盖率%" DESC NULLS LAST`
	},
	{
		title: '层级高于附件2判定的申报',
		sql: `SELECT declaration_id AS 申报编号, year AS 年度, region_name AS 盟市,
       declared_tier AS 申报层级, awarded_tier AS 认定层级, eligible_tier AS 符合层级, shortfall AS 不满足的条件
FROM declaration_flags
ORDER BY year, declaration_id`
	},
	{
		title: '建设最多的10个场景',
		sql: `SELECT r.no AS 编号, r.name AS 场景, r.segment AS 环节, count(DISTINCT s.declaration_id) AS 申报数
FROM scenarios s JOIN ref_scenarios r ON r.no = s.scenario_no
GROUP BY ALL
ORDER BY 申报数 DESC
LIMIT 10`
	},
	{
		title: '各年度申报数与审核状态',
		sql: `SELECT year AS 年度, status AS 状态, count(*) AS 申报数
FROM declarations
GROUP BY ALL
ORDER BY 1, 2`
	}
];
