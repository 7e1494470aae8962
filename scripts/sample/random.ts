/** Seeded randomness for the sample (mulberry32): never Math.random, so runs repeat exactly. */
import type { Range, Weights } from './profile';

// ── Seeded randomness ─────────────────────────────────────────────────────────────────

let random = mulberry32(20250101);

/** Restart the sequence: the same seed gives the same data set. */
export function seedRandom(seed: number): void {
	random = mulberry32(seed);
}

/** A uniform number in [0, 1) from the seeded sequence. */
export const nextRandom = (): number => random();

function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export const chance = (p: number): boolean => random() < p;
export const intBetween = ([min, max]: Range): number =>
	min + Math.floor(random() * (max - min + 1));
/** Between min and max, leaning to the top (enterprises tend to declare more than the minimum). */
export const skewedInt = ([min, max]: Range): number =>
	min + Math.floor(Math.sqrt(random()) * (max - min + 1));
export const roundRandomly = (x: number): number => Math.floor(x) + (chance(x % 1) ? 1 : 0);

export function pickOne<T>(items: readonly T[]): T {
	const item = items[Math.floor(random() * items.length)];
	if (item === undefined) throw new Error('pickOne from an empty list');
	return item;
}

export function pickWeighted<T>(entries: readonly (readonly [T, number])[]): T {
	let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
	for (const [item, weight] of entries) if ((r -= weight) < 0) return item;
	return pickOne(entries)[0];
}

export const pickKey = (weights: Weights): string => pickWeighted(Object.entries(weights));

export function shuffle<T>(items: T[]): T[] {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[items[i], items[j]] = [items[j] as T, items[i] as T];
	}
	return items;
}
