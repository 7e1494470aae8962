/**
 * Before the first paint, a page must know whether this browser keeps imported data: if so, the
 * build's prerendered figures in its HTML must never be painted (docs/cube.md). Two ways, both
 * ending with `<html data-local-data="pending">`, which app.css reads:
 *
 * - where service workers exist (HTTPS, localhost): the site's service worker
 *   (src/service-worker.ts) is registered only while data is kept, and marks each page's HTML
 *   as it arrives — no page reads storage before painting;
 * - elsewhere (a plain-HTTP intranet): app.html's head script reads a localStorage mark, which
 *   delays a cold first paint (~0.3 s measured here) but only where there is no other way.
 *
 * Pure but for `keepLocalDataMark`, which the store calls when data is kept or cleared.
 */

/** The localStorage key the head script reads (tests/unit/first-paint.test.ts holds the two equal). */
export const LOCAL_DATA_MARK = 'imau-smart-factory/local-data';

/** The page's HTML with its <html> element marked: data is kept here. */
export function markLocalData(html: string): string {
	return html.replace(/<html(\s|>)/, (_, next: string) => `<html data-local-data="pending"${next}`);
}

/** The site's root (its base path) and its service worker's URL, from the page's own location. */
function siteScope(root: string): { scope: string; script: string } {
	const scope = new URL(root, location.href).href;
	return { scope, script: new URL('service-worker.js', scope).href };
}

/** Resolves once the registration's worker is active (the next page load is marked). */
function active(registration: ServiceWorkerRegistration): Promise<void> {
	const worker = registration.installing ?? registration.waiting ?? registration.active;
	if (!worker || worker.state === 'activated') return Promise.resolve();
	return new Promise((resolve) => {
		const changed = () => {
			if (worker.state === 'activated' || worker.state === 'redundant') {
				worker.removeEventListener('statechange', changed);
				resolve();
			}
		};
		worker.addEventListener('statechange', changed);
	});
}

/**
 * Keep (or drop) the marks that say data is kept here: the localStorage mark, and the service
 * worker where there can be one. `root` is the site's root as `resolve('/')` gives it. Failures
 * only cost the guarantee before the first paint, never the data: they are swallowed.
 */
export async function keepLocalDataMark(present: boolean, root: string): Promise<void> {
	try {
		if (present) localStorage.setItem(LOCAL_DATA_MARK, '1');
		else localStorage.removeItem(LOCAL_DATA_MARK);
	} catch {
		// No localStorage (a locked-down browser).
	}
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	try {
		const { scope, script } = siteScope(root);
		if (present) {
			const registration = await navigator.serviceWorker.register(script, {
				scope,
				updateViaCache: 'none'
			});
			await active(registration);
		} else {
			const registration = await navigator.serviceWorker.getRegistration(scope);
			await registration?.unregister();
		}
	} catch {
		// No service worker (a policy, a private window): the head script's mark still holds.
	}
}
