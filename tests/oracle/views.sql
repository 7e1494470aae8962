-- The test oracle's per-figure views: each figure as SQL over the production building blocks
-- (src/lib/db/views.sql), written apart from the cube (src/lib/db/cube.sql) and its slices
-- (src/lib/figures/), which tests/unit/cube.test.ts and summary.test.ts hold equal to these.
-- Not part of the site: production has one implementation per figure, the cube's.

-- Numerators: above-scale enterprises at each tier or above, by year × 盟市 × 行业.
CREATE OR REPLACE VIEW coverage_numerators AS
SELECT
	year, region_code, industry_code,
	count(*) FILTER (WHERE current_tier >= 1)::INTEGER AS basic_or_above,
	count(*) FILTER (WHERE current_tier >= 2)::INTEGER AS advanced_or_above,
	count(*) FILTER (WHERE current_tier >= 3)::INTEGER AS excellent_or_above,
	count(*) FILTER (WHERE current_tier >= 4)::INTEGER AS leading_only
FROM enterprise_year
WHERE above_scale
GROUP BY ALL;

-- Coverage region-wide, by 盟市, by 行业 and by 盟市 × 行业; rate NULL where there is no denominator.
CREATE OR REPLACE VIEW coverage_total AS
SELECT t.year,
	coalesce(sum(n.basic_or_above), 0)::INTEGER AS basic_or_above,
	coalesce(sum(n.advanced_or_above), 0)::INTEGER AS advanced_or_above,
	coalesce(sum(n.excellent_or_above), 0)::INTEGER AS excellent_or_above,
	coalesce(sum(n.leading_only), 0)::INTEGER AS leading_only,
	any_value(t.enterprises) AS denominator,
	(coalesce(sum(n.basic_or_above), 0) / nullif(any_value(t.enterprises), 0))::DOUBLE AS rate
FROM baseline_total t LEFT JOIN coverage_numerators n USING (year)
GROUP BY t.year;

CREATE OR REPLACE VIEW coverage_region AS
SELECT y.year, r.code AS region_code, r.name AS region_name, r.short_name,
	coalesce(sum(n.basic_or_above), 0)::INTEGER AS basic_or_above,
	coalesce(sum(n.advanced_or_above), 0)::INTEGER AS advanced_or_above,
	coalesce(sum(n.excellent_or_above), 0)::INTEGER AS excellent_or_above,
	coalesce(sum(n.leading_only), 0)::INTEGER AS leading_only,
	any_value(b.enterprises) AS denominator,
	(coalesce(sum(n.basic_or_above), 0) / nullif(any_value(b.enterprises), 0))::DOUBLE AS rate
FROM data_years y CROSS JOIN ref_regions r
LEFT JOIN coverage_numerators n ON n.year = y.year AND n.region_code = r.code
LEFT JOIN baseline_region b ON b.year = y.year AND b.region_code = r.code
GROUP BY y.year, r.code, r.name, r.short_name, r.sort_order
ORDER BY y.year, r.sort_order;

CREATE OR REPLACE VIEW coverage_industry AS
-- Every 大类 with a baseline count or any enterprise (规上 or not: its tier counts are shown).
WITH industries AS (
	SELECT DISTINCT year, industry_code FROM baseline_industry
	UNION SELECT DISTINCT year, industry_code FROM enterprise_year
)
SELECT i.year, i.industry_code, ri.section, ri.name AS industry_name,
	coalesce(sum(n.basic_or_above), 0)::INTEGER AS basic_or_above,
	coalesce(sum(n.advanced_or_above), 0)::INTEGER AS advanced_or_above,
	coalesce(sum(n.excellent_or_above), 0)::INTEGER AS excellent_or_above,
	coalesce(sum(n.leading_only), 0)::INTEGER AS leading_only,
	any_value(b.enterprises) AS denominator,
	(coalesce(sum(n.basic_or_above), 0) / nullif(any_value(b.enterprises), 0))::DOUBLE AS rate
