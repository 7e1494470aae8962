/**
 * The import's eligibleTierOf must agree with evaluateDeclaration (the self-assessment's full
 * evaluation) on every declaration: random scenario sets, duplicates, numbers outside 附件1,
 * "/" tiers, missing maturity and unmet basic requirements.
 */
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
