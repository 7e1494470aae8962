/**
 * make-sample — writes a deterministic synthetic data set in the shape of the data contract
 * (../shared/spec/data-contract.md): 申报明细.csv, 建设场景明细.csv and 规上工业企业基数.csv.
 *
 *   npx tsx scripts/make-sample.ts [--scale N] [--out DIR] [--seed S]
 *   (defaults: scale 1, out data/sample, seed 20250101; the same arguments give identical files)
 *
 * How: a seeded mulberry32 PRNG drives everything. The baseline spreads ~4,000 规上 enterprises
 * (×N) over the 12 盟市 and GB/T 4754 大类 with Inner Mongolia-like weights; enterprises that
 * declare are drawn from it. Each year gets fixed tier quotas; in 2026 ~40% of declarations come
 * from 2025 declarants (re-declaring after 未通过/审核中, or upgrading a tier). Scenarios are drawn
 * from the catalogue so that evaluateDeclaration gives the declared tier, except every
 * FLAW_EVERY-th declaration, which falls just short on purpose (and a few "/" rows, which only
 * warn). Values are written in the mixed forms departments use (short names, codes, 二级 …).
 * Files: UTF-8 without BOM, CRLF, fields quoted only when needed, written in buffered chunks.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
	indicators,
	industryDivisions,
	maturityName,
	regions,
	scenarioByNo,
	scenarios,
	tierByKey,
	tierName,
	tierRank,
	TIER_KEYS,
	type IndustryDivision,
	type Region,
	type Scenario,
	type TierKey
} from '../src/lib/domain/catalogue';
import { evaluateDeclaration, type DeclaredScenario } from '../src/lib/domain/rules';
import {
	chance,
	intBetween,
	nextRandom,
	pickKey,
	pickOne,
	pickWeighted,
	roundRandomly,
	seedRandom,
	shuffle,
	skewedInt
} from './sample/random';
import { csvWriter, type CsvWriter } from './sample/csv-writer';
import {
	YEARS,
	DECLARATIONS_PER_YEAR,
	BASELINE_FIRST_YEAR,
	BASELINE_GROWTH,
	RETURNING_SHARE,
	UPGRADE_SHARE,
	ABOVE_SCALE_SHARE,
	LOWER_AWARD_SHARE,
	FLAW_EVERY,
	SLASH_SHARE,
	TIER_PROFILE,
	REGIONAL_STATUS,
	NATIONAL_STATUS,
	STATUSES,
	PRIOR_TITLES,
	SIZES,
	INDUSTRY_WEIGHTS,
	OTHER_INDUSTRY_WEIGHT,
	REGION_PROFILE,
	COUNTIES,
	BASELINE_FILE,
	SCENARIO_FILE,
	DECLARATION_FILE
} from './sample/profile';

// ── Baseline and enterprises ──────────────────────────────────────────────────────────

/** A 盟市 × 大类 with its 规上 enterprises per year (aligned with YEARS). */
type Cell = { region: Region; division: IndustryDivision; counts: number[]; declarants: number };

/** One cell per 盟市 × 大类: the first year by the weights, later years grown a little. */
function buildBaseline(scale: number): Cell[] {
	const regionTotal = Object.values(REGION_PROFILE).reduce((s, [w]) => s + w, 0);
	const cells: Cell[] = [];
	for (const region of regions) {
		const profile = REGION_PROFILE[region.name];
		if (!profile) throw new Error(`No profile for ${region.name}`);
		const [regionWeight, special] = profile;
		const weightOf = (d: IndustryDivision) =>
			(INDUSTRY_WEIGHTS[d.code] ?? OTHER_INDUSTRY_WEIGHT) * (special[d.code] ?? 1);
		const industryTotal = industryDivisions.reduce((s, d) => s + weightOf(d), 0);
		for (const division of industryDivisions) {
			const share = ((regionWeight / regionTotal) * weightOf(division)) / industryTotal;
			const counts = [
				roundRandomly(BASELINE_FIRST_YEAR * scale * share * (0.8 + 0.4 * nextRandom()))
			];
			while (counts.length < YEARS.length) {
				const last = counts[counts.length - 1] ?? 0;
				counts.push(last + roundRandomly(last * BASELINE_GROWTH * (0.5 + nextRandom())));
			}
			if (counts.some((n) => n > 0)) cells.push({ region, division, counts, declarants: 0 });
		}
	}
	return cells;
}

interface Enterprise {
	id: string;
	cell: Cell;
	county: string;
	size: string;
	aboveScale: boolean;
	priorTitle: string;
}

