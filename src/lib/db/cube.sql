-- The cube: every figure the dashboard, the reports and `npm run summary` show is a slice of
-- these small aggregates (src/lib/figures/), so each figure has one implementation. Each
-- section below is one table of the cube, named by its `-- @table` line; it runs after
-- schema.sql and views.sql, in duckdb-wasm after an import and in @duckdb/node-api at build
-- time and for the CLI. Rows are ordered, so the same data always gives the same bytes.
-- Definitions: the data contract; what each table is for: docs/cube.md.

-- @table years
-- Every year in the data.
SELECT year::INTEGER AS year FROM data_years ORDER BY year;

-- @table enterprises
-- Enterprises as of each year by 盟市 × 行业 × 规上 × current tier (0: none): coverage at any
-- tier and the tier counts of any slice.
SELECT year::INTEGER AS year, region_code AS region, industry_code AS industry,
	above_scale::INTEGER AS above_scale, current_tier::INTEGER AS tier, count(*)::INTEGER AS n
FROM enterprise_year
GROUP BY ALL ORDER BY ALL;

-- @table declarations
-- Declarations by year × 盟市 × 行业 × declared tier × status × flagged (declared or awarded
-- above the eligible tier of 附件2).
SELECT year::INTEGER AS year, region_code AS region, industry_code AS industry,
	declared_tier::INTEGER AS tier, status, flagged::INTEGER AS flagged, count(*)::INTEGER AS n
FROM declaration_overview
GROUP BY ALL ORDER BY ALL;

-- @table basic_starts
-- Basic-level starts count distinct enterprises, which do not add up across slices: each
-- enterprise that declared 基础级 in a year is grouped by the set of its 基础级 declarations'
-- "盟市 行业 status awarded" (`members`, sorted, ';'-separated). A slice's starts are then the
-- groups with a member in the slice, its awarded starts those with an awarded member there.
WITH member AS (
	SELECT DISTINCT year, enterprise_id,
		concat_ws(' ', region_code, industry_code, status,
			(status = 'approved' AND coalesce(awarded_tier, 0) >= 1)::INTEGER) AS member
	FROM declarations
	WHERE declared_tier = 1
), per_enterprise AS (
	SELECT year, string_agg(member, ';' ORDER BY member) AS members
	FROM member GROUP BY year, enterprise_id
)
SELECT year::INTEGER AS year, members, count(*)::INTEGER AS n
FROM per_enterprise
GROUP BY ALL ORDER BY ALL;

-- @table baseline
-- The baseline's industry rows (全区 × 行业 among them): denominators of 盟市 × 行业 slices.
SELECT year::INTEGER AS year, region_code AS region, industry_code AS industry,
	enterprises::INTEGER AS enterprises
FROM baseline
WHERE industry_code IS NOT NULL
ORDER BY ALL;

-- @table baseline_region
-- A 盟市's denominator: its own row, else the sum of its industry rows (views.sql).
SELECT year::INTEGER AS year, region_code AS region, enterprises::INTEGER AS enterprises
FROM baseline_region ORDER BY ALL;

-- @table baseline_industry
SELECT year::INTEGER AS year, industry_code AS industry, enterprises::INTEGER AS enterprises
FROM baseline_industry ORDER BY ALL;

-- @table baseline_total
SELECT year::INTEGER AS year, enterprises::INTEGER AS enterprises
FROM baseline_total ORDER BY ALL;

