/**
 * One CSV row → one normalised table row, or the reasons it cannot be loaded. Errors reject
 * the row; warnings load it and are reported beside it.
 */
import { tierRank, type Scenario, type TierKey } from '../domain/catalogue';
import type { Resolved } from '../domain/resolvers';
import { countedTierOf } from '../domain/rules';
import { normalizeValue } from '../domain/text';
import { INDICATOR_COLUMNS } from './file-kinds';
import { inContractUnit, type UnitConversion } from './units';
import {
	codePoint,
	controlReason,
	hiddenCharacters,
	invisibleReason,
	type HiddenCharacters,
	withCodePoints,
	withoutHidden
} from './hidden-characters';
import { CELL_LIMIT, count } from './record-faults';
import type { BaselineRow, DeclarationRow, RegionTargetRow, ScenarioRow } from './tables';
import {
	BASELINE_YEAR_RANGE,
	looksLikeFormula,
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

export interface CellIssue {
	/** Column key; the caller turns it into the file's header. */
	key: string | null;
	value: string;
	reason: string;
}

export interface RowOutcome<T> {
	row: T | null;
	errors: CellIssue[];
	warnings: CellIssue[];
}

/**
 * Where each column key sits in a file's rows, and a per-file cache of parsed values: most
 * columns hold few distinct values (盟市, 层级, 场景 …), so each is resolved once per file.
 */
export class FileColumns {
	/** Per column position: parsed values by cell text. */
	private readonly memo: Map<string, Resolved<unknown>>[] = [];
	/** Per key of a column the file lacks: the parsed empty cell. */
	private readonly missing = new Map<string, Resolved<unknown>>();
	private static readonly MEMO_LIMIT = 20_000;

	constructor(
		readonly index: ReadonlyMap<string, number>,
		/** Columns whose header names a unit other than the contract's, by key (units.ts). */
		readonly conversions: ReadonlyMap<string, UnitConversion> = new Map()
	) {}

	/** `parse(raw)` for the column `key` at `position` (undefined: not in the file), remembered. */
	parse<T>(
		key: string,
		position: number | undefined,
		raw: string,
		parse: (raw: string) => Resolved<T>
	): Resolved<T> {
		if (position === undefined) {
			let known = this.missing.get(key) as Resolved<T> | undefined;
			if (!known) this.missing.set(key, (known = parse(raw)));
			return known;
		}
		let cache = this.memo[position];
		if (!cache) this.memo[position] = cache = new Map();
		const known = cache.get(raw) as Resolved<T> | undefined;
		if (known) return known;
		const parsed = parse(raw);
		if (cache.size < FileColumns.MEMO_LIMIT) cache.set(raw, parsed);
		return parsed;
	}
}

/** Reads one row's cells by column key and collects issues while parsing them. */
export class RowReader {
	readonly errors: CellIssue[] = [];
	readonly warnings: CellIssue[] = [];

	constructor(
		private readonly cells: readonly string[],
		private readonly columns: FileColumns
	) {}

	raw(key: string): string {
		const i = this.columns.index.get(key);
		return i === undefined ? '' : (this.cells[i] ?? '');
	}

	/**
	 * The parsed value, or undefined after recording the reason as an error. `parse` must depend
	 * on the cell alone (results are cached per file); pass `cache: false` otherwise.
	 */
	take<T>(key: string, parse: (raw: string) => Resolved<T>, cache = true): T | undefined {
		const position = this.columns.index.get(key);
		const raw = position === undefined ? '' : (this.cells[position] ?? '');
		const parsed = cache ? this.columns.parse(key, position, raw, parse) : parse(raw);
		if (parsed.ok) return parsed.value;
		// A value refused for a character nobody sees says which (hidden-characters.ts).
		const hidden = hiddenCharacters(raw);
		this.errors.push(
			hidden
				? { key, value: withCodePoints(raw), reason: `${parsed.reason}（${hiddenNote(hidden)}）` }
				: { key, value: raw, reason: parsed.reason }
		);
		return undefined;
	}

	/**
	 * Free text: trimmed, full-width folded; formula-looking values are kept as text with a
	 * warning. A control character rejects it; invisible format characters are removed with a
	 * warning (hidden-characters.ts): IDs and codes are keys, and "E123" with a zero-width space
	 * would be an enterprise of its own.
	 */
	text(key: string, required: boolean): string | null | undefined {
		const raw = this.raw(key);
		const hidden = hiddenCharacters(raw);
		if (hidden?.kind === 'control') {
			this.errors.push({
				key,
				value: withCodePoints(raw),
				reason: controlReason(hidden.character)
			});
			return undefined;
		}
		if (hidden) {
			this.warnings.push({
				key,
				value: withCodePoints(raw),
				reason: invisibleReason(hidden.characters)
			});
		}
		const value = normalizeValue(hidden ? withoutHidden(raw) : raw);
		if (value === '') {
			if (required) this.errors.push({ key, value: '', reason: '必填项为空' });
			return required ? undefined : null;
		}
		if (value.length > CELL_LIMIT) {
			// Folding can lengthen a cell that was within the limit (NFKC: "㍻" → "平成").
			this.errors.push({
				key,
				value: value.slice(0, 50) + '…',
				reason: `内容有 ${count(value.length)} 个字符（全角等字符折叠之后），超过上限 ${count(CELL_LIMIT)}`
			});
			return undefined;
		}
		if (looksLikeFormula(value)) {
			this.warnings.push({
				key,
				value,
				reason: '以 =、+、-、@ 开头，按文本保存，导出时会加前缀防止被当作公式'
			});
		}
		return value;
	}

	/**
	 * An amount read from the column `key` in the contract's unit: converted when its header
	 * names another unit (units.ts); undefined after an error when that unit cannot be.
	 */
	inContractUnit(key: string, value: number | null | undefined): number | null | undefined {
		const conversion = this.columns.conversions.get(key);
		if (!conversion || value === null || value === undefined) return value;
		const converted = inContractUnit(value, conversion);
		if (converted !== null) return converted;
		this.errors.push({
			key,
			value: this.raw(key),
			reason: `表头中的单位“${conversion.unit}”无法换算为${conversion.contractUnit}`
		});
		return undefined;
	}

	outcome<T>(build: () => T): RowOutcome<T> {
		return {
			row: this.errors.length === 0 ? build() : null,
			errors: this.errors,
			warnings: this.warnings
		};
	}
}

/** "含看不见的字符 U+200B" for a reason that quotes a value holding one. */
function hiddenNote(hidden: NonNullable<HiddenCharacters>): string {
	const characters = hidden.kind === 'control' ? [hidden.character] : hidden.characters;
	return `含看不见的字符 ${characters.map(codePoint).join('、')}`;
}

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
