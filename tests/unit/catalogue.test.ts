import { describe, expect, it } from 'vitest';
import {
	indicators,
	industryDivisions,
	links,
	regions,
	scenarios,
	segmentMapping,
	SEGMENT_NAMES,
	targets,
	tiers,
	TIER_KEYS
} from '../../src/lib/domain/catalogue';
import {
	resolveIndustry,
	resolveMaturity,
	resolveRegion,
	resolveRegionOrWhole,
	resolveScenario,
	resolveTier,
	scenarioByNumber
} from '../../src/lib/domain/resolvers';

describe('附件1 scenarios', () => {
	it('has 40 scenarios numbered 1–40 in 15 links', () => {
		expect(scenarios).toHaveLength(40);
		expect(scenarios.map((s) => s.no)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
		expect(links).toHaveLength(15);
		expect(new Set(scenarios.map((s) => s.linkNo)).size).toBe(15);
		for (const s of scenarios) expect(links[s.linkNo - 1]?.name).toBe(s.link);
	});

	it('groups scenarios into links as 附件1 does', () => {
		const perLink = links.map((l) => scenarios.filter((s) => s.linkNo === l.no).length);
		expect(perLink).toEqual([2, 2, 2, 2, 5, 2, 2, 2, 2, 2, 1, 3, 3, 3, 7]);
	});

	it('has every guide text, and 附件1 names', () => {
		for (const s of scenarios) expect(s.guide.length).toBeGreaterThan(60);
		expect(scenarios[13]?.name).toBe('在线智能检测');
		expect(scenarios[9]?.name).toBe('人机协同作业');
		expect(scenarios[31]?.name).toBe('工业信息安全管理');
	});
});

describe('the 环节 mapping', () => {
	it('covers all 40 scenarios exactly once across the five 环节', () => {
		const all = segmentMapping.segments.flatMap((s) => s.scenarios);
		expect(all).toHaveLength(40);
		expect(new Set(all).size).toBe(40);
		expect(segmentMapping.segments.map((s) => s.name)).toEqual([...SEGMENT_NAMES]);
		expect(segmentMapping.segments.map((s) => s.scenarios.length)).toEqual([5, 5, 9, 11, 10]);
	});

	it('puts 质量管控 and 设备管理 in 生产作业', () => {
		for (const no of [14, 15, 16, 17]) expect(scenarios[no - 1]?.segment).toBe('生产作业');
	});
});

describe('附件4 tier descriptions', () => {
	const count = (tier: (typeof TIER_KEYS)[number], kind: string) =>
		scenarios.filter((s) => s.descriptions[tier].kind === kind).length;

	it('has descriptions at each tier as the table does', () => {
		expect(TIER_KEYS.map((t) => count(t, 'text'))).toEqual([25, 32, 40, 39]);
		expect(TIER_KEYS.map((t) => count(t, 'none'))).toEqual([15, 8, 0, 0]);
	});

	it('keeps the missing 领航级 cell of row 28 visible, not invented', () => {
		const row28 = scenarios.find((s) => s.annex4.no === 28);
		expect(row28?.name).toBe('供应链计划协同优化');
		expect(row28?.descriptions.leading).toEqual({ kind: 'missing' });
		expect(count('leading', 'missing')).toBe(1);
	});

	it('keeps "/" as no description (e.g. 数字孪生工厂运营优化 at 基础级)', () => {
		expect(scenarios[1]?.descriptions.basic).toEqual({ kind: 'none' });
		expect(scenarios[1]?.descriptions.advanced.kind).toBe('text');
	});

	it('joins the two-line cells of 数智精益管理', () => {
		const d = scenarios[12]?.descriptions.basic;
		expect(d).toEqual({
			kind: 'text',
			text: '通过信息系统收集和分析生产数据，以支持决策制定；将精益管理理念与数智技术结合。'
		});
	});
});

describe('附件1 and 附件4 numbering and spelling', () => {
	it('swaps 20/21 and 29/30 and nothing else', () => {
		const differing = scenarios.filter((s) => s.no !== s.annex4.no).map((s) => [s.no, s.annex4.no]);
		expect(differing).toEqual([
			[20, 21],
			[21, 20],
			[29, 30],
			[30, 29]
		]);
	});

	it('resolves both numberings and both spellings to one scenario', () => {
		expect(scenarioByNumber(20, 'annex1')?.name).toBe('危险作业自动化');
		expect(scenarioByNumber(21, 'annex4')?.name).toBe('危险作业自动化');
		expect(scenarioByNumber(29, 'annex1')).toBe(scenarioByNumber(30, 'annex4'));
		expect(scenarioByNumber(30, 'annex1')).toBe(scenarioByNumber(29, 'annex4'));
		const pairs = [
			['人机协同作业', '人机协同制造'],
			['工业信息安全管理', '工业信息安全管控']
		];
		for (const [annex1, annex4] of pairs) {
			const a = resolveScenario(annex1 ?? '');
			const b = resolveScenario(annex4 ?? '');
			expect(a.ok && b.ok && a.value === b.value).toBe(true);
		}
		expect(scenarios.find((s) => s.no === 24)?.annex4.link).toBe('环保管控');
	});

	it('lets a name win over a number, and rejects a number that contradicts the name', () => {
		const agree = resolveScenario('14 在线智能检测');
		expect(agree.ok && agree.value.no).toBe(14);
		const annex4Style = resolveScenario('20.安全一体化管控');
		expect(annex4Style.ok && annex4Style.value.no).toBe(21);
		const clash = resolveScenario('15 在线智能检测');
		expect(clash).toEqual({ ok: false, reason: expect.stringContaining('不一致') });
		const byNumber = resolveScenario('１４');
		expect(byNumber.ok && byNumber.value.name).toBe('在线智能检测');
		expect(resolveScenario('41').ok).toBe(false);
		expect(resolveScenario('智能工厂').ok).toBe(false);
	});
});

describe('附件2 tiers', () => {
	it('asks 5/10/15/20 scenarios, the 环节 of each tier and maturity —/2/3/4', () => {
		expect(tiers.map((t) => t.minScenarios)).toEqual([5, 10, 15, 20]);
		expect(tiers.map((t) => t.minMaturity)).toEqual([null, 2, 3, 4]);
		expect(tiers.map((t) => t.requiredSegments.length)).toEqual([1, 3, 5, 5]);
		expect(tiers[0]?.requiredSegments).toEqual(['生产作业']);
		expect(tiers[1]?.requiredSegments).toEqual(['生产作业', '生产管理', '运营管理']);
	});
});

describe('附件3 indicators', () => {
	it('has ten indicators, six levels each but the amount, 不涉及 on 1, 5, 6', () => {
		expect(indicators).toHaveLength(10);
		expect(indicators.map((i) => i.levels.length)).toEqual([6, 6, 6, 6, 6, 6, 0, 6, 6, 6]);
		expect(indicators.filter((i) => i.allowsNotApplicable).map((i) => i.no)).toEqual([1, 5, 6]);
		expect(indicators[6]?.kind).toBe('amount');
		expect(indicators.filter((i) => i.group === '数字化应用能力')).toHaveLength(6);
	});
});

describe('盟市', () => {
	it('has the 12 league-cities with GB/T 2260 codes', () => {
		expect(regions).toHaveLength(12);
		expect(new Set(regions.map((r) => r.code)).size).toBe(12);
		for (const r of regions) expect(r.code).toMatch(/^15\d{2}00$/);
	});

	it('resolves every code, name, short name and alias to its code', () => {
		for (const r of regions) {
			for (const form of [r.code, r.name, r.shortName, ...r.aliases, ` ${r.name} `]) {
				const resolved = resolveRegion(form);
				expect(resolved.ok && resolved.value.code, form).toBe(r.code);
			}
		}
		const samples: [string, string][] = [
			['呼市', '150100'],
			['鄂市', '150600'],
			['巴盟', '150800'],
			['锡盟', '152500'],
			['阿盟', '152900'],
			['乌盟', '150900'],
			['呼盟', '150700'],
			['１５０１００', '150100']
		];
		for (const [form, code] of samples) {
			const resolved = resolveRegion(form);
			expect(resolved.ok && resolved.value.code, form).toBe(code);
		}
	});

	it('does not take 乌市 for a league-city, and keeps 全区 apart', () => {
		expect(resolveRegion('乌市').ok).toBe(false);
		expect(resolveRegion('全区').ok).toBe(false);
		expect(resolveRegionOrWhole('全区')).toEqual({ ok: true, value: 'whole' });
	});
});

describe('industries (GB/T 4754-2017 大类, sections B, C, D)', () => {
	it('lists divisions 06–46 under the right sections', () => {
		expect(industryDivisions.map((d) => d.code)).toEqual(
			Array.from({ length: 41 }, (_, i) => String(i + 6).padStart(2, '0'))
		);
		expect(industryDivisions.filter((d) => d.section === 'B')).toHaveLength(7);
		expect(industryDivisions.filter((d) => d.section === 'C')).toHaveLength(31);
		expect(industryDivisions.filter((d) => d.section === 'D')).toHaveLength(3);
	});

	it('resolves C26, 26, ｃ２６ and the name; rejects a wrong section letter', () => {
		for (const form of ['C26', '26', 'ｃ２６', '化学原料和化学制品制造业']) {
			const r = resolveIndustry(form);
			expect(r.ok && r.value.code, form).toBe('26');
		}
		expect(resolveIndustry('B26').ok).toBe(false);
		expect(resolveIndustry('99').ok).toBe(false);
		const coal = resolveIndustry('B06');
		expect(coal.ok && coal.value.name).toBe('煤炭开采和洗选业');
	});
});

describe('tiers, maturity and targets', () => {
	it('resolves tier spellings', () => {
		for (const [form, key] of [
			['基础级', 'basic'],
			['基础', 'basic'],
			['基础级智能工厂', 'basic'],
			['1', 'basic'],
			['４', 'leading'],
			['先进级 ', 'advanced'],
			['卓越', 'excellent']
		]) {
			expect(resolveTier(form ?? ''), form).toEqual({ ok: true, value: key });
		}
		expect(resolveTier('5').ok).toBe(false);
	});

	it('resolves GB/T 39116 levels and refuses 二级及以上', () => {
		for (const [form, level] of [
			['3', 3],
			['三级', 3],
			['集成级', 3],
			['三级（集成级）', 3],
			['5级', 5]
		] as const) {
			expect(resolveMaturity(form), form).toEqual({ ok: true, value: level });
		}
		expect(resolveMaturity('二级及以上').ok).toBe(false);
		expect(resolveMaturity('6').ok).toBe(false);
	});

	it('holds the plan targets', () => {
		expect(targets.coverage.rate).toBe(0.25);
		expect(targets.coverage.year).toBe(2027);
		expect(targets.basicStartsPerYear.count).toBe(300);
		expect(targets.tierCounts.map((t) => [t.tier, t.count])).toEqual([
			['advanced', 100],
			['excellent', 10],
			['leading', 3]
		]);
	});
});
