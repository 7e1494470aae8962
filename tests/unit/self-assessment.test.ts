import { describe, expect, it } from 'vitest';
import { evaluateDeclaration } from '../../src/lib/domain/rules';
import {
	describeEntries,
	emptySelfAssessment,
	isEmptyAssessment,
	parseSelfAssessment,
	serializeSelfAssessment,
	SELF_ASSESSMENT_FILE_TYPE,
	toDeclaration
} from '../../src/lib/domain/self-assessment';

describe('self-assessment', () => {
	it('round-trips through its file and evaluates like a declaration', () => {
		const a = emptySelfAssessment();
		for (const no of [9, 10, 12, 13, 14]) a.scenarios[no] = 'basic';
		a.maturityLevel = 2;
		a.basicRequirements.above_scale = true;
		a.indicators.rd_design = 0;
		a.indicators.data_elements = 4;
		a.investment = '1,250.5';
		a.investment2024 = '300';
		const parsed = parseSelfAssessment(serializeSelfAssessment(a));
		expect(parsed).toEqual({ ok: true, value: a });
		expect(evaluateDeclaration(toDeclaration(a)).eligibleTier).toBe('basic');
	});

	it('keeps a mistyped amount as typed, so the page can show it with its reason', () => {
		const a = emptySelfAssessment();
		a.investment = '-5';
		expect(parseSelfAssessment(serializeSelfAssessment(a))).toEqual({ ok: true, value: a });
	});

	it('reads a version 1 file, whose amount was a number and had no 2024 part', () => {
		const old = {
			type: SELF_ASSESSMENT_FILE_TYPE,
			version: 1,
			scenarios: { 9: 'advanced' },
			maturityLevel: 3,
			basicRequirements: {},
			indicators: { data_elements: 4 },
			investment: 1250.5
		};
		const parsed = parseSelfAssessment(JSON.stringify(old));
		expect(parsed.ok && parsed.value).toMatchObject({
			version: 2,
			scenarios: { 9: 'advanced' },
			maturityLevel: 3,
			investment: '1250.5',
			investment2024: ''
		});
		expect(parseSelfAssessment(JSON.stringify({ ...old, investment: -5 })).ok).toBe(false);
	});

	it('refuses files that are not ours or carry values outside the catalogue', () => {
		expect(parseSelfAssessment('not json')).toEqual({ ok: false, reason: '不是有效的 JSON' });
		expect(parseSelfAssessment('{"version":1}').ok).toBe(false);
		expect(parseSelfAssessment('null').ok).toBe(false);
		expect(parseSelfAssessment('[1]').ok).toBe(false);
		const bad = JSON.parse(serializeSelfAssessment(emptySelfAssessment()));
		bad.scenarios = { 41: 'basic' };
		expect(parseSelfAssessment(JSON.stringify(bad))).toMatchObject({
			ok: false,
			reason: expect.stringContaining('场景 41')
		});
		const notApplicable = JSON.parse(serializeSelfAssessment(emptySelfAssessment()));
		notApplicable.indicators = { production_operation: 0 };
		expect(parseSelfAssessment(JSON.stringify(notApplicable)).ok).toBe(false);
		const future = JSON.parse(serializeSelfAssessment(emptySelfAssessment()));
		future.version = 3;
		expect(parseSelfAssessment(JSON.stringify(future))).toMatchObject({
			ok: false,
			reason: expect.stringContaining('版本')
		});
		const shape = JSON.parse(serializeSelfAssessment(emptySelfAssessment()));
		shape.scenarios = [];
		expect(parseSelfAssessment(JSON.stringify(shape)).ok).toBe(false);
		shape.scenarios = {};
		shape.investment = 5;
		expect(parseSelfAssessment(JSON.stringify(shape)).ok).toBe(false);
	});

	it('says what has been entered, which is what clearing loses', () => {
		const a = emptySelfAssessment();
		expect(isEmptyAssessment(a)).toBe(true);
		expect(describeEntries(a)).toEqual([]);
		a.scenarios[9] = 'basic';
		a.scenarios[10] = 'advanced';
		a.maturityLevel = 2;
		a.indicators.data_elements = 3;
		a.investment2024 = '5';
		expect(describeEntries(a)).toEqual([
			'已选 2 个场景及其层级',
			'成熟度等级',
			'1 项附件3指标等级',
			'数字化投入金额'
		]);
		expect(isEmptyAssessment(a)).toBe(false);
	});
});
