-- Tables the import fills. Column order = src/lib/import/tables.ts TABLE_COLUMNS.
-- Tiers are ranks: 1 基础级, 2 先进级, 3 卓越级, 4 领航级. Indicator level 0 = 不涉及.
-- Derived tables of views.sql depend on these; drop them first.
DROP VIEW IF EXISTS declaration_flags;
DROP TABLE IF EXISTS declaration_overview;
DROP TABLE IF EXISTS enterprise_year;
DROP TABLE IF EXISTS data_years;
DROP TABLE IF EXISTS baseline_region;
DROP TABLE IF EXISTS baseline_industry;
DROP TABLE IF EXISTS baseline_total;
DROP TABLE IF EXISTS declarations;
DROP TABLE IF EXISTS scenarios;
DROP TABLE IF EXISTS baseline;
DROP TABLE IF EXISTS region_targets;
DROP TABLE IF EXISTS eligibility;

CREATE TABLE declarations (
	declaration_id VARCHAR NOT NULL,
	enterprise_id VARCHAR NOT NULL,
	year INTEGER NOT NULL,
	region_code VARCHAR NOT NULL,
	county VARCHAR,
	industry_code VARCHAR NOT NULL,
	size VARCHAR,
	above_scale BOOLEAN NOT NULL,
	declared_tier TINYINT NOT NULL,
	status VARCHAR NOT NULL, -- approved | rejected | pending | recommended
	awarded_tier TINYINT,
	maturity_level TINYINT,
	ind_rd_design TINYINT,
	ind_production_operation TINYINT,
	ind_production_management TINYINT,
	ind_business_management TINYINT,
	ind_marketing_service TINYINT,
	ind_supply_chain TINYINT,
	digital_investment DOUBLE,
	ind_network_security TINYINT,
	ind_data_elements TINYINT,
	ind_organization_talent TINYINT,
	prior_title VARCHAR,
	source_file VARCHAR NOT NULL,
	source_line INTEGER NOT NULL,
	extra VARCHAR -- JSON object of columns the contract does not list
);

CREATE TABLE scenarios (
	declaration_id VARCHAR NOT NULL,
	scenario_no TINYINT NOT NULL, -- 附件1 numbering
	scenario_tier TINYINT NOT NULL, -- as declared
	counted_tier TINYINT, -- as the tier rules count it (附件4 "/" lowers it); NULL = not counted
	source_file VARCHAR NOT NULL,
	source_line INTEGER NOT NULL,
	extra VARCHAR
);

CREATE TABLE baseline (
	year INTEGER NOT NULL,
	region_code VARCHAR NOT NULL, -- 150000 = 全区
	industry_code VARCHAR, -- NULL = all industries
	enterprises INTEGER NOT NULL,
	source_file VARCHAR NOT NULL,
	source_line INTEGER NOT NULL,
	extra VARCHAR
);

-- Optional 盟市目标: a league-city's own targets.
CREATE TABLE region_targets (
	region_code VARCHAR NOT NULL,
	metric VARCHAR NOT NULL, -- coverage | basic_starts | advanced | excellent | leading
	year INTEGER NOT NULL,
	target DOUBLE NOT NULL, -- coverage as a fraction (25% → 0.25)
	source_file VARCHAR NOT NULL,
	source_line INTEGER NOT NULL,
	extra VARCHAR
);

CREATE TABLE eligibility (
	declaration_id VARCHAR NOT NULL,
	eligible_tier TINYINT NOT NULL, -- 0 = not even 基础级
	shortfall VARCHAR -- failing 附件2 conditions of the claimed tier, when flagged
);
