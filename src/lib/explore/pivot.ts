/**
 * The 探索 pivot: rows and columns chosen from the data's dimensions, one measure. Coverage and
 * enterprises are figures of the dashboard, sliced from the cube (pivot-cube.ts); the measures
 * that count rows the cube does not keep are a SQL query over the rows here (pure: builds SQL and
 * shapes results; DuckDB runs it). Counts and means take their totals from GROUPING SETS, so
 * distinct counts stay exact in the margins; a share's totals are its numerators' sum over its
 * denominators' sum (shares.ts), never a sum of shares.
 */
import { indicators } from '../domain/catalogue';
import { shareCells } from './shares';

/** The pivot's year when the data has several: the latest (a scalar subquery). */
const LATEST_YEAR = '(SELECT max(year) FROM data_years)';

export const DIMENSIONS = {
	year: '年度',
	region: '盟市',
	industry: '行业',
	tier: '层级',
	status: '审核状态',
	segment: '环节',
	scenario: '场景',
	indicatorLevel: '附件3指标等级'
} as const;
export type Dimension = keyof typeof DIMENSIONS;

export const MEASURES = {
	enterprises: '智能工厂企业数（现有层级）',
	declarations: '申报数',
	coverage: '覆盖率（基础级及以上，%）',
	scenarioShare: '建设该场景的申报占比（%）',
	indicatorMean: '附件3指标平均等级'
} as const;
export type Measure = keyof typeof MEASURES;

export interface PivotSpec {
	rows: Dimension;
	/** null: a single column. */
	columns: Dimension | null;
	measure: Measure;
	/** The year for every dimension but 年度; null = the latest. */
	year: number | null;
	/** The 附件3 indicator whose level the 指标等级 dimension reads (a key of indicators.json). */
	indicator?: string;
}

/** The indicators a level can be read from (not the amount 数字化投入规模). */
export const LEVEL_INDICATORS = indicators.filter((i) => i.kind === 'level');

function indicatorColumn(spec: PivotSpec): string {
	const indicator = LEVEL_INDICATORS.find((i) => i.key === spec.indicator) ?? LEVEL_INDICATORS[0];
	return `ind_${indicator?.key ?? 'rd_design'}`;
}

/** Which dimensions each measure can be broken down by. */
export const MEASURE_DIMENSIONS: Record<Measure, readonly Dimension[]> = {
	enterprises: ['year', 'region', 'industry', 'tier'],
	declarations: [
		'year',
		'region',
		'industry',
		'tier',
		'status',
		'segment',
		'scenario',
		'indicatorLevel'
	],
	coverage: ['year', 'region', 'industry'],
	scenarioShare: ['scenario', 'year', 'region', 'industry', 'tier', 'status'],
	indicatorMean: ['year', 'region', 'industry', 'tier', 'status']
};

export function pivotProblem(spec: PivotSpec): string | null {
	const allowed = MEASURE_DIMENSIONS[spec.measure];
	for (const d of [spec.rows, spec.columns]) {
		if (d !== null && !allowed.includes(d))
			return `“${MEASURES[spec.measure]}”不能按“${DIMENSIONS[d]}”分组`;
	}
	if (spec.rows === spec.columns) return '行和列不能是同一维度';
	if (spec.measure === 'scenarioShare' && spec.rows !== 'scenario' && spec.columns !== 'scenario') {
		return '“建设该场景的申报占比”需要把“场景”选为行或列';
	}
	return null;
}

/** SQL expression of a dimension over the fact alias `f` (declaration or enterprise facts). */
const DIMENSION_SQL: Record<Dimension, string> = {
	year: 'f.year::VARCHAR',
	region: 'f.region_code',
	industry: 'f.industry_code',
	tier: 'f.tier::VARCHAR',
	status: 'f.status',
	segment: 'f.segment',
	scenario: 'f.scenario_no::VARCHAR',
	indicatorLevel: 'f.level::VARCHAR'
};

const LEVEL_KEYS = LEVEL_INDICATORS.map((i) => `ind_${i.key}`);

/** The facts a measure counts, one row per enterprise or per declaration (× scenario where needed). */
function factsSql(spec: PivotSpec): string {
	const dims = [spec.rows, spec.columns];
	const yearCondition = dims.includes('year')
		? 'year IS NOT NULL'
		: `year = ${spec.year === null ? LATEST_YEAR : Number(spec.year)}`;
	const withScenarios = dims.includes('segment') || dims.includes('scenario');
	if (spec.measure === 'scenarioShare' && !withScenarios)
		throw new Error('scenarioShare needs 场景');
	const levels =
		(spec.measure === 'indicatorMean'
			? `, ${LEVEL_KEYS.map((k) => `nullif(d.${k}, 0) AS ${k}`).join(', ')}`
			: '') + (dims.includes('indicatorLevel') ? `, d.${indicatorColumn(spec)} AS level` : '');
	return withScenarios
		? `SELECT d.year, d.region_code, d.industry_code, d.declared_tier AS tier, d.status, d.declaration_id,
				r.segment, s.scenario_no${levels}
			FROM declarations d JOIN scenarios s USING (declaration_id) JOIN ref_scenarios r ON r.no = s.scenario_no
			WHERE d.${yearCondition} AND s.counted_tier >= 1`
		: `SELECT d.year, d.region_code, d.industry_code, d.declared_tier AS tier, d.status, d.declaration_id${levels}
			FROM declarations d WHERE d.${yearCondition}${dims.includes('indicatorLevel') ? ` AND d.${indicatorColumn(spec)} IS NOT NULL` : ''}`;
}

