/**
 * What the 自评 page concludes from a form: nothing while an entry is impossible (with the
 * reasons, field by field); a question while the claimed GB/T 39116 level contradicts the 附件3
 * indicators (judged meanwhile at the level the indicators support); otherwise 附件2's tier
 * rules as they stand. The rules themselves (`rules.ts`) are never changed here: only the
 * maturity level handed to them. Pure.
 */
import { maturityName, tierName } from './catalogue';
import { checkMaturityClaim, type MaturityCheck } from './maturity-check';
import { evaluateDeclaration, type Evaluation } from './rules';
import {
	AMOUNT_LABELS,
	checkAmounts,
	type AmountCheck,
	type AmountField
} from './self-assessment-amounts';
import { toDeclaration, type SelfAssessment } from './self-assessment';

export interface FieldError {
	field: AmountField;
	label: string;
	message: string;
}

interface Judged {
	amounts: AmountCheck;
	maturity: MaturityCheck;
	/** The evaluation the page shows: by the claimed level, or (question) by the supported one. */
	evaluation: Evaluation;
	/** Chinese notes beside the result (e.g. a level claimed with no 附件3 answer to back it). */
	notes: string[];
}

export type Judgement =
	| { state: 'invalid'; errors: FieldError[]; amounts: AmountCheck; maturity: MaturityCheck }
	| (Judged & { state: 'ok' })
	| (Judged & {
			state: 'question';
			/** The claim as entered: the tier it would reach if it were borne out. */
			claimedEvaluation: Evaluation;
			/** The level the evaluation is made at meanwhile. */
			judgedAtLevel: number;
	  });

export function judgeSelfAssessment(assessment: SelfAssessment): Judgement {
	const amounts = checkAmounts(assessment);
	const maturity = checkMaturityClaim(assessment.maturityLevel, assessment.indicators);
	const errors = (Object.keys(AMOUNT_LABELS) as AmountField[]).flatMap((field) => {
		const message = amounts.errors[field];
		return message ? [{ field, label: AMOUNT_LABELS[field], message }] : [];
	});
	if (errors.length > 0) return { state: 'invalid', errors, amounts, maturity };

	const notes: string[] = [];
	const claimedEvaluation = evaluateDeclaration(toDeclaration(assessment));
	if (assessment.maturityLevel !== null && maturity.answered === 0) {
		notes.push(
			`所填成熟度${maturityName(assessment.maturityLevel)}尚无附件3等级指标支撑：附件2要求利用附件3评估成熟度，请填写第四部分的指标等级`
		);
	}
	if (!maturity.contradicted || maturity.supportedLevel === null) {
		return { state: 'ok', amounts, maturity, evaluation: claimedEvaluation, notes };
	}
	const judgedAtLevel = maturity.supportedLevel;
	const evaluation = evaluateDeclaration(toDeclaration(assessment, judgedAtLevel));
	return {
		state: 'question',
		amounts,
		maturity,
		evaluation,
		claimedEvaluation,
		judgedAtLevel,
		notes
	};
}

/** The headline in words, for the page's live region and the print. */
export function judgementHeadline(judgement: Judgement): string {
	if (judgement.state === 'invalid') return '填写有误，暂不判定层级';
	const tier = judgement.evaluation.eligibleTier;
	const reached = tier ? tierName(tier) : '尚未达到基础级';
	if (judgement.state === 'ok') return reached;
	return `${reached}（成熟度待核实，按指标支持的${maturityName(judgement.judgedAtLevel)}判定）`;
}

/** Every note beside the result: the judgement's own, the rules', and how scenarios were counted. */
export function judgementNotes(judgement: Judgement): string[] {
	if (judgement.state === 'invalid') return [];
	const { evaluation } = judgement;
	return [
		...judgement.notes,
		...evaluation.notes,
		...evaluation.counted.flatMap((c) => (c.note ? [c.note] : []))
	];
}