FROM industries i
JOIN ref_industries ri ON ri.code = i.industry_code
LEFT JOIN coverage_numerators n ON n.year = i.year AND n.industry_code = i.industry_code
LEFT JOIN baseline_industry b ON b.year = i.year AND b.industry_code = i.industry_code
GROUP BY i.year, i.industry_code, ri.section, ri.name
ORDER BY i.year, i.industry_code;

CREATE OR REPLACE VIEW coverage_region_industry AS
SELECT coalesce(n.year, b.year) AS year,
	coalesce(n.region_code, b.region_code) AS region_code,
	coalesce(n.industry_code, b.industry_code) AS industry_code,
	coalesce(n.basic_or_above, 0)::INTEGER AS basic_or_above,
	b.enterprises AS denominator,
	(coalesce(n.basic_or_above, 0) / nullif(b.enterprises, 0))::DOUBLE AS rate
FROM coverage_numerators n
FULL JOIN (SELECT * FROM baseline WHERE region_code <> '150000' AND industry_code IS NOT NULL) b
	ON b.year = n.year AND b.region_code = n.region_code AND b.industry_code = n.industry_code;

-- Enterprises by current tier (all enterprises, above-scale or not), by year × 盟市.
CREATE OR REPLACE VIEW tier_counts AS
SELECT year, region_code,
	count(*) FILTER (WHERE current_tier = 1)::INTEGER AS basic,
	count(*) FILTER (WHERE current_tier = 2)::INTEGER AS advanced,
	count(*) FILTER (WHERE current_tier = 3)::INTEGER AS excellent,
	count(*) FILTER (WHERE current_tier = 4)::INTEGER AS "leading"
FROM enterprise_year
GROUP BY ALL;

-- Basic-level starts: distinct enterprises that declared 基础级 in the year; of them, awarded.
-- By 盟市, and region-wide where region_code is NULL (distinct counts do not add up across 盟市).
CREATE OR REPLACE VIEW basic_starts AS
SELECT year, region_code,
	count(DISTINCT enterprise_id)::INTEGER AS declared,
	count(DISTINCT enterprise_id) FILTER (WHERE status = 'approved' AND awarded_tier >= 1)::INTEGER AS awarded
FROM declarations
WHERE declared_tier = 1
GROUP BY GROUPING SETS ((year, region_code), (year));

-- Share of a year's declarations that built each scenario at each tier or above (aggregate
-- first, then unpivot the small result: UNPIVOT over raw rows is slow at scale). Each
-- declaration's best tier per scenario is taken from the scenario rows alone and joined to its
-- year and 盟市 afterwards: grouping on two keys before the join, not four after it, is ~30%
-- faster at 10× and 100× (same rows; 申报编号 is unique among declarations).
CREATE OR REPLACE VIEW scenario_shares AS
WITH best AS (
	SELECT declaration_id, scenario_no, max(counted_tier) AS tier
	FROM scenarios GROUP BY declaration_id, scenario_no
), per_declaration AS (
	SELECT d.year, d.region_code, b.scenario_no, b.tier
	FROM best b JOIN declarations d USING (declaration_id)
), counts AS (
	SELECT year, region_code, scenario_no,
		count(*) FILTER (WHERE tier >= 1) AS t1, count(*) FILTER (WHERE tier >= 2) AS t2,
		count(*) FILTER (WHERE tier >= 3) AS t3, count(*) FILTER (WHERE tier >= 4) AS t4
	FROM per_declaration GROUP BY ALL
), totals AS (
	SELECT year, region_code, count(*) AS declarations FROM declarations GROUP BY ALL
)
SELECT c.year, c.region_code, c.scenario_no, u.tier::INTEGER AS tier, u.n::INTEGER AS declarations_with,
	t.declarations::INTEGER AS declarations, (u.n / t.declarations)::DOUBLE AS share
