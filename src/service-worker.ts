/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * The site's one service worker, registered only while this browser keeps imported data
 * (src/lib/data/local-mark.ts): it marks every page's HTML as it arrives, so the page knows
 * before its first paint that the build's figures must not be shown — without reading any
 * storage, which holds a cold first paint back (docs/cube.md). It caches nothing and changes
 * nothing else; the response keeps its headers (the CSP among them).
 */
import { markLocalData } from '$lib/data/local-mark';

const worker = self as unknown as ServiceWorkerGlobalScope;

/** The install event where Chromium's static routing API is there (`addRoutes`, Chromium 123+). */
type RoutingInstallEvent = ExtendableEvent & {
	addRoutes?: (rules: { condition: object; source: 'network' }[]) => Promise<void>;
};

worker.addEventListener('install', (event: RoutingInstallEvent) => {
	void worker.skipWaiting();
	// Only a page's HTML is the worker's: every other request (the app's ~30 modules, the cube,
	// fonts, the map) goes straight to the network, not through a fetch event on this worker's
	// thread — each of which waited for it on a reload (docs/cube.md). Browsers without the API
	// send them through the fetch listener below, which lets them pass.
	if (event.addRoutes)
		event.waitUntil(
			event
				.addRoutes([{ condition: { not: { requestMode: 'navigate' } }, source: 'network' }])
				.catch(() => undefined)
		);
});
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()));

worker.addEventListener('fetch', (event) => {
	if (event.request.mode === 'navigate') event.respondWith(marked(event.request));
});

async function marked(request: Request): Promise<Response> {
	const response = await fetch(request);
	if (!response.ok || !(response.headers.get('content-type') ?? '').includes('text/html'))
		return response;
	const headers = new Headers(response.headers);
	// The body changes length; the browser counts it itself.
	headers.delete('content-length');
	return new Response(markLocalData(await response.text()), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
}
