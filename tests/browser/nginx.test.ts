/**
 * The deployment recipe, tested: the build served by a real nginx (Debian's package) with the
 * repository's deploy/nginx/zhizao.conf (nginx.ts), checked as an administrator would with curl —
 * every header on pages, worker scripts and the wasm, the wasm's type, caching, redirects — and
 * in Chromium: the pages go live under both the page's <meta> policy and nginx's header, nothing
 * leaves the site, and they keep working offline (the same check as offline-csp.test.ts).
 */
import { readdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	HEADER_CSP,
	IMMUTABLE_CACHE,
	PAGE_HEADER_CSP,
	REVALIDATE_CACHE,
	SECURITY_HEADERS
} from '../../src/lib/security/headers.js';
import { launchBrowser } from './browser';
import { startNginx, type RunningNginx } from './nginx';
import { checkPageOffline } from './offline-check';

let nginx: RunningNginx | undefined;
let siteUrl = '';
let browser: Browser;

beforeAll(async () => {
	// Fails (with how to install nginx) rather than skipping when nginx is missing.
	nginx = await startNginx();
	siteUrl = nginx.url;
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await nginx?.stop();
});

const workerScript = () =>
	`_app/immutable/workers/${readdirSync('build/_app/immutable/workers').find((f) => f.startsWith('duckdb-guard.worker'))}`;
const wasmFile = () =>
	`_app/immutable/assets/${readdirSync('build/_app/immutable/assets').find((f) => f.startsWith('duckdb-eh') && f.endsWith('.wasm'))}`;

async function head(path: string, init: RequestInit = {}) {
	const response = await fetch(`${siteUrl}${path}`, { redirect: 'manual', ...init });
	await response.arrayBuffer();
	return response;
}

function expectSecurityHeaders(response: Response, where: string) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
		expect(response.headers.get(name), `${where}: ${name}`).toBe(value);
	}
}

describe('the nginx recipe (deploy/nginx/zhizao.conf), served by nginx', () => {
	it('sends the security headers and the policy on pages, worker scripts, the wasm and errors', async () => {
		for (const path of ['', 'explore/sql/', 'region/']) {
			const page = await head(path);
			expect(page.status, path).toBe(200);
			expect(page.headers.get('content-type'), path).toMatch(/^text\/html/);
			expect(page.headers.get('content-security-policy'), path).toBe(PAGE_HEADER_CSP);
			expect(page.headers.get('cache-control'), path).toBe(REVALIDATE_CACHE);
			expectSecurityHeaders(page, path);
		}
		const worker = await head(workerScript());
		expect(worker.status).toBe(200);
		expect(worker.headers.get('content-security-policy')).toBe(HEADER_CSP);
		expect(worker.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
		expectSecurityHeaders(worker, 'worker');

		const wasm = await head(wasmFile(), { method: 'HEAD' });
		expect(wasm.status).toBe(200);
		expect(wasm.headers.get('content-type')).toBe('application/wasm');
		expect(wasm.headers.get('content-security-policy')).toBe(HEADER_CSP);
		expect(wasm.headers.get('cache-control')).toBe(IMMUTABLE_CACHE);
		expectSecurityHeaders(wasm, 'wasm');
		// 34 MB of wasm go compressed.
		const gzipped = await head(wasmFile(), { headers: { 'accept-encoding': 'gzip' } });
		expect(gzipped.headers.get('content-encoding')).toBe('gzip');

		const data = await head('__data.json');
		expect(data.headers.get('cache-control')).toBe(REVALIDATE_CACHE);
		expect(data.headers.get('content-security-policy')).toBe(HEADER_CSP);

		// A page revalidates: unchanged, it comes back as 304, still with its headers.
		const etag = (await head('')).headers.get('etag') ?? '';
		const revalidated = await head('', { headers: { 'if-none-match': etag } });
		expect(revalidated.status).toBe(304);
		expectSecurityHeaders(revalidated, '304');

		// Without the slash: a relative redirect (host and port as the browser used them).
		const redirect = await head('explore/sql');
		expect(redirect.status).toBe(301);
		expect(redirect.headers.get('location')).toBe('/explore/sql/');
		expectSecurityHeaders(redirect, '301');

		const missing = await head('no-such-page/');
		expect(missing.status).toBe(404);
		expect(missing.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
		expectSecurityHeaders(missing, '404');
	});

	for (const path of ['', 'explore/sql/', 'data/', 'policy/']) {
		it(`/${path} in Chromium: no CSP violation, no host but its own, CSP headers, live, works offline`, async () => {
			const reached = await checkPageOffline(browser, siteUrl, path);
			if (path === '') expect(reached).toBe('live');
		});
	}
});
