/**
 * One CSV row → one normalised table row, or the reasons it cannot be loaded: each kind of the
 * contract's rows read through a RowReader (row-reader.ts). Errors reject the row; warnings
 * load it and are reported beside it.
 */
import { tierRank, type Scenario, type TierKey } from '../domain/catalogue';
import type { Resolved } from '../domain/resolvers';
import { countedTierOf } from '../domain/rules';
import { normalizeValue } from '../domain/text';
import { INDICATOR_COLUMNS } from './file-kinds';
import type { RowReader } from './row-reader';
import type { BaselineRow, DeclarationRow, RegionTargetRow, ScenarioRow } from './tables';
import {
	BASELINE_YEAR_RANGE,
	parseTargetMetric,
	parseTargetValue,
	parseIndicatorLevel,
	parseMaturity,
	parseNonNegativeInteger,
	parseNumber,
	parseOptionalTier,
	parsePriorTitle,
	parseSize,
	parseStatus,
	parseTier,
	parseYear,
	parseYesNo,
	resolveIndustry,
	resolveRegion,
	resolveRegionOrWhole,
	resolveScenario
} from './values';

const rank = (tier: TierKey | null | undefined) => (tier ? tierRank(tier) : null);

const parseAboveScale = (raw: string) => parseYesNo(raw, true);

/** How each 附件3 indicator column is read: a level, or the 数字化投入 amount. */
const INDICATOR_PARSERS = INDICATOR_COLUMNS.map(({ key }) => ({
	key,
	parse:
		key === 'digital_investment'
			? parseNonNegativeAmount
			: (raw: string) => parseIndicatorLevel(raw, key)
}));

export function readDeclaration(
	reader: RowReader,
	file: string,
	line: number,
	extra: string | null
) {
	const declarationId = reader.text('declaration_id', true);
	const enterpriseId = reader.text('enterprise_id', true);
	const year = reader.take('year', parseYear);
	const region = reader.take('region', resolveRegion);
	const county = reader.text('county', false);
	const industry = reader.take('industry', resolveIndustry);
	const size = reader.take('size', parseSize);
	const aboveScale = reader.take('above_scale', parseAboveScale);
	const declaredTier = reader.take('declared_tier', parseTier);
	const status = reader.take('status', parseStatus);
	let awardedTier = reader.take('awarded_tier', parseOptionalTier);
	const maturity = reader.take('maturity_level', parseMaturity);
	const levels = new Map<string, number | null | undefined>();
	for (const { key, parse } of INDICATOR_PARSERS) levels.set(key, reader.take(key, parse));
	levels.set(
		'digital_investment',
		reader.inContractUnit('digital_investment', levels.get('digital_investment'))
	);
	const priorTitle = reader.take('prior_title', parsePriorTitle);

	if (status === 'approved' && awardedTier === null) {
		reader.errors.push({
			key: 'awarded_tier',
			value: '',
			reason: '审核状态为已认定，但认定层级为空'
		});
	}
	if (status !== undefined && status !== 'approved' && awardedTier) {
		reader.warnings.push({
			key: 'awarded_tier',
			value: reader.raw('awarded_tier'),
			reason: '审核状态不是已认定，认定层级不予采用'
		});
		awardedTier = null;
	}
	if (declaredTier && declaredTier !== 'basic' && maturity === null) {
		reader.errors.push({
			key: 'maturity_level',
			value: '',
			reason: '先进级及以上的申报须填写成熟度等级'
		});
	}
	if (status === 'recommended' && declaredTier && tierRank(declaredTier) < 3) {
		reader.warnings.push({
			key: 'status',
			value: reader.raw('status'),
			reason: '已推荐仅适用于卓越级、领航级'
		});
	}

	return reader.outcome<DeclarationRow>(() => ({
		declaration_id: declarationId as string,
		enterprise_id: enterpriseId as string,
		year: year as number,
		region_code: region!.code,
		county: county ?? null,
		industry_code: industry!.code,
		size: size ?? null,
		above_scale: aboveScale as boolean,
		declared_tier: rank(declaredTier) as number,
		status: status!,
		awarded_tier: rank(awardedTier),
		maturity_level: maturity ?? null,
		ind_rd_design: levels.get('ind_rd_design') ?? null,
		ind_production_operation: levels.get('ind_production_operation') ?? null,
		ind_production_management: levels.get('ind_production_management') ?? null,
		ind_business_management: levels.get('ind_business_management') ?? null,
		ind_marketing_service: levels.get('ind_marketing_service') ?? null,
		ind_supply_chain: levels.get('ind_supply_chain') ?? null,
		digital_investment: levels.get('digital_investment') ?? null,
		ind_network_security: levels.get('ind_network_security') ?? null,
		ind_data_elements: levels.get('ind_data_elements') ?? null,
		ind_organization_talent: levels.get('ind_organization_talent') ?? null,
		prior_title: priorTitle ?? null,
		source_file: file,
		source_line: line,
		extra
	}));
}

