-- The rows behind a figure (drill-through, issue #21): the anonymised declarations and the
-- enterprises as of each year, kept beside the cube and read only when a user asks what makes
-- a figure. Sections as in cube.sql; ordered, so the same data gives the same bytes.

-- @table declarations
-- Every declaration: its key, enterprise, 规上, declared and awarded tier (0: none), status,
-- whether it is flagged and its eligible tier (-1: no scenario file), and the scenarios it
-- built as "no:best" (the best tier the rules count, 0 for none), ';'-separated.
WITH built AS (
	SELECT declaration_id,
		string_agg(scenario_no || ':' || coalesce(best, 0), ';' ORDER BY scenario_no) AS scenarios
	FROM (
		SELECT declaration_id, scenario_no, max(counted_tier) AS best
		FROM scenarios GROUP BY declaration_id, scenario_no
	)
	GROUP BY declaration_id
)
SELECT d.year::INTEGER AS year, d.declaration_id AS id, d.enterprise_id AS enterprise,
	d.region_code AS region, d.industry_code AS industry, d.above_scale::INTEGER AS above_scale,
	d.declared_tier::INTEGER AS tier, coalesce(d.awarded_tier, 0)::INTEGER AS awarded, d.status,
	o.flagged::INTEGER AS flagged, coalesce(o.eligible_tier, -1)::INTEGER AS eligible,
	coalesce(b.scenarios, '') AS scenarios
FROM declarations d
JOIN declaration_overview o USING (declaration_id)
LEFT JOIN built b USING (declaration_id)
ORDER BY year, id;

-- @table enterprises
-- Each enterprise as of each year (views.sql's enterprise_year): what coverage and the tier
-- counts count.
SELECT year::INTEGER AS year, enterprise_id AS enterprise, region_code AS region,
	industry_code AS industry, above_scale::INTEGER AS above_scale, current_tier::INTEGER AS tier
FROM enterprise_year
ORDER BY year, enterprise;