-- @table scenarios
-- Scenario rows by declaration key (year, 盟市, 行业, declared tier, status) × scenario: t1–t4
-- count the declarations that built the scenario at that tier or above (the highest tier the
-- rules count among a declaration's rows of it; t1 = built at all), `short` the rows counted
-- below their declared tier (附件4 "/" there). Grouped per declaration first, on two keys,
-- then joined to its key: faster than grouping on all of them at once.
WITH per AS (
	SELECT declaration_id, scenario_no, max(counted_tier) AS best,
		count(*) FILTER (WHERE coalesce(counted_tier, 0) < scenario_tier) AS short
	FROM scenarios
	GROUP BY declaration_id, scenario_no
)
SELECT d.year::INTEGER AS year, d.region_code AS region, d.industry_code AS industry,
	d.declared_tier::INTEGER AS tier, d.status, p.scenario_no::INTEGER AS scenario,
	count(*) FILTER (WHERE p.best >= 1)::INTEGER AS t1,
	count(*) FILTER (WHERE p.best >= 2)::INTEGER AS t2,
	count(*) FILTER (WHERE p.best >= 3)::INTEGER AS t3,
	count(*) FILTER (WHERE p.best >= 4)::INTEGER AS t4,
	sum(p.short)::INTEGER AS short
FROM per p JOIN declarations d USING (declaration_id)
GROUP BY ALL ORDER BY ALL;

-- @table assessment
-- Declarations by key × GB/T 39116 maturity × the nine 附件3 level indicators (0 = 不涉及,
-- NULL = not given): level counts and means of any slice.
SELECT year::INTEGER AS year, region_code AS region, industry_code AS industry,
	declared_tier::INTEGER AS tier, status, maturity_level::INTEGER AS maturity,
	ind_rd_design::INTEGER AS rd_design,
	ind_production_operation::INTEGER AS production_operation,
	ind_production_management::INTEGER AS production_management,
	ind_business_management::INTEGER AS business_management,
	ind_marketing_service::INTEGER AS marketing_service,
	ind_supply_chain::INTEGER AS supply_chain,
	ind_network_security::INTEGER AS network_security,
	ind_data_elements::INTEGER AS data_elements,
	ind_organization_talent::INTEGER AS organization_talent,
	count(*)::INTEGER AS n
FROM declarations
GROUP BY ALL ORDER BY ALL;

-- @table prior_title_enterprises
-- 既有称号 (the plan asks these enterprises to declare again for 先进级): per year, each
-- enterprise with a prior title in its declarations up to the year, its 盟市 as every other
-- figure places it (enterprise_year: its latest declaration, a tie in a year broken by the
-- larger 申报编号, as coverage breaks it; arg_max over the year alone took file order), its
-- highest declared and awarded tier, whether it declared 先进级 or above under the plan and
-- whether it was recognised at 先进级 or above. Only those enterprises' declarations are
-- grouped (the year each first names a title decides). A pseudonymous list: 计划落实 shows it
-- on the internal site; published reports show only its counts.
WITH titled AS (
	SELECT enterprise_id, min(year) AS first_titled
	FROM declarations WHERE prior_title IS NOT NULL
	GROUP BY enterprise_id
)
SELECT y.year::INTEGER AS year, d.enterprise_id AS enterprise,
	e.region_code AS region,
	max(d.prior_title) AS prior_title,
	max(d.declared_tier)::INTEGER AS highest_declared,
	coalesce(max(d.awarded_tier) FILTER (WHERE d.status = 'approved'), 0)::INTEGER AS highest_awarded,
	bool_or(d.declared_tier >= 2)::INTEGER AS declared_advanced,
	coalesce(bool_or(d.status = 'approved' AND d.awarded_tier >= 2), false)::INTEGER AS recognised
FROM data_years y
JOIN titled t ON t.first_titled <= y.year
JOIN declarations d ON d.enterprise_id = t.enterprise_id AND d.year <= y.year
JOIN enterprise_year e ON e.year = y.year AND e.enterprise_id = d.enterprise_id
GROUP BY y.year, d.enterprise_id, e.region_code
ORDER BY year, region, enterprise;

-- @table pipeline
-- 卓越级 and 领航级 by year: enterprises the region recommended (已推荐, awaiting the
-- national decision), recognised at the tier or above, and not recognised (未通过, or
-- recognised lower). Recommended is never added to recognised.
SELECT y.year::INTEGER AS year, t.rank::INTEGER AS tier,
	count(DISTINCT d.enterprise_id) FILTER (WHERE d.status = 'recommended')::INTEGER AS recommended,
	count(DISTINCT d.enterprise_id) FILTER (WHERE d.status = 'approved' AND d.awarded_tier >= t.rank)::INTEGER AS recognised,
	count(DISTINCT d.enterprise_id) FILTER (
		WHERE d.status = 'rejected' OR (d.status = 'approved' AND coalesce(d.awarded_tier, 0) < t.rank)
	)::INTEGER AS not_recognised
FROM data_years y CROSS JOIN ref_tiers t
LEFT JOIN declarations d ON d.year = y.year AND d.declared_tier = t.rank
WHERE t.rank >= 3
GROUP BY y.year, t.rank
ORDER BY year, tier;

-- @table region_targets
-- The optional 盟市目标 file: each 盟市's own targets (what it reached is a slice).
SELECT region_code AS region, metric, year::INTEGER AS target_year, target::DOUBLE AS target
FROM region_targets
ORDER BY region, metric, target_year;