let enterprisesMade = 0;

/** A new enterprise in a cell drawn by baseline weight, never beyond the cell's 规上 count. */
function newEnterprise(cells: readonly Cell[], tier: TierKey): Enterprise {
	const cell = pickWeighted(cells.map((c) => [c, Math.max(0, (c.counts[0] ?? 0) - c.declarants)]));
	const aboveScale = chance(ABOVE_SCALE_SHARE);
	if (aboveScale) cell.declarants += 1;
	const sizes = tierRank(tier) >= 3 ? SIZES.national : aboveScale ? SIZES.above : SIZES.below;
	enterprisesMade += 1;
	return {
		// A fixed permutation of 100000–999999: unique, stable, and not a running number.
		id: `E${((enterprisesMade * 7919 + 104729) % 900000) + 100000}`,
		cell,
		county: chance(0.2) ? '' : pickOne(COUNTIES[cell.region.name] ?? ['']),
		size: pickKey(sizes),
		aboveScale,
		priorTitle: chance(TIER_PROFILE[tier].titled) ? pickKey(PRIOR_TITLES) : ''
	};
}

// ── Declarations and their scenarios ──────────────────────────────────────────────────

type Flaw = 'count' | 'segment' | 'maturity';
const FLAWS: Flaw[] = ['count', 'segment', 'maturity'];

type Plan = { enterprise: Enterprise; tier: TierKey };

interface Declaration extends Plan {
	id: string;
	year: number;
	status: string;
	awarded: TierKey | null;
	maturity: number | null;
	scenarios: DeclaredScenario[];
}

const describedAt = (s: Scenario, tier: TierKey) => s.descriptions[tier].kind === 'text';
const slashAt = (s: Scenario, tier: TierKey) => s.descriptions[tier].kind === 'none';
const tierAt = (tier: TierKey, step: number): TierKey | undefined =>
	TIER_KEYS[TIER_KEYS.indexOf(tier) + step];

function scenarioOf(no: number): Scenario {
	const scenario = scenarioByNo(no);
	if (!scenario) throw new Error(`Unknown scenario ${no}`);
	return scenario;
}

/**
 * Scenarios for a declared tier: one per required 环节, the rest drawn among those 附件4 describes
 * at the tier; some rows one tier up, or down while enough stay at the tier. A flaw drops one
 * scenario below the minimum or leaves out a required 环节; a few rows land on a "/" cell.
 */
function chooseScenarios(tier: TierKey, flaw: Flaw | undefined): DeclaredScenario[] {
	const rule = tierByKey(tier);
	const count = flaw === 'count' ? rule.minScenarios - 1 : skewedInt(TIER_PROFILE[tier].count);
	const skipped = flaw === 'segment' ? pickOne(rule.requiredSegments) : undefined;
	const slashPool = scenarios.filter((s) => slashAt(s, tier));
	const slash = !flaw && count > rule.minScenarios && slashPool.length > 0 && chance(SLASH_SHARE);
	const pool = scenarios.filter((s) => describedAt(s, tier) && s.segment !== skipped);
	const anchors = rule.requiredSegments
		.filter((segment) => segment !== skipped)
		.map((segment) => pickOne(pool.filter((s) => s.segment === segment)));
	const others = shuffle(pool.filter((s) => !anchors.includes(s)));
	const chosen: DeclaredScenario[] = anchors.map((s) => ({ scenario: s.no, tier }));
	const [higher, lower] = [tierAt(tier, 1), tierAt(tier, -1)];
	let spare = count - rule.minScenarios - (slash ? 1 : 0);
	for (const s of others.slice(0, count - anchors.length - (slash ? 1 : 0))) {
		const r = nextRandom();
		let rowTier = tier;
		if (r < 0.08 && higher && describedAt(s, higher)) rowTier = higher;
		else if (r < 0.16 && spare > 0 && lower && describedAt(s, lower))
			[rowTier, spare] = [lower, spare - 1];
		chosen.push({ scenario: s.no, tier: rowTier });
	}
	if (slash) chosen.push({ scenario: pickOne(slashPool).no, tier });
	return shuffle(chosen);
}

/**
 * One declaration. Flaw n (every FLAW_EVERY-th declaration) cycles through the kinds of
 * shortfall; every other one is awarded anyway (the rest are 审核中), for the dashboard to flag.
 */
