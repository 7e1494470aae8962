/**
 * The normalised rows the import hands to DuckDB, one interface per table, and the column order
 * of each table (the same order as `src/lib/db/schema.sql`).
 */
import { fileKindSpec } from './file-kinds';
import type { ScenarioRows } from './scenario-rows';
import type { Status } from './values';

export interface DeclarationRow {
	declaration_id: string;
	enterprise_id: string;
	year: number;
	region_code: string;
	county: string | null;
	industry_code: string;
	size: string | null;
	above_scale: boolean;
	/** Tier rank 1–4 (基础级 … 领航级). */
	declared_tier: number;
	status: Status;
	awarded_tier: number | null;
	maturity_level: number | null;
	ind_rd_design: number | null;
	ind_production_operation: number | null;
	ind_production_management: number | null;
	ind_business_management: number | null;
	ind_marketing_service: number | null;
	ind_supply_chain: number | null;
	digital_investment: number | null;
	ind_network_security: number | null;
	ind_data_elements: number | null;
	ind_organization_talent: number | null;
	prior_title: string | null;
	source_file: string;
	source_line: number;
	/** Columns the contract does not list, as a JSON object, for the SQL console. */
	extra: string | null;
}

export interface ScenarioRow {
	declaration_id: string;
	/** 附件1 number. */
	scenario_no: number;
	/** The declared tier rank. */
	scenario_tier: number;
	/** The rank the tier rules count it at (附件4 "/" lowers it), or null. */
	counted_tier: number | null;
	source_file: string;
	source_line: number;
	extra: string | null;
}

export interface BaselineRow {
	year: number;
	/** GB/T 2260 code; 150000 for 全区. */
	region_code: string;
	/** 大类 code, or null for all industries. */
	industry_code: string | null;
	enterprises: number;
	source_file: string;
	source_line: number;
	extra: string | null;
}

export type TargetMetric = 'coverage' | 'basic_starts' | 'advanced' | 'excellent' | 'leading';

/** A 盟市's own target (optional file 盟市目标). */
export interface RegionTargetRow {
	region_code: string;
	metric: TargetMetric;
	year: number;
	/** Coverage as a fraction (25% → 0.25); counts as numbers of enterprises. */
	target: number;
	source_file: string;
	source_line: number;
	extra: string | null;
}

export interface EligibilityRow {
	declaration_id: string;
	/** Highest tier rank whose 附件2 conditions hold; 0 when none does. */
	eligible_tier: number;
	/** Failing conditions of the declared tier when it is above the eligible one, joined by "；". */
	shortfall: string | null;
}

export const TABLE_COLUMNS = {
	declarations: [
		'declaration_id',
		'enterprise_id',
		'year',
		'region_code',
		'county',
		'industry_code',
		'size',
		'above_scale',
		'declared_tier',
		'status',
		'awarded_tier',
		'maturity_level',
		'ind_rd_design',
		'ind_production_operation',
		'ind_production_management',
		'ind_business_management',
		'ind_marketing_service',
		'ind_supply_chain',
		'digital_investment',
		'ind_network_security',
		'ind_data_elements',
		'ind_organization_talent',
		'prior_title',
		'source_file',
		'source_line',
		'extra'
	],
	scenarios: [
		'declaration_id',
		'scenario_no',
		'scenario_tier',
		'counted_tier',
		'source_file',
		'source_line',
		'extra'
	],
	baseline: [
		'year',
		'region_code',
		'industry_code',
		'enterprises',
		'source_file',
		'source_line',
		'extra'
	],
	region_targets: [
		'region_code',
		'metric',
		'year',
		'target',
		'source_file',
		'source_line',
		'extra'
	],
	eligibility: ['declaration_id', 'eligible_tier', 'shortfall']
} as const satisfies Record<string, readonly string[]>;

export type TableName = keyof typeof TABLE_COLUMNS;

/**
 * Each table's Chinese name, the only name a user sees (a progress bar, a message): the name of
 * the file kind it is read from, or what it holds. Typed over every table, so a new table cannot
 * reach the screen under its internal name.
 */
export const TABLE_LABELS: Readonly<Record<TableName, string>> = {
	declarations: fileKindSpec('declarations').label,
	scenarios: fileKindSpec('scenarios').label,
	baseline: fileKindSpec('baseline').label,
	region_targets: fileKindSpec('targets').label,
	eligibility: '层级判定结果'
};

export interface ImportedTables {
	declarations: DeclarationRow[];
	scenarios: ScenarioRows;
	baseline: BaselineRow[];
	region_targets: RegionTargetRow[];
	eligibility: EligibilityRow[];
}