FROM counts c
JOIN totals t USING (year, region_code)
CROSS JOIN LATERAL (VALUES (1, c.t1), (2, c.t2), (3, c.t3), (4, c.t4)) u(tier, n);

-- 既有称号 (the plan asks these enterprises to declare again for 先进级): per year, every
-- enterprise with a prior title in its declarations up to the year, its latest 盟市 (a tie in a
-- year: the larger 申报编号, as the contract's "latest declaration" is read for coverage), whether it
-- has declared 先进级 or above under the plan and whether it was recognised at 先进级 or above.
-- Only those enterprises' declarations are grouped (the year each first names a title decides),
-- not every enterprise's: the same rows, ~2x faster in duckdb-wasm at a million scenario rows.
CREATE OR REPLACE VIEW prior_titles AS
WITH titled AS (
	SELECT enterprise_id, min(year) AS first_titled
	FROM declarations WHERE prior_title IS NOT NULL
	GROUP BY enterprise_id
)
SELECT y.year, d.enterprise_id,
	arg_max(d.region_code, (d.year, d.declaration_id)) AS region_code,
	max(d.prior_title) AS prior_title,
	max(d.declared_tier)::INTEGER AS highest_declared,
	coalesce(max(d.awarded_tier) FILTER (WHERE d.status = 'approved'), 0)::INTEGER AS highest_awarded,
	bool_or(d.declared_tier >= 2) AS declared_advanced,
	coalesce(bool_or(d.status = 'approved' AND d.awarded_tier >= 2), false) AS recognised
FROM data_years y
JOIN titled t ON t.first_titled <= y.year
JOIN declarations d ON d.enterprise_id = t.enterprise_id AND d.year <= y.year
GROUP BY y.year, d.enterprise_id;

-- The national pipeline of 卓越级 and 领航级 by year: enterprises the region recommended
-- (已推荐, awaiting the national decision), recognised at the tier, and not recognised.
-- Recommended is never added to recognised.
CREATE OR REPLACE VIEW national_pipeline AS
SELECT y.year, t.rank::INTEGER AS tier,
	count(DISTINCT d.enterprise_id) FILTER (WHERE d.status = 'recommended')::INTEGER AS recommended,
	count(DISTINCT d.enterprise_id) FILTER (WHERE d.status = 'approved' AND d.awarded_tier >= t.rank)::INTEGER AS recognised,
	count(DISTINCT d.enterprise_id) FILTER (
		WHERE d.status = 'rejected' OR (d.status = 'approved' AND coalesce(d.awarded_tier, 0) < t.rank)
	)::INTEGER AS not_recognised
FROM data_years y CROSS JOIN ref_tiers t
LEFT JOIN declarations d ON d.year = y.year AND d.declared_tier = t.rank
WHERE t.rank >= 3
GROUP BY y.year, t.rank;

-- A 盟市's own targets (optional 盟市目标 file) beside what it has reached in each data year.
CREATE OR REPLACE VIEW region_target_progress AS
SELECT y.year, t.region_code, t.metric, t.year AS target_year, t.target,
	CASE t.metric
		WHEN 'coverage' THEN c.rate
		-- Counts of nothing are 0 (a 盟市 without declarations), not NULL.
		WHEN 'basic_starts' THEN coalesce(s.declared, 0)
		WHEN 'advanced' THEN coalesce(tc.advanced, 0)
		WHEN 'excellent' THEN coalesce(tc.excellent, 0)
		WHEN 'leading' THEN coalesce(tc."leading", 0)
	END::DOUBLE AS actual
FROM region_targets t CROSS JOIN data_years y
LEFT JOIN coverage_region c ON c.year = y.year AND c.region_code = t.region_code
LEFT JOIN basic_starts s ON s.year = y.year AND s.region_code = t.region_code
LEFT JOIN tier_counts tc ON tc.year = y.year AND tc.region_code = t.region_code;
