/**
 * The import's eligible tiers must agree with evaluateDeclaration (the self-assessment's full
 * evaluation) on every declaration: random scenario sets, duplicates, numbers outside 附件1,
 * "/" tiers, missing maturity and unmet basic requirements.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	basicRequirements,
	scenarios,
	TIER_KEYS,
	type TierKey
} from '../../src/lib/domain/catalogue';
import {
	eligibleTierOf,
	evaluateDeclaration,
	type DeclarationInput
} from '../../src/lib/domain/rules';
import { importFiles } from '../../src/lib/import/pipeline';

describe('eligibleTierOf', () => {
	it('gives the eligible tier of evaluateDeclaration', () => {
		let seed = 42;
		const random = (n: number) => {
			seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
			return (seed >>> 16) % n;
		};
		const tiersSeen = new Set<string>();
		for (let t = 0; t < 5000; t++) {
			// A target tier per declaration, most scenarios at it or one below, so every tier occurs.
			const base = random(4);
			const count = random(4) === 0 ? random(8) : 5 + random(36);
			const declared = Array.from({ length: count }, () => ({
				scenario:
					random(30) === 0 ? 41 + random(3) : (scenarios[random(scenarios.length)]?.no ?? 1),
				tier: TIER_KEYS[Math.max(0, base - random(2))] as TierKey
			}));
			const declaration: DeclarationInput = {
				scenarios: declared,
				maturityLevel: random(6) === 0 ? null : 1 + random(5)
			};
			if (random(10) === 0) {
				declaration.basicRequirements = Object.fromEntries(
					basicRequirements.map((r) => [
						r.key,
						random(8) === 0 ? false : random(4) ? true : undefined
					])
				);
			}
			const expected = evaluateDeclaration(declaration).eligibleTier;
			tiersSeen.add(String(expected));
			expect(eligibleTierOf(declaration), JSON.stringify(declaration)).toBe(expected);
		}
		// Every outcome occurred, so the comparison covered each tier's conditions.
		expect([...tiersSeen].sort()).toEqual(['advanced', 'basic', 'excellent', 'leading', 'null']);
	});
});

describe('eligibility in the import', () => {
	const sample = (name: string) => new Uint8Array(readFileSync(join('data/sample', name)));
	const declarationsFile = { name: '申报明细.csv', bytes: sample('申报明细.csv') };

	/** The sample's scenario rows, optionally in another order (rows of declarations interleaved). */
	function scenarioFile(order: (lines: string[]) => string[] = (lines) => lines) {
		const [header, ...lines] = new TextDecoder()
			.decode(sample('建设场景明细.csv'))
			.split(/\r?\n/)
			.filter((line) => line !== '');
		const text = [header, ...order(lines)].join('\n');
		return { name: '建设场景明细.csv', bytes: new TextEncoder().encode(text) };
	}

	/** Per declaration: what evaluateDeclaration says of its imported scenario rows. */
	function expectedEligibility(result: ReturnType<typeof importFiles>) {
		const byDeclaration = new Map<string, DeclarationInput['scenarios'][number][]>();
		for (const row of result.tables.scenarios) {
			const list = byDeclaration.get(row.declaration_id) ?? [];
			list.push({ scenario: row.scenario_no, tier: TIER_KEYS[row.scenario_tier - 1] as TierKey });
			byDeclaration.set(row.declaration_id, list);
		}
		return result.tables.declarations.map((d) => {
			const evaluation = evaluateDeclaration({
				scenarios: byDeclaration.get(d.declaration_id) ?? [],
				maturityLevel: d.maturity_level
			});
			const eligible = evaluation.eligibleTier ? TIER_KEYS.indexOf(evaluation.eligibleTier) + 1 : 0;
			const claimed = Math.max(d.declared_tier, d.awarded_tier ?? 0);
			const failing = evaluation.checks[claimed - 1]?.conditions.filter((c) => !c.held) ?? [];
			return {
				declaration_id: d.declaration_id,
				eligible_tier: eligible,
				shortfall: claimed > eligible ? failing.map((c) => c.message).join('；') : null
			};
		});
	}

	it('gives every declaration of the sample the eligible tier and shortfall of evaluateDeclaration', () => {
		const result = importFiles([declarationsFile, scenarioFile()]);
		const expected = expectedEligibility(result);
		expect(result.tables.eligibility).toEqual(expected);
		expect(result.flagged).toBe(expected.filter((e) => e.shortfall !== null).length);
		expect(result.flagged).toBeGreaterThan(0);
		expect(new Set(expected.map((e) => e.eligible_tier)).size).toBeGreaterThanOrEqual(4);
	});

	it('does not depend on the order of the scenario rows', () => {
		// Reversed and dealt into three piles: no declaration's rows stay together.
		const dealt = (lines: string[]) => {
			const reversed = [...lines].reverse();
			return [0, 1, 2].flatMap((pile) => reversed.filter((_, i) => i % 3 === pile));
		};
		const inOrder = importFiles([declarationsFile, scenarioFile()]);
		const shuffled = importFiles([declarationsFile, scenarioFile(dealt)]);
		expect(shuffled.tables.eligibility).toEqual(expectedEligibility(shuffled));
		expect(shuffled.tables.eligibility).toEqual(inOrder.tables.eligibility);
		expect(shuffled.flagged).toBe(inOrder.flagged);
	});
});
