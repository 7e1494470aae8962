/**
 * Debian's Chromium driven by playwright-core, with the flags this machine needs, and a
 * record of every request so tests can assert that nothing leaves the site.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		// playwright gives every launch a fresh temporary profile (--user-data-dir).
		args: FLAGS
	});
}

export interface TrackedPage {
	page: Page;
	context: BrowserContext;
	/** Every URL the page requested. */
	requests: string[];
	/** Console errors and uncaught exceptions. */
	errors: string[];
}

export async function openPage(browser: Browser, url: string): Promise<TrackedPage> {
	const context = await browser.newContext({
		viewport: { width: 1366, height: 768 },
		locale: 'zh-CN'
	});
	const page = await context.newPage();
	const requests: string[] = [];
	const errors: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	page.on('pageerror', (error) => errors.push(error.message));
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	await page.goto(url, { waitUntil: 'networkidle' });
	return { page, context, requests, errors };
}

/** Requests that went to any origin other than the site's own. */
export function foreignRequests(requests: string[], siteUrl: string): string[] {
	const origin = new URL(siteUrl).origin;
	return requests.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
}