function measureSql(spec: PivotSpec): string {
	switch (spec.measure) {
		case 'declarations':
			return 'count(DISTINCT f.declaration_id)::DOUBLE';
		case 'enterprises':
		case 'coverage':
			throw new Error(`${spec.measure} is a slice of the cube (pivot-cube.ts)`);
		case 'scenarioShare':
			throw new Error(`${spec.measure} has its own query`);
		case 'indicatorMean':
			return `avg((${LEVEL_KEYS.map((k) => `coalesce(f.${k}, 0)`).join(' + ')}) / nullif(${LEVEL_KEYS.map((k) => `(f.${k} IS NOT NULL)::INTEGER`).join(' + ')}, 0))::DOUBLE`;
	}
}

export interface PivotCell {
	row: string | null;
	column: string | null;
	value: number | null;
}

/** A row of the pivot's query: a cell's value, or a share's numerator and denominator. */
export interface PivotQueryRow {
	row_key: string | null;
	column_key: string | null;
	value: number | null;
	numerator?: number | null;
	denominator?: number | null;
}

/** The query's rows as the pivot's cells: a share's totals made from its parts (shares.ts). */
export function pivotCells(spec: PivotSpec, rows: readonly PivotQueryRow[]): PivotCell[] {
	if (spec.measure === 'scenarioShare') {
		return shareCells(
			rows.map((r) => ({
				row: r.row_key ?? '',
				column: r.column_key,
				numerator: r.numerator ?? 0,
				denominator: r.denominator ?? 0
			}))
		);
	}
	return rows.map((r) => ({ row: r.row_key, column: r.column_key, value: r.value }));
}

/**
 * Share of declarations that built a scenario, as its numerator and denominator per cell: the
 * declarations of the cell with the scenario over all declarations of the same slice of the
 * other dimension (all declarations of the year when there is none). Every scenario built in
 * view × every key of the other dimension, a cell nobody built with numerator 0, so that the
 * totals (shares.ts: sums of numerators over sums of denominators) count every denominator.
 */
function scenarioShareSql(spec: PivotSpec): string {
	const other = spec.rows === 'scenario' ? spec.columns : spec.rows;
	const otherKey = other ? DIMENSION_SQL[other] : 'NULL';
	// The declarations of the year(s) in view, by the other dimension (a placeholder row
	// dimension other than 年度 keeps the year fixed when there is none).
	const declarations = factsSql({
		...spec,
		measure: 'declarations',
		rows: other ?? 'region',
		columns: null
	});
	const builds = factsSql({ ...spec, measure: 'declarations' });
	const scenarioKey = DIMENSION_SQL.scenario;
	const [rowKey, columnKey] =
		spec.rows === 'scenario'
			? ['s.scenario_key', other ? 'd.other_key' : 'NULL']
			: ['d.other_key', 's.scenario_key'];
	return `WITH n AS (
			SELECT ${scenarioKey} AS scenario_key, ${otherKey} AS other_key,
				count(DISTINCT f.declaration_id)::DOUBLE AS numerator
			FROM (${builds}) f GROUP BY ALL),
		d AS (
			SELECT ${otherKey} AS other_key, count(DISTINCT f.declaration_id)::DOUBLE AS denominator
			FROM (${declarations}) f GROUP BY ALL),
		s AS (SELECT DISTINCT scenario_key FROM n)
		SELECT ${rowKey} AS row_key, ${columnKey} AS column_key, NULL::DOUBLE AS value,
			coalesce(n.numerator, 0) AS numerator, d.denominator
		FROM s CROSS JOIN d
		LEFT JOIN n ON n.scenario_key = s.scenario_key AND n.other_key IS NOT DISTINCT FROM d.other_key`;
}

/**
 * The pivot's query for a measure over rows (not coverage or enterprises, which are slices of
 * the cube): one row per cell, with NULL row/column keys for the totals.
 */
export function pivotSql(spec: PivotSpec): string {
	if (spec.measure === 'scenarioShare') return scenarioShareSql(spec);
	return cellsSql(spec);
}

/** Count or mean per cell, with GROUPING SETS totals. */
function cellsSql(spec: PivotSpec): string {
	const row = DIMENSION_SQL[spec.rows];
	const column = spec.columns ? DIMENSION_SQL[spec.columns] : null;
	const sets = column ? `(${row}, ${column}), (${row}), (${column}), ()` : `(${row}), ()`;
	return `SELECT ${row} AS row_key, ${column ?? 'NULL'} AS column_key, ${measureSql(spec)} AS value
		FROM (${factsSql(spec)}) f
		GROUP BY GROUPING SETS (${sets})`;
}

export interface PivotTable {
	rowKeys: string[];
	columnKeys: string[];
	/** value(row, column); null keys read the totals. */
	value(row: string | null, column: string | null): number | null;
}

/** Shape the query's rows into a table; keys sorted in their natural order. */
export function toPivotTable(cells: PivotCell[], spec: PivotSpec): PivotTable {
	const map = new Map(cells.map((c) => [`${c.row ?? '∑'}|${c.column ?? '∑'}`, c.value]));
	const keys = (pick: (c: PivotCell) => string | null) =>
		[...new Set(cells.map(pick).filter((k): k is string => k !== null))].sort((a, b) =>
			a.localeCompare(b, 'zh-CN', { numeric: true })
		);
	return {
		rowKeys: keys((c) => c.row),
		columnKeys: spec.columns ? keys((c) => c.column) : [],
		value: (row, column) => map.get(`${row ?? '∑'}|${column ?? '∑'}`) ?? null
	};
}
