/**
 * Shared by the trust tests (offline, CSP, hostile input, failures, accessibility): the list of
 * pages the build wrote, a recorder of Content-Security-Policy violations, and a wait for a
 * page to finish what it computes in the browser.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Every page of the built site, as a path relative to the site root ('' for the home page,
 * 'region/150100/' …): each build/**\/index.html. Pages added later are covered by themselves.
 */
export function builtPages(dir = 'build'): string[] {
	const pages: string[] = [];
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const path = join(folder, name);
			if (statSync(path).isDirectory()) {
				if (name !== '_app') walk(path);
			} else if (name === 'index.html') {
				const page = relative(dir, folder).split('\\').join('/');
				pages.push(page === '' ? '' : `${page}/`);
			}
		}
	};
	walk(dir);
	return pages.sort();
}

/** What a page recorded: CSP violations (event + console) and scripts that ran from data. */
export interface Recorder {
	violations(): Promise<string[]>;
	console: string[];
}

/**
 * Record every `securitypolicyviolation` in the page (the init script runs before the page's
 * own) and every console message that names the Content Security Policy.
 */
export async function recordViolations(context: BrowserContext, page: Page): Promise<Recorder> {
	await context.addInitScript(() => {
		const seen: string[] = [];
		(globalThis as unknown as { __cspViolations: string[] }).__cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(
				`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`
			);
		});
	});
	const consoleLines: string[] = [];
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) consoleLines.push(message.text());
	});
	return {
		console: consoleLines,
		violations: () =>
			page.evaluate(
				() => (globalThis as unknown as { __cspViolations?: string[] }).__cspViolations ?? []
			)
	};
}

/**
 * Wait until the page has done what it computes in the browser: a page with a figures-source
 * note is live (DuckDB recomputed its figures), the 数据 page is ready, the pivot has a table,
 * the SQL console has read the schema. Pages that compute nothing are waited for until the app
 * has started on them (the layout marks <html data-hydrated>).
 * Resolves with what the page reached, for assertions.
 */
export async function waitUntilSettled(page: Page): Promise<string> {
	const handle = await page.waitForFunction(
		() => {
			const q = (selector: string) => document.querySelector(selector);
			const figures = q('[data-testid=figures-source]');
			if (figures)
				return figures.getAttribute('data-figures') === 'live' &&
					figures.getAttribute('data-busy') === 'false'
					? 'live'
					: false;
			const data = q('[data-testid=data-source]');
			if (data) return data.getAttribute('data-phase') === 'ready' ? 'live' : false;
			if (location.pathname.endsWith('/explore/'))
				return q('[data-testid=pivot-table] tbody tr') ? 'live' : false;
			if (location.pathname.endsWith('/explore/sql/')) return q('.schema details') ? 'live' : false;
			if (location.pathname.endsWith('/report/preview/'))
				return q('[data-testid=annual-report]') ? 'live' : false;
			return document.documentElement.dataset.hydrated === 'true' ? 'static' : false;
		},
		undefined,
		{ timeout: 60_000 }
	);
	return (await handle.jsonValue()) as string;
}