function makeDeclaration(id: string, year: number, plan: Plan, flawNo: number | null) {
	const { tier } = plan;
	let flaw = flawNo === null ? undefined : FLAWS[flawNo % FLAWS.length];
	if (flaw === 'maturity' && tier === 'basic') flaw = 'count';
	const statusWeights =
		tierRank(tier) >= 3 ? NATIONAL_STATUS : REGIONAL_STATUS[year === YEARS[0] ? 0 : 1];
	const forced = flawNo === null ? undefined : flawNo % 2 === 0 ? '已认定' : '审核中';
	const status = forced ?? pickKey(statusWeights ?? {});
	const lowered = tier !== 'basic' && chance(LOWER_AWARD_SHARE) ? tierAt(tier, -1) : tier;
	let maturity: number | null =
		tier === 'basic' && chance(0.05) ? null : intBetween(TIER_PROFILE[tier].maturity);
	if (flaw === 'maturity') maturity = (tierByKey(tier).minMaturity ?? 1) - 1;
	const awarded = status === '已认定' ? (lowered ?? tier) : null;
	const declaration: Declaration = { ...plan, id, year, status, awarded, maturity, scenarios: [] };
	declaration.scenarios = chooseScenarios(tier, flaw);
	return declaration;
}

/** Last year's declarants coming back: after 未通过/审核中 at the same tier, or one tier up. */
function chooseReturning(previous: readonly Declaration[], target: number): Plan[] {
	const retries = shuffle(previous.filter((d) => d.status === '未通过' || d.status === '审核中'));
	const plans: Plan[] = retries
		.slice(0, Math.round(retries.length * 0.9))
		.map((d) => ({ enterprise: d.enterprise, tier: d.tier }));
	for (const from of ['excellent', 'advanced', 'basic'] as const) {
		const awarded = shuffle(previous.filter((d) => d.awarded === from));
		const share = UPGRADE_SHARE[from];
		const take = share === undefined ? target - plans.length : Math.round(awarded.length * share);
		for (const d of awarded.slice(0, Math.max(0, take))) {
			plans.push({ enterprise: d.enterprise, tier: tierAt(from, 1) ?? from });
		}
	}
	return plans.slice(0, target);
}

/** A year's plans: returning enterprises, then new ones topping up each tier's share. */
function planYear(total: number, cells: Cell[], previous: readonly Declaration[]): Plan[] {
	const returning =
		previous.length > 0 ? chooseReturning(previous, Math.round(total * RETURNING_SHARE)) : [];
	const fresh: TierKey[] = [];
	for (const tier of [...TIER_KEYS].reverse()) {
		const already = returning.filter((p) => p.tier === tier).length;
		const wanted =
			tier === 'basic'
				? total - returning.length - fresh.length
				: Math.round((total * TIER_PROFILE[tier].mix) / 100) - already;
		for (let i = 0; i < wanted; i++) fresh.push(tier);
	}
	const newcomers = fresh.map((tier) => ({ enterprise: newEnterprise(cells, tier), tier }));
	return shuffle([...returning, ...newcomers]);
}

// ── Writing ───────────────────────────────────────────────────────────────────────────

function regionLabel(region: Region): string {
	const r = nextRandom();
	if (r < 0.05) return region.code;
	return r < 0.15 ? pickOne([region.shortName, ...region.aliases]) : region.name;
}

const industryLabel = ({ section, code }: IndustryDivision) =>
	chance(0.15) ? code : `${section}${code}`;

function maturityLabel(level: number | null): string {
	if (level === null) return '';
	return chance(0.15) ? maturityName(level) : String(level);
}

function investmentLabel(tier: TierKey): string {
	const [min, max] = TIER_PROFILE[tier].invest;
	const text = (min + nextRandom() * (max - min)).toFixed(1).replace(/\.0$/, '');
	return chance(0.3) ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
}

/** The ten 附件3 indicators: levels around the tier, 不涉及 where allowed, the amount in 万元. */
function indicatorValues(tier: TierKey): string[] {
	return indicators.map((indicator) => {
		if (indicator.kind === 'amount') return investmentLabel(tier);
		if (indicator.allowsNotApplicable && chance(0.05)) return '不涉及';
		return String(tierRank(tier) - 1 + intBetween([1, 3]));
	});
}

function tierLabel(tier: TierKey): string {
	const r = nextRandom();
	if (r < 0.02) return tierName(tier).replace(/级$/, '');
	return r < 0.04 ? String(tierRank(tier)) : tierName(tier);
}

function declarationRow(d: Declaration): string[] {
	const { enterprise: e } = d;
	const [where, what] = [regionLabel(e.cell.region), industryLabel(e.cell.division)];
	const awarded = d.awarded ? tierName(d.awarded) : '';
	return [d.id, e.id, String(d.year), where, e.county, what, e.size, e.aboveScale ? '是' : '否']
		.concat([tierName(d.tier), d.status, awarded, maturityLabel(d.maturity)])
		.concat([...indicatorValues(d.tier), e.priorTitle]);
}

