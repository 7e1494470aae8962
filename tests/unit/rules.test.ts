import { describe, expect, it } from 'vitest';
import type { TierKey } from '../../src/lib/domain/catalogue';
import { evaluateDeclaration, type DeclaredScenario } from '../../src/lib/domain/rules';

const at = (tier: TierKey, ...nos: number[]): DeclaredScenario[] =>
	nos.map((scenario) => ({ scenario, tier }));

/** Scenarios (附件1 numbers) with a description at every tier, by 环节. */
const PRODUCTION_OPS = [9, 10, 12, 13, 14, 15, 16, 17];
const PRODUCTION_MGMT = [7, 18, 19, 20, 21, 22, 24];
const OPERATIONS = [25, 26, 27, 29, 30];
const FACTORY = [31, 32, 33];
const RD = [3, 5, 6];

function messagesFor(result: ReturnType<typeof evaluateDeclaration>, tier: TierKey) {
	return result.checks
		.find((c) => c.tier === tier)
		?.conditions.filter((c) => !c.held)
		.map((c) => c.message);
}

describe('基础级: 5 scenarios, 生产作业 covered', () => {
	it('4 scenarios in 生产作业 are not enough; 5 are', () => {
		const four = evaluateDeclaration({
			scenarios: at('basic', 9, 10, 12, 13),
			maturityLevel: null
		});
		expect(four.eligibleTier).toBeNull();
		expect(messagesFor(four, 'basic')).toEqual(['基础级及以上场景数 4，少于 5']);
		expect(four.next?.tier).toBe('basic');

		const five = evaluateDeclaration({
			scenarios: at('basic', 9, 10, 12, 13, 14),
			maturityLevel: null
		});
		expect(five.eligibleTier).toBe('basic');
	});

	it('5 scenarios without 生产作业 fail on the missing 环节', () => {
		const r = evaluateDeclaration({ scenarios: at('basic', 7, 18, 19, 20, 21), maturityLevel: 1 });
		expect(r.eligibleTier).toBeNull();
		expect(messagesFor(r, 'basic')).toEqual(['生产作业环节无场景']);
	});
});

describe('先进级: 10 scenarios at 先进级 or above over three 环节, maturity 二级', () => {
	const ten = [
		...at('advanced', 9, 10, 12, 13),
		...at('advanced', 7, 18, 19),
		...at('advanced', 25, 26, 27)
	];

	it('is met exactly at the boundary', () => {
		const r = evaluateDeclaration({ scenarios: ten, maturityLevel: 2 });
		expect(r.eligibleTier).toBe('advanced');
		expect(r.next?.tier).toBe('excellent');
	});

	it('maturity one level short names the level', () => {
		const r = evaluateDeclaration({ scenarios: ten, maturityLevel: 1 });
		expect(r.eligibleTier).toBe('basic');
		expect(messagesFor(r, 'advanced')).toEqual(['成熟度一级，低于二级']);
		expect(r.next).toEqual({
			tier: 'advanced',
			tierName: '先进级',
			missing: ['成熟度一级，低于二级']
		});
	});

	it('missing maturity is reported as not stated', () => {
		const r = evaluateDeclaration({ scenarios: ten, maturityLevel: null });
		expect(messagesFor(r, 'advanced')).toEqual(['未填报成熟度等级，需二级及以上']);
	});

	it('a missing 生产管理 环节 fails 先进级 but not 基础级', () => {
		const r = evaluateDeclaration({
			scenarios: [...at('advanced', 9, 10, 12, 13, 14, 15, 16), ...at('advanced', 25, 26, 27)],
			maturityLevel: 3
		});
		expect(r.eligibleTier).toBe('basic');
		expect(messagesFor(r, 'advanced')).toEqual(['生产管理环节无场景']);
	});

	it('a 环节 holding only 基础级 scenarios says so', () => {
		const r = evaluateDeclaration({
			scenarios: [...at('advanced', 9, 10, 12, 13, 14, 15, 16, 25, 26, 27), ...at('basic', 7)],
			maturityLevel: 3
		});
		expect(messagesFor(r, 'advanced')).toEqual(['生产管理环节无先进级及以上场景']);
	});

	it('8 at 先进级 and 2 at 基础级: only 先进级 and above count', () => {
		const r = evaluateDeclaration({
			scenarios: [...ten.slice(0, 8), ...at('basic', 14, 15)],
			maturityLevel: 2
		});
		expect(r.eligibleTier).toBe('basic');
		expect(messagesFor(r, 'advanced')).toEqual(['先进级及以上场景数 8，少于 10']);
	});
});

