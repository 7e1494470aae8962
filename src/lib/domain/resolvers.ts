/**
 * Resolvers: the only place where what people write (盟市 abbreviations, scenario names in
 * either attachment's spelling, industry codes, tier spellings, maturity levels) is matched
 * to the catalogue. Each returns a value or a Chinese reason, never throws on user input.
 */
import {
	industryDivisions,
	maturityLevels,
	regions,
	scenarios,
	tiers,
	wholeRegion,
	type IndustryDivision,
	type Region,
	type Scenario,
	type TierKey
} from './catalogue';
import { CHINESE_DIGITS, normalizeKey } from './text';

export type Resolved<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Resolved<T> => ({ ok: true, value });
const fail = <T>(reason: string): Resolved<T> => ({ ok: false, reason });

function indexBy<T>(entries: Iterable<[string, T]>): Map<string, T> {
	const map = new Map<string, T>();
	for (const [key, value] of entries) map.set(normalizeKey(key), value);
	return map;
}

// ── 盟市 ────────────────────────────────────────────────────────────────────────

const regionIndex = indexBy<Region>(
	regions.flatMap((r) => [
		[r.code, r] as [string, Region],
		[r.name, r],
		[r.shortName, r],
		...r.aliases.map((a) => [a, r] as [string, Region])
	])
);
const wholeRegionKeys = new Set(
	[wholeRegion.code, wholeRegion.name, ...wholeRegion.aliases].map(normalizeKey)
);

/** A 盟市 from its GB/T 2260 code, full name, short name or a common abbreviation. */
export function resolveRegion(input: string): Resolved<Region> {
	const key = normalizeKey(input);
	if (key === '') return fail('盟市为空');
	const region = regionIndex.get(key);
	if (region) return ok(region);
	if (wholeRegionKeys.has(key)) return fail(`“${input.trim()}”是全区合计，不是盟市`);
	return fail(`无法识别的盟市“${input.trim()}”`);
}

/** As resolveRegion, but 全区 (and its spellings) resolves to the region-wide total. */
export function resolveRegionOrWhole(input: string): Resolved<Region | 'whole'> {
	if (wholeRegionKeys.has(normalizeKey(input))) return ok('whole');
	return resolveRegion(input);
}

// ── 行业 (GB/T 4754-2017 大类) ───────────────────────────────────────────────────

const divisionByCode = new Map(industryDivisions.map((d) => [d.code, d]));
const divisionByName = indexBy(
	industryDivisions.map((d) => [d.name, d] as [string, IndustryDivision])
);

/** A 大类 from `C26`, `26`, or its name. A letter that is not the code's 门类 is an error. */
export function resolveIndustry(input: string): Resolved<IndustryDivision> {
	const key = normalizeKey(input);
	if (key === '') return fail('行业代码为空');
	const byName = divisionByName.get(key);
	if (byName) return ok(byName);
	const match = /^([a-z])?(\d{2})$/.exec(key);
	if (match) {
		const division = divisionByCode.get(match[2] ?? '');
		if (!division) return fail(`“${input.trim()}”不是门类B、C、D中的行业大类代码`);
		const letter = match[1]?.toUpperCase();
		if (letter && letter !== division.section) {
			return fail(`行业代码“${input.trim()}”的门类字母应为${division.section}`);
		}
		return ok(division);
	}
	return fail(
		`无法识别的行业“${input.trim()}”（应为GB/T 4754-2017大类代码，如C26或26，或大类名称）`
	);
}

// ── 层级 ─────────────────────────────────────────────────────────────────────────

const tierIndex = indexBy<TierKey>(
	tiers.flatMap((t) => {
		const stem = t.name.replace(/级$/, '');
		return [
			[t.name, t.key],
			[stem, t.key],
			[`${t.name}智能工厂`, t.key],
			[String(t.rank), t.key],
			[t.key, t.key]
		] as [string, TierKey][];
	})
);

/** A tier from 基础级 / 基础 / 基础级智能工厂 / 1 (and likewise for the other three). */
export function resolveTier(input: string): Resolved<TierKey> {
	const key = normalizeKey(input);
	if (key === '') return fail('层级为空');
	const tier = tierIndex.get(key);
	return tier
		? ok(tier)
		: fail(`无法识别的层级“${input.trim()}”（应为基础级、先进级、卓越级或领航级）`);
}

// ── 成熟度 (GB/T 39116) ─────────────────────────────────────────────────────────

/** A GB/T 39116 level 1–5 from 3, 三级, 3级, 集成级 or 三级（集成级）. "二级及以上" is not a level. */
export function resolveMaturity(input: string): Resolved<number> {
	const key = normalizeKey(input);
	if (key === '') return fail('成熟度等级为空');
	if (/及以上|以上|以下/.test(key)) return fail(`“${input.trim()}”是范围，不是一个成熟度等级`);
	const stripped = key.replace(/[()（）]/g, '').replace(/^(gb\/?t39116)?/, '');
	for (const m of maturityLevels) {
		const candidates = [
			String(m.level),
			`${m.level}级`,
			m.name,
			m.title,
			`${m.name}${m.title}`,
			`${m.level}级${m.title}`
		].map(normalizeKey);
		if (candidates.includes(stripped)) return ok(m.level);
	}
	const chinese = /^([一二三四五六])级/.exec(stripped);
	if (chinese) {
		const level = CHINESE_DIGITS[chinese[1] ?? ''];
		if (level && level <= 5) return ok(level);
	}
	return fail(`无法识别的成熟度等级“${input.trim()}”（应为1–5或一级至五级）`);
}

// ── 场景 ─────────────────────────────────────────────────────────────────────────

const scenarioByName = indexBy<Scenario>(
	scenarios.flatMap((s) => [
		[s.name, s],
		[s.annex4.name, s]
	])
);
const scenarioByNo = new Map(scenarios.map((s) => [s.no, s]));
const scenarioByAnnex4No = new Map(scenarios.map((s) => [s.annex4.no, s]));

export type ScenarioNumbering = 'annex1' | 'annex4';

/** A scenario by its number in 附件1 (default) or in 附件4. */
export function scenarioByNumber(
	no: number,
	numbering: ScenarioNumbering = 'annex1'
): Scenario | undefined {
	return (numbering === 'annex1' ? scenarioByNo : scenarioByAnnex4No).get(no);
}

/**
 * A scenario from what a declaration writes: a name in 附件1's or 附件4's spelling, a number
 * 1–40 in 附件1's numbering, or both ("14 在线智能检测", "14.在线智能检测"). A name wins over a
 * number; a number that is neither the scenario's 附件1 nor 附件4 number is an error.
 */
export function resolveScenario(input: string): Resolved<Scenario> {
	const key = normalizeKey(input);
	if (key === '') return fail('场景为空');
	const match = /^(\d{1,2})(?:[.、:：,，\-_]|场景)?(.*)$/.exec(key);
	const numberPart = match ? Number(match[1]) : undefined;
	const namePart = match ? (match[2] ?? '') : key;

	if (namePart !== '') {
		const byName = scenarioByName.get(namePart);
		if (!byName) return fail(`无法识别的场景“${input.trim()}”`);
		if (numberPart !== undefined && numberPart !== byName.no && numberPart !== byName.annex4.no) {
			return fail(`场景编号${numberPart}与名称“${byName.name}”不一致（附件1编号为${byName.no}）`);
		}
		return ok(byName);
	}
	const byNo = numberPart === undefined ? undefined : scenarioByNo.get(numberPart);
	return byNo ? ok(byNo) : fail(`场景编号“${input.trim()}”不在1–40之间`);
}
