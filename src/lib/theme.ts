/**
 * One colour per tier, everywhere (cards, charts, tables), dark enough to read on a projector.
 * Each appearance (src/lib/appearance.svelte.ts) has its own set, of the same four hues: the
 * light set carries white text (the tier badges) and reads on white; the dark set is lighter,
 * carries dark text and reads on the dark page (all ≥ 6.5:1); the projector set is darker still.
 */
import type { Appearance } from './appearance.svelte';
import type { TierKey } from './domain/catalogue';

export const TIER_COLORS: Readonly<Record<TierKey, string>> = {
	basic: '#2f6db5',
	advanced: '#1e7a52',
	excellent: '#946500',
	leading: '#b8412a'
};

/** The tier colours of each appearance. */
export const TIER_COLORS_BY_APPEARANCE: Readonly<
	Record<Appearance, Readonly<Record<TierKey, string>>>
> = {
	light: TIER_COLORS,
	dark: { basic: '#6fa8e6', advanced: '#4fba88', excellent: '#d6a743', leading: '#f08a70' },
	projector: { basic: '#1f5a9e', advanced: '#166a43', excellent: '#7d5500', leading: '#a3321c' }
};

/**
 * CSS custom properties for the layout's root element: every appearance's set
 * (--tier-basic-light, --tier-basic-dark …), from which app.css picks --tier-basic ….
 */
export function tierColorVariables(): string {
	return Object.entries(TIER_COLORS_BY_APPEARANCE)
		.flatMap(([appearance, colors]) =>
			Object.entries(colors).map(([key, color]) => `--tier-${key}-${appearance}: ${color};`)
		)
		.join(' ');
}
