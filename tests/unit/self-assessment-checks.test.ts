import { describe, expect, it } from 'vitest';
import { indicators } from '../../src/lib/domain/catalogue';
import { checkMaturityClaim, minimumIndicatorLevel } from '../../src/lib/domain/maturity-check';
import {
	checkAmounts,
	formatWanYuan,
	parseAmount
} from '../../src/lib/domain/self-assessment-amounts';
import {
	judgementHeadline,
	judgeSelfAssessment
} from '../../src/lib/domain/self-assessment-judgement';
import { emptySelfAssessment, type SelfAssessment } from '../../src/lib/domain/self-assessment';

const levelKeys = indicators.filter((i) => i.kind === 'level').map((i) => i.key);

/** Every 附件3 level indicator at `level`. */
const allAt = (level: number) => Object.fromEntries(levelKeys.map((k) => [k, level]));

/** Ten 先进级 scenarios across 生产作业, 生产管理 and 运营管理 (as the browser test). */
function advancedForm(maturityLevel: number): SelfAssessment {
	const a = emptySelfAssessment();
	for (const no of [9, 10, 12, 13, 7, 18, 19, 25, 26, 27]) a.scenarios[no] = 'advanced';
	a.maturityLevel = maturityLevel;
	return a;
}

describe('item 7 amounts', () => {
	it('reads amounts as people type them', () => {
		expect(parseAmount('')).toEqual({ ok: true, value: null });
		expect(parseAmount('  ')).toEqual({ ok: true, value: null });
		expect(parseAmount('1250')).toEqual({ ok: true, value: 1250 });
		expect(parseAmount('1,250.5')).toEqual({ ok: true, value: 1250.5 });
		expect(parseAmount('１，２５０')).toEqual({ ok: true, value: 1250 });
		expect(parseAmount('1250万元')).toEqual({ ok: true, value: 1250 });
		expect(parseAmount('0')).toEqual({ ok: true, value: 0 });
		expect(parseAmount('-0')).toEqual({ ok: true, value: 0 });
	});

	it('refuses negative amounts written with any minus sign, text, and amounts beyond belief', () => {
		for (const text of ['-5', '−5', '－5', '-0.1']) {
			expect(parseAmount(text)).toEqual({
				ok: false,
				reason: `投入金额不能为负数（填写的是 ${text}）`
			});
		}
		for (const text of ['abc', '12a', '1e5', '五百', '1250元', 'NaN', 'Infinity', '1.2.3']) {
			expect(parseAmount(text), text).toMatchObject({
				ok: false,
				reason: expect.stringContaining('不是数字')
			});
		}
		expect(parseAmount('100000000')).toEqual({ ok: true, value: 1e8 });
		expect(parseAmount('100000001')).toMatchObject({
			ok: false,
			reason: expect.stringContaining('万亿元')
		});
	});

	it('holds 2024 investment to at most the total, and asks for the total beside it', () => {
		expect(checkAmounts({ investment: '1000', investment2024: '300' })).toEqual({
			values: { investment: 1000, investment2024: 300 },
			errors: {}
		});
		expect(checkAmounts({ investment: '1000', investment2024: '1000' }).errors).toEqual({});
		expect(checkAmounts({ investment: '1000', investment2024: '1,200' }).errors).toEqual({
			investment2024:
				'2024年投入 1,200万元 大于自2014年以来的总投入 1,000万元：2024年投入是总投入的一部分，不能更大'
		});
		expect(checkAmounts({ investment: '', investment2024: '300' }).errors).toEqual({
			investment: '已填写2024年投入 300万元，请同时填写自2014年以来的总投入（总投入包含2024年投入）'
		});
		// A bad total is reported as it is, not as missing; nothing is compared with it.
		expect(checkAmounts({ investment: '-5', investment2024: '300' }).errors).toEqual({
			investment: '投入金额不能为负数（填写的是 -5）'
		});
		expect(checkAmounts({ investment: '', investment2024: '' })).toEqual({
			values: { investment: null, investment2024: null },
			errors: {}
		});
	});

	it('formats 万元 with every digit, grouped by thousands', () => {
		expect(formatWanYuan(1250.5)).toBe('1,250.5万元');
		expect(formatWanYuan(0)).toBe('0万元');
		expect(formatWanYuan(12345678.25)).toBe('12,345,678.25万元');
	});
});

