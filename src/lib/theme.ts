/**
 * One colour per tier, everywhere (cards, charts, tables), dark enough to read on a projector.
 */
import type { TierKey } from './domain/catalogue';

export const TIER_COLORS: Readonly<Record<TierKey, string>> = {
	basic: '#2f6db5',
	advanced: '#1e7a52',
	excellent: '#946500',
	leading: '#b8412a'
};

/** CSS custom properties (--tier-basic …) for the layout's root element. */
export function tierColorVariables(): string {
	return Object.entries(TIER_COLORS)
		.map(([key, color]) => `--tier-${key}: ${color};`)
		.join(' ');
}