describe('卓越级 and 领航级', () => {
	const fifteen = [
		...at('excellent', 9, 10, 12),
		...at('excellent', 7, 18, 19),
		...at('excellent', 25, 26, 27),
		...at('excellent', 31, 32, 33),
		...at('excellent', 3, 5, 6)
	];

	it('卓越级 with all five 环节, 15 scenarios and maturity 三级', () => {
		const r = evaluateDeclaration({ scenarios: fifteen, maturityLevel: 3 });
		expect(r.eligibleTier).toBe('excellent');
		expect(r.next?.missing).toEqual([
			'领航级及以上场景数 0，少于 20',
			'工厂建设环节无领航级及以上场景',
			'研发设计环节无领航级及以上场景',
			'生产作业环节无领航级及以上场景',
			'生产管理环节无领航级及以上场景',
			'运营管理环节无领航级及以上场景',
			'成熟度三级，低于四级'
		]);
	});

	it('without 研发设计 it stays at 先进级', () => {
		const r = evaluateDeclaration({
			scenarios: [
				...fifteen.filter((s) => ![3, 5, 6].includes(s.scenario)),
				...at('excellent', 13, 14, 15)
			],
			maturityLevel: 3
		});
		expect(r.eligibleTier).toBe('advanced');
		expect(messagesFor(r, 'excellent')).toEqual(['研发设计环节无场景']);
	});

	it('领航级 needs 20 scenarios and maturity 四级', () => {
		const twenty = at(
			'leading',
			...PRODUCTION_OPS.slice(0, 5),
			...PRODUCTION_MGMT.slice(0, 5),
			...OPERATIONS.slice(0, 4),
			...FACTORY,
			...RD
		);
		expect(twenty).toHaveLength(20);
		expect(evaluateDeclaration({ scenarios: twenty, maturityLevel: 4 }).eligibleTier).toBe(
			'leading'
		);
		expect(evaluateDeclaration({ scenarios: twenty, maturityLevel: 4 }).next).toBeNull();
		expect(evaluateDeclaration({ scenarios: twenty, maturityLevel: 3 }).eligibleTier).toBe(
			'excellent'
		);
		const nineteen = twenty.slice(1);
		const r = evaluateDeclaration({ scenarios: nineteen, maturityLevel: 5 });
		expect(r.eligibleTier).toBe('excellent');
		expect(messagesFor(r, 'leading')).toEqual(['领航级及以上场景数 19，少于 20']);
	});
});

describe('a scenario declared at a tier where 附件4 has "/"', () => {
	it('is counted at the highest lower tier with a description', () => {
		// 2 数字孪生工厂运营优化: "/" at 基础级, described from 先进级 on.
		const r = evaluateDeclaration({
			scenarios: at('basic', 9, 10, 12, 13, 2),
			maturityLevel: null
		});
		const twin = r.counted.find((c) => c.scenario === 2);
		expect(twin?.countedTier).toBeNull();
		expect(twin?.note).toBe(
			'附件4中“数字孪生工厂运营优化”在基础级无描述（“/”），且无更低层级描述，不计入场景数'
		);
		expect(r.eligibleTier).toBeNull();
		expect(messagesFor(r, 'basic')).toEqual(['基础级及以上场景数 4，少于 5']);
	});

	it('counts 数据驱动产品研发 declared at 先进级 for nothing (described only from 卓越级)', () => {
		const r = evaluateDeclaration({ scenarios: at('advanced', 34), maturityLevel: null });
		expect(r.counted[0]?.countedTier).toBeNull();
	});

	it('counts the missing 领航级 cell of 供应链计划协同优化 as declared, with a note', () => {
		const r = evaluateDeclaration({ scenarios: at('leading', 28), maturityLevel: null });
		expect(r.counted[0]?.countedTier).toBe('leading');
		expect(r.counted[0]?.note).toContain('原文缺失');
	});
});

describe('duplicates, unknown scenarios and basic requirements', () => {
	it('counts a scenario declared twice once, at the higher tier', () => {
		const r = evaluateDeclaration({
			scenarios: [...at('basic', 9, 10, 12, 13), ...at('advanced', 13)],
			maturityLevel: null
		});
		expect(r.counted).toHaveLength(4);
		expect(r.counted.find((c) => c.scenario === 13)?.countedTier).toBe('advanced');
		expect(r.notes).toContain('场景“数智精益管理”重复填报，按较高层级计一次');
	});

	it('a basic requirement declared unmet fails every tier', () => {
		const r = evaluateDeclaration({
			scenarios: at('basic', 9, 10, 12, 13, 14),
			maturityLevel: 2,
			basicRequirements: { above_scale: false, lawful_operation: true }
		});
		expect(r.eligibleTier).toBeNull();
		expect(messagesFor(r, 'basic')?.[0]).toMatch(/^基础要求未满足：企业应为规模以上工业企业/);
		expect(r.notes).toContain('基础要求未填报 3 项，未纳入判断');
	});
});