function scenarioRow(id: string, declared: DeclaredScenario): string[] {
	const s = scenarioOf(declared.scenario);
	const name = s.annex4.name !== s.name && chance(0.3) ? s.annex4.name : s.name;
	return [id, chance(0.15) ? String(s.no) : name, tierLabel(declared.tier)];
}

// ── Main ──────────────────────────────────────────────────────────────────────────────

type Tally = Map<string, number>;
const add = (tally: Tally, key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);

/** Count a declaration by year, tier and status, and check it with the tier rules. */
function tallyDeclaration(tally: Tally, d: Declaration): void {
	add(tally, `${d.year} ${d.tier} ${d.status}`);
	const { eligibleTier } = evaluateDeclaration({
		scenarios: d.scenarios,
		maturityLevel: d.maturity
	});
	if ((eligibleTier ? tierRank(eligibleTier) : 0) < tierRank(d.tier)) {
		add(tally, d.awarded ? 'below, awarded' : 'below, not awarded');
	}
	for (const s of d.scenarios) if (slashAt(scenarioOf(s.scenario), s.tier)) add(tally, 'slash');
}

function printSummary(out: string, files: CsvWriter[], tally: Tally): void {
	const names = [DECLARATION_FILE, SCENARIO_FILE, BASELINE_FILE].map(([name]) => name);
	console.log(`Wrote ${out}`);
	files.forEach((file, i) => console.log(`  ${names[i]}: ${file.rows} rows`));
	for (const year of YEARS) {
		console.log(`${year} declarations by tier (status):`);
		for (const tier of TIER_KEYS) {
			const byStatus = STATUSES.map((s) => [s, tally.get(`${year} ${tier} ${s}`) ?? 0] as const);
			const total = byStatus.reduce((sum, [, n]) => sum + n, 0);
			const detail = byStatus.filter(([, n]) => n > 0).map(([s, n]) => `${s} ${n}`);
			console.log(`  ${tierName(tier)} ${total} (${detail.join(', ')})`);
		}
	}
	const awarded = tally.get('below, awarded') ?? 0;
	const below = awarded + (tally.get('below, not awarded') ?? 0);
	console.log(`Eligible tier below declared tier: ${below} declarations (${awarded} 已认定)`);
	console.log(`Scenario rows at a tier where 附件4 has "/": ${tally.get('slash') ?? 0}`);
}

function main(): void {
	const { values } = parseArgs({
		options: {
			scale: { type: 'string', default: '1' },
			out: { type: 'string', default: resolve(import.meta.dirname, '../data/sample') },
			seed: { type: 'string', default: '20250101' }
		}
	});
	const [scale, seed] = [Number(values.scale), Number(values.seed)];
	if (!(scale > 0) || !Number.isInteger(seed))
		throw new Error('--scale must be > 0, --seed an integer');
	seedRandom(seed);
	const out = resolve(values.out);
	mkdirSync(out, { recursive: true });

	const cells = buildBaseline(scale);
	const baseline = csvWriter(out, BASELINE_FILE);
	YEARS.forEach((year, y) => {
		for (const { region, division, counts } of cells) {
			const industry = `${division.section}${division.code}`;
			if ((counts[y] ?? 0) > 0)
				baseline.write([String(year), region.name, industry, String(counts[y])]);
		}
	});
	baseline.close();

	const declarations = csvWriter(out, DECLARATION_FILE);
	const scenarioRows = csvWriter(out, SCENARIO_FILE);
	const tally: Tally = new Map();
	let previous: Declaration[] = [];
	let made = 0;
	YEARS.forEach((year, y) => {
		const plans = planYear(Math.round((DECLARATIONS_PER_YEAR[y] ?? 0) * scale), cells, previous);
		previous = plans.map((plan, i) => {
			const flawNo = ++made % FLAW_EVERY === 0 ? made / FLAW_EVERY - 1 : null;
			const d = makeDeclaration(`SB${year}-${String(i + 1).padStart(5, '0')}`, year, plan, flawNo);
			declarations.write(declarationRow(d));
			for (const s of d.scenarios) scenarioRows.write(scenarioRow(d.id, s));
			tallyDeclaration(tally, d);
			return d;
		});
	});
	declarations.close();
	scenarioRows.close();
	printSummary(out, [declarations, scenarioRows, baseline], tally);
}

main();