describe('a claimed maturity level against the 附件3 indicators', () => {
	it('reads GB/T level L as needing indicators at level L or above', () => {
		expect([1, 2, 3, 4, 5].map(minimumIndicatorLevel)).toEqual([1, 2, 3, 4, 5]);
	});

	it('flags 四级 with every indicator at 1级, naming all nine', () => {
		const check = checkMaturityClaim(4, allAt(1));
		expect(check.contradicted).toBe(true);
		expect(check.answered).toBe(9);
		expect(check.supportedLevel).toBe(1);
		expect(check.below.map((b) => b.name)).toEqual(
			indicators.filter((i) => i.kind === 'level').map((i) => i.name)
		);
		expect(check.below[1]).toMatchObject({
			no: 2,
			level: 1,
			levelText: indicators[1]!.levels[0],
			message: '2. 生产作业数字化水平为1级，低于四级至少应有的4级'
		});
	});

	it('takes a majority of the answered indicators: four of nine below is not a contradiction', () => {
		const levels = allAt(5);
		for (const key of levelKeys.slice(0, 4)) levels[key] = 2;
		const four = checkMaturityClaim(4, levels);
		expect(four.contradicted).toBe(false);
		expect(four.below).toHaveLength(4);
		expect(four.supportedLevel).toBe(5);
		levels[levelKeys[4]!] = 3;
		const five = checkMaturityClaim(4, levels);
		expect(five.contradicted).toBe(true);
		expect(five.supportedLevel).toBe(3);
	});

	it('allows one level of slack and never contradicts 一级', () => {
		expect(checkMaturityClaim(4, allAt(4)).contradicted).toBe(false);
		expect(checkMaturityClaim(4, allAt(3)).contradicted).toBe(true);
		expect(checkMaturityClaim(2, allAt(2)).contradicted).toBe(false);
		expect(checkMaturityClaim(2, allAt(1)).contradicted).toBe(true);
		expect(checkMaturityClaim(1, allAt(1))).toMatchObject({ contradicted: false, below: [] });
		expect(checkMaturityClaim(5, allAt(6))).toMatchObject({
			contradicted: false,
			supportedLevel: 5
		});
	});

	it('leaves out 不涉及 and unanswered indicators, and judges nothing without answers', () => {
		expect(checkMaturityClaim(4, {})).toMatchObject({
			answered: 0,
			contradicted: false,
			supportedLevel: null
		});
		const levels = { rd_design: 0, marketing_service: 0, supply_chain: 0, data_elements: 1 };
		expect(checkMaturityClaim(3, levels)).toMatchObject({
			answered: 1,
			contradicted: true,
			supportedLevel: 1
		});
		expect(checkMaturityClaim(null, allAt(1))).toMatchObject({ contradicted: false, below: [] });
	});
});

describe('the page’s judgement', () => {
	it('judges nothing while an amount is impossible, naming the field', () => {
		const a = advancedForm(2);
		a.investment = '−5';
		const judgement = judgeSelfAssessment(a);
		expect(judgement.state).toBe('invalid');
		expect(judgement.state === 'invalid' && judgement.errors).toEqual([
			{
				field: 'investment',
				label: '数字化投入规模（自2014年以来总投入）',
				message: '投入金额不能为负数（填写的是 −5）'
			}
		]);
		expect(judgementHeadline(judgement)).toBe('填写有误，暂不判定层级');
	});

	it('does not say 先进级 for 四级 with every indicator at 1级: it asks, and judges at 一级 meanwhile', () => {
		const a = advancedForm(4);
		a.indicators = allAt(1);
		const judgement = judgeSelfAssessment(a);
		expect(judgement.state).toBe('question');
		if (judgement.state !== 'question') return;
		expect(judgement.claimedEvaluation.eligibleTier).toBe('advanced');
		expect(judgement.judgedAtLevel).toBe(1);
		expect(judgement.evaluation.eligibleTier).toBe('basic');
		expect(judgement.evaluation.next?.missing).toEqual(['成熟度一级，低于二级']);
		expect(judgementHeadline(judgement)).toBe('基础级（成熟度待核实，按指标支持的一级判定）');
	});

	it('says 先进级 when the indicators bear the claim out', () => {
		const a = advancedForm(2);
		a.indicators = allAt(3);
		a.investment = '1250';
		a.investment2024 = '300';
		const judgement = judgeSelfAssessment(a);
		expect(judgement).toMatchObject({ state: 'ok', notes: [] });
		expect(judgement.state === 'ok' && judgement.evaluation.eligibleTier).toBe('advanced');
		expect(judgementHeadline(judgement)).toBe('先进级');
	});

	it('notes a claimed level with no indicator to back it', () => {
		const judgement = judgeSelfAssessment(advancedForm(4));
		expect(judgement.state).toBe('ok');
		expect(judgement.state === 'ok' && judgement.notes).toEqual([
			expect.stringContaining('尚无附件3等级指标支撑')
		]);
	});
});
