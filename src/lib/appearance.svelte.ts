/**
 * The site's appearance: 跟随系统 (the system's light or dark setting), 浅色, 深色, or 投影 — a
 * high-contrast projector mode with large type and thicker lines. The choice is kept in this
 * browser (localStorage) and put on <html data-theme> by app.html's head script before the first
 * paint; app.css holds each mode's colours, src/lib/charts/theme.ts the charts'.
 */
export type AppearanceChoice = 'system' | 'light' | 'dark' | 'projector';
/** What a page shows: the choice with 跟随系统 resolved. */
export type Appearance = Exclude<AppearanceChoice, 'system'>;

import { flushSync } from 'svelte';

/** Where the choice is kept (app.html's head script reads the same key). */
export const APPEARANCE_KEY = 'imau-smart-factory/appearance';

export const APPEARANCE_CHOICES: readonly { value: AppearanceChoice; label: string }[] = [
	{ value: 'system', label: '跟随系统' },
	{ value: 'light', label: '浅色' },
	{ value: 'dark', label: '深色' },
	{ value: 'projector', label: '投影（高对比）' }
];

function isStored(value: unknown): value is Appearance {
	return value === 'light' || value === 'dark' || value === 'projector';
}

class AppearanceState {
	/** The user's choice. */
	choice: AppearanceChoice = $state('system');
	/** The system asks for dark colours (prefers-color-scheme). */
	systemDark = $state(false);
	/** The page is being printed: printing is always light (app.css), the charts too. */
	printing = $state(false);
	/** What the page shows now. */
	readonly shown: Appearance = $derived(
		this.printing
			? 'light'
			: this.choice === 'system'
				? this.systemDark
					? 'dark'
					: 'light'
				: this.choice
	);

	/** Read the choice the head script applied and follow the system's setting; returns a stop. */
	start(): () => void {
		const theme = document.documentElement.dataset.theme;
		this.choice = isStored(theme) ? theme : 'system';
		const query = matchMedia('(prefers-color-scheme: dark)');
		this.systemDark = query.matches;
		const changed = (event: MediaQueryListEvent) => (this.systemDark = event.matches);
		query.addEventListener('change', changed);
		// The charts redraw in the light mode before the page is laid out for printing.
		const printing = (value: boolean) => () => {
			this.printing = value;
			flushSync();
		};
		const before = printing(true);
		const after = printing(false);
		addEventListener('beforeprint', before);
		addEventListener('afterprint', after);
		return () => {
			query.removeEventListener('change', changed);
			removeEventListener('beforeprint', before);
			removeEventListener('afterprint', after);
		};
	}

	choose(choice: AppearanceChoice): void {
		this.choice = choice;
		const root = document.documentElement;
		if (choice === 'system') delete root.dataset.theme;
		else root.dataset.theme = choice;
		try {
			if (choice === 'system') localStorage.removeItem(APPEARANCE_KEY);
			else localStorage.setItem(APPEARANCE_KEY, choice);
		} catch {
			// Storage refused (a private window's policy): the choice holds for this page only.
		}
	}
}

export const appearance = new AppearanceState();
