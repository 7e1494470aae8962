/**
 * Small windows: every built page at a phone's width (390 px) and at 200% zoom of a 1366×768
 * laptop screen (a 683×384 CSS viewport) never scrolls sideways — wide tables scroll in their
 * own box, charts fit theirs — the navigation collapses into a menu button, and at 200% zoom
 * the first screen shows figures, not only the header and the filters.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser';
import { builtPages, waitUntilSettled } from './trust';

const siteUrl = inject('siteUrl');
const pages = builtPages();
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

const PHONE = { width: 390, height: 844 };
/** 1366×768 at 200% zoom: the CSS viewport a page gets. */
const ZOOM_200 = { width: 683, height: 384 };

function context(
	viewport: { width: number; height: number },
	javaScriptEnabled = true
): Promise<BrowserContext> {
	return browser.newContext({ viewport, locale: 'zh-CN', javaScriptEnabled });
}

/** How far the page reaches past the window's right edge, and what reaches furthest. */
function sidewaysOverflow(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		let widest = '';
		let right = 0;
		for (const element of document.body.querySelectorAll('*')) {
			const box = element.getBoundingClientRect();
			if (box.right > right) {
				right = box.right;
				widest = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
			}
		}
		return {
			overflow: document.documentElement.scrollWidth - innerWidth,
			widest: right > width ? `${widest} (${Math.round(right)} px)` : ''
		};
	});
}

/** Every chart drawn (or empty): what is measured is the page a user sees. */
const chartsSettled = (page: Page) =>
	page.waitForFunction(() =>
		[...document.querySelectorAll('[data-testid=chart]')].every(
			(c) => c.getAttribute('data-ready') === 'true' || c.querySelector('.empty, .failed')
		)
	);

for (const [name, viewport] of [
	['390 px wide', PHONE],
	['200% zoom (683×384)', ZOOM_200]
] as const) {
	describe(`every page at ${name}`, () => {
		let shared: BrowserContext;
		let page: Page;
		beforeAll(async () => {
			shared = await context(viewport);
			page = await shared.newPage();
		});
		afterAll(async () => {
			await shared?.close();
		});

		for (const path of pages)
			it(`/${path}: no sideways scroll of the page, charts inside their box`, async () => {
				await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
				await waitUntilSettled(page);
				await chartsSettled(page);
				const { overflow, widest } = await sidewaysOverflow(page);
				expect(overflow, `${overflow} px too wide, ${widest}`).toBeLessThanOrEqual(0);
				const charts = await page.$$eval('[data-testid=chart] :is(canvas, svg)', (canvases) =>
					canvases.map((c) => Math.round(c.getBoundingClientRect().right))
				);
				expect(charts.filter((right) => right > viewport.width)).toEqual([]);
			});
	});
}

describe('the navigation in a narrow window', () => {
	it('is a menu button that opens and closes the links, and closes on navigation', async () => {
		const ctx = await context(PHONE);
		const page = await ctx.newPage();
		await page.goto(`${siteUrl}region/`, { waitUntil: 'load' });
		await waitUntilSettled(page);
		const nav = page.getByRole('navigation', { name: '主导航' });
		const button = nav.getByRole('button', { name: '菜单' });
		const policy = nav.getByRole('link', { name: '政策与场景' });
		await expect(button.isVisible()).resolves.toBe(true);
		await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
		await expect(policy.isVisible()).resolves.toBe(false);
		// The header is the title's row and the menu's: the page's heading starts high.
		const mainTop = await page.evaluate(() => document.querySelector('main')!.offsetTop);
		expect(mainTop).toBeLessThan(100);

		await button.click();
		await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
		await expect(policy.isVisible()).resolves.toBe(true);
		// Escape closes it, back on the button.
		await page.keyboard.press('Escape');
		await expect(policy.isVisible()).resolves.toBe(false);
		await expect(
			page.evaluate(() => document.activeElement?.getAttribute('data-testid'))
		).resolves.toBe('menu-button');

		await button.click();
		await policy.click();
		await page.waitForURL((url) => url.pathname.endsWith('/policy/'));
		await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
		await expect(nav.getByRole('link', { name: '总览' }).isVisible()).resolves.toBe(false);
		await ctx.close();
	});

	it('without JavaScript stays a list of links, and the page still fits the width', async () => {
		const ctx = await context(PHONE, false);
		const page = await ctx.newPage();
		await page.goto(`${siteUrl}region/`, { waitUntil: 'load' });
		const nav = page.getByRole('navigation', { name: '主导航' });
		await expect(nav.getByRole('button', { name: '菜单' }).isVisible()).resolves.toBe(false);
		await expect(nav.getByRole('link', { name: '政策与场景' }).isVisible()).resolves.toBe(true);
		expect((await sidewaysOverflow(page)).overflow).toBeLessThanOrEqual(0);
		await ctx.close();
	});

	it('is the full list of links in a wide window', async () => {
		const ctx = await context({ width: 1366, height: 768 });
		const page = await ctx.newPage();
		await page.goto(siteUrl, { waitUntil: 'load' });
		await waitUntilSettled(page);
		const nav = page.getByRole('navigation', { name: '主导航' });
		await expect(nav.getByRole('button', { name: '菜单' }).isVisible()).resolves.toBe(false);
		await expect(nav.getByRole('link', { name: '政策与场景' }).isVisible()).resolves.toBe(true);
		await ctx.close();
	});
});

describe('the first screen at 200% zoom', () => {
	it('shows figures below the filters on every dashboard page', async () => {
		const ctx = await context(ZOOM_200);
		const page = await ctx.newPage();
		const failures: string[] = [];
		for (const path of ['', 'region/', 'region/150200/', 'industry/', 'scenario/', 'assessment/']) {
			await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
			await waitUntilSettled(page);
			// What is left of the first screen under the filters and their summary line: at least
			// a card's title and its figure.
			const left = await page.evaluate(
				() =>
					innerHeight -
					document.querySelector('[data-testid=active-filters]')!.getBoundingClientRect().bottom
			);
			if (left < 100) failures.push(`/${path}: ${Math.round(left)} px left`);
		}
		expect(failures).toEqual([]);
		await ctx.close();
	});
});
