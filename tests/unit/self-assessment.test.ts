import { describe, expect, it } from 'vitest';
import { evaluateDeclaration } from '../../src/lib/domain/rules';
import {
	emptySelfAssessment,
	parseSelfAssessment,
	serializeSelfAssessment,
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
		a.investment = 1250.5;
		const parsed = parseSelfAssessment(serializeSelfAssessment(a));
		expect(parsed).toEqual({ ok: true, value: a });
		expect(evaluateDeclaration(toDeclaration(a)).eligibleTier).toBe('basic');
	});

	it('refuses files that are not ours or carry values outside the catalogue', () => {
		expect(parseSelfAssessment('not json')).toEqual({ ok: false, reason: '文件不是有效的 JSON' });
		expect(parseSelfAssessment('{"version":1}').ok).toBe(false);
		const bad = JSON.parse(serializeSelfAssessment(emptySelfAssessment()));
		bad.scenarios = { 41: 'basic' };
		expect(parseSelfAssessment(JSON.stringify(bad))).toMatchObject({
			ok: false,
			reason: expect.stringContaining('场景 41')
		});
		const notApplicable = JSON.parse(serializeSelfAssessment(emptySelfAssessment()));
		notApplicable.indicators = { production_operation: 0 };
		expect(parseSelfAssessment(JSON.stringify(notApplicable)).ok).toBe(false);
	});
});
