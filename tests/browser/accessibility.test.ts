/**
 * Accessibility: axe-core (bundled from node_modules, injected into the page — no CDN) on every
 * built page once it is live; charts carry text alternatives; the controls work by keyboard.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartsSettled, seriousViolations } from './axe';
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

/**
 * The page in a fresh context. axe-core goes in as an inline script (no CDN), which the site's
 * own policy rightly refuses: these contexts bypass CSP, which offline-csp.test.ts tests.
 */
async function openPage(browser: Browser, url: string) {
	const context = await browser.newContext({
		viewport: { width: 1366, height: 768 },
		locale: 'zh-CN',
		bypassCSP: true
	});
	const page = await context.newPage();
	await page.goto(url, { waitUntil: 'load' });
	return { page, context };
}

describe('axe-core on every page', () => {
	for (const path of pages) {
		it(`/${path} has no serious or critical violation`, async () => {
			const { page, context } = await openPage(browser, `${siteUrl}${path}`);
			await waitUntilSettled(page);
			await chartsSettled(page);
			expect(await seriousViolations(page)).toEqual([]);
			await context.close();
		});
	}
});

describe('the 清除本地数据 dialog', () => {
	it('is a labelled modal dialog axe passes, 取消 focused', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await waitUntilSettled(page);
		await page.getByTestId('file-input').setInputFiles('tests/fixtures/import/decl-gbk.csv');
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
			{ timeout: 60_000 }
		);
		await page.getByTestId('clear-data').click();
		const dialog = page.getByRole('dialog', { name: '清除本地数据？' });
		await expect(dialog.isVisible()).resolves.toBe(true);
		await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
			'取消'
		);
		expect(await seriousViolations(page)).toEqual([]);
		await context.close();
	});
});

describe('charts have text alternatives', () => {
	it('every chart on the dashboard pages is an image (or a group of bars) with a label naming it', async () => {
		for (const path of ['', 'region/', 'industry/', 'scenario/', 'assessment/']) {
			const { page, context } = await openPage(browser, `${siteUrl}${path}`);
			await waitUntilSettled(page);
			await chartsSettled(page);
			// ECharts' canvas, or the SVG Svelte draws: a group when its bars can be picked, each
			// bar then a button that says its figures.
			const labels = await page.$$eval(
				'[data-testid=chart] .canvas, [data-testid=chart] .plot > svg',
				(elements) =>
					elements.map((e) => ({
						role: e.getAttribute('role'),
						label: e.getAttribute('aria-label') ?? '',
						marks: [...e.querySelectorAll('[role=button]')].map(
							(m) => m.getAttribute('aria-label') ?? ''
						)
					}))
			);
			expect(labels.length, path).toBeGreaterThan(0);
			for (const { role, label, marks } of labels) {
				expect(['img', 'group'], path).toContain(role);
				expect(label.length, path).toBeGreaterThan(4);
				if (role === 'group') expect(marks.length, path).toBeGreaterThan(0);
				for (const mark of marks) expect(mark.length, path).toBeGreaterThan(2);
			}
			await context.close();
		}
	});
});

/** Press Tab until `selector` has the focus (at most `limit` presses). */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}

describe('keyboard only', () => {
	it('a filter select changes the figures from the keyboard', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}region/`);
		await waitUntilSettled(page);
		await tabTo(page, '[data-testid=filter-region]');
		await page.keyboard.press('ArrowDown');
		await page.waitForURL((url) => url.searchParams.has('region'));
		const chosen = new URL(page.url()).searchParams.get('region');
		await expect(page.getByTestId('filter-region').inputValue()).resolves.toBe(chosen);
		await expect(waitUntilSettled(page)).resolves.toBe('live');
		// The chip that undoes it is a button a keyboard reaches too.
		await tabTo(page, '[data-testid=active-filters] button.chip');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => !url.searchParams.has('region'));
		await context.close();
	});

	it('the skip link and the main navigation work from the keyboard', async () => {
		const { page, context } = await openPage(browser, siteUrl);
		await waitUntilSettled(page);
		await page.keyboard.press('Tab');
		await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
			'跳到正文'
		);
		await tabTo(page, 'nav a[href$="policy/"]');
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname.endsWith('/policy/'));
		await expect(page.locator('nav a[aria-current=page]').textContent()).resolves.toBe(
			'政策与场景'
		);
		await context.close();
	});

	it('the file picker opens from the keyboard and imports the chosen file', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await waitUntilSettled(page);
		// Listen before tabbing: the listener turns on Chromium's file-chooser interception, a
		// protocol call that must land before the key does, or the dialog opens natively and
		// the event never comes (seen once in CI when the two were sent together).
		const chooserOpened = page.waitForEvent('filechooser');
		await tabTo(page, '[data-testid=file-input]');
		await page.keyboard.press('Space');
		const chooser = await chooserOpened;
		await chooser.setFiles('tests/fixtures/import/decl-gbk.csv');
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
			{
				timeout: 60_000
			}
		);
		await expect(
			page.locator('[data-testid=file-report][data-file="decl-gbk.csv"]').count()
		).resolves.toBe(1);
		await context.close();
	});

	it('the map has a keyboard alternative: the league-city table links to each 盟市 page', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}region/`);
		await waitUntilSettled(page);
		const links = await page.$$eval('[data-testid=data-table] tbody th a', (as) =>
			as.map((a) => (a as HTMLAnchorElement).pathname)
		);
		expect(links.length).toBe(12);
		await tabTo(page, '[data-testid=data-table] tbody th a');
		const target = await page.evaluate(
			() => (document.activeElement as HTMLAnchorElement).pathname
		);
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === target, { waitUntil: 'commit' });
		expect(target).toMatch(/\/region\/\d{6}\/$/);
		await expect(waitUntilSettled(page)).resolves.toBe('live');
		await context.close();
	});
});