function parseNonNegativeAmount(raw: string): Resolved<number | null> {
	const parsed = parseNumber(raw);
	if (parsed.ok && parsed.value !== null && parsed.value < 0) {
		return { ok: false, reason: `数字化投入规模为负数（${parsed.value}）` };
	}
	return parsed;
}

/**
 * The scenario of a row: from 场景 (a name, a number, or "14 在线智能检测") and/or a separate
 * 场景编号 column. A name wins over a number; a number that matches neither the name's 附件1
 * nor its 附件4 number is an error.
 */
function readScenarioCell(reader: RowReader): Scenario | undefined {
	const name = reader.raw('scenario');
	const number = normalizeValue(reader.raw('scenario_number'));
	if (name.trim() === '') {
		return number === ''
			? (reader.errors.push({ key: 'scenario', value: '', reason: '场景为空' }), undefined)
			: reader.take('scenario_number', resolveScenario);
	}
	const scenario = reader.take('scenario', resolveScenario);
	if (
		scenario &&
		number !== '' &&
		Number(number) !== scenario.no &&
		Number(number) !== scenario.annex4.no
	) {
		reader.errors.push({
			key: 'scenario_number',
			value: number,
			reason: `场景编号${number}与名称“${scenario.name}”不一致（附件1编号为${scenario.no}）`
		});
	}
	return scenario;
}

/** A 建设场景明细 row's 申报编号 (undefined after an error). */
export function readScenarioId(reader: RowReader): string | undefined {
	return reader.text('declaration_id', true) ?? undefined;
}

/** What a 建设场景明细 row says besides its 申报编号, as tier ranks. */
export interface ScenarioDetails {
	scenarioNo: number;
	scenarioTier: number;
	/** As the tier rules count it (附件4 "/" lowers it); null = not counted. */
	countedTier: number | null;
}

/**
 * The cells of a 建设场景明细 row other than its 申报编号 (undefined after an error). They depend on
 * those cells alone, so rows that repeat them read the same (see ScenarioRecords).
 */
export function readScenarioDetails(reader: RowReader): ScenarioDetails | undefined {
	const scenario = readScenarioCell(reader);
	const tier = reader.take('scenario_tier', parseTier);
	if (!scenario || !tier) return undefined;
	const counted = countedTierOf(scenario.no, tier);
	if (counted.note) {
		reader.warnings.push({
			key: 'scenario_tier',
			value: reader.raw('scenario_tier'),
			reason: counted.note
		});
	}
	return {
		scenarioNo: scenario.no,
		scenarioTier: tierRank(tier),
		countedTier: rank(counted.tier)
	};
}

export function readScenario(reader: RowReader, file: string, line: number, extra: string | null) {
	const declarationId = readScenarioId(reader);
	const details = readScenarioDetails(reader);
	return reader.outcome<ScenarioRow>(() => ({
		declaration_id: declarationId as string,
		scenario_no: details!.scenarioNo,
		scenario_tier: details!.scenarioTier,
		counted_tier: details!.countedTier,
		source_file: file,
		source_line: line,
		extra
	}));
}

export const WHOLE_REGION_CODE = '150000';

export function readBaseline(reader: RowReader, file: string, line: number, extra: string | null) {
	const year = reader.take('year', (raw) => parseYear(raw, BASELINE_YEAR_RANGE));
	const region = reader.take('region', resolveRegionOrWhole);
	const industryRaw = reader.raw('industry');
	const industry = industryRaw.trim() === '' ? null : reader.take('industry', resolveIndustry);
	const enterprises = reader.take('enterprises', (raw) =>
		parseNonNegativeInteger(raw, '规上工业企业数')
	);
	return reader.outcome<BaselineRow>(() => ({
		year: year as number,
		region_code: region === 'whole' ? WHOLE_REGION_CODE : region!.code,
		industry_code: industry ? industry.code : null,
		enterprises: enterprises as number,
		source_file: file,
		source_line: line,
		extra
	}));
}

export function readTarget(reader: RowReader, file: string, line: number, extra: string | null) {
	const region = reader.take('region', resolveRegion);
	const metric = reader.take('metric', parseTargetMetric);
	const year = reader.take('year', parseYear);
	const target = reader.take('target', (raw) => parseTargetValue(raw, metric), false);
	return reader.outcome<RegionTargetRow>(() => ({
		region_code: region!.code,
		metric: metric!,
		year: year as number,
		target: target as number,
		source_file: file,
		source_line: line,
		extra
	}));
}
