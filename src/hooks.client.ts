/**
 * Before the app hydrates: let the browser paint the prerendered page first. The page's
 * figures, cards, tables and charts (as SVG) are all in the HTML; when the app's modules were
 * ready quickly, hydration ran before the first paint and the first contentful paint waited for
 * it (docs/benchmarks.md). A frame later, the page becomes interactive. A tab in the background
 * draws no frames, and waits for none; nor does a page marked as keeping imported data
 * (local-mark.ts), whose prerendered figures are hidden: the sooner it hydrates, the sooner it
 * shows the user's own (docs/cube.md).
 */
import type { ClientInit } from '@sveltejs/kit';

export const init: ClientInit = async () => {
	if (document.visibilityState !== 'visible') return;
	if (document.documentElement.dataset.localData === 'pending') return;
	await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
};
