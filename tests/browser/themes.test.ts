/**
 * Appearances: 深色 following the system setting (prefers-color-scheme) or chosen with the
 * header's 外观 control (kept in localStorage, applied before the first paint), and the
 * high-contrast 投影 mode. Each changes the page's background, passes axe-core with no serious
 * or critical violation (colour contrast of the tier badges among them), and the charts follow.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { REFERENCE_GREY } from '../../src/lib/charts/common';
import { CHART_PALETTES } from '../../src/lib/charts/theme';
import { chartsSettled, seriousViolations } from './axe';
import { launchBrowser } from './browser';
import { waitUntilSettled } from './trust';

const siteUrl = inject('siteUrl');
const KEY = 'imau-smart-factory/appearance';
/** The pages of issue #22's list: one of each kind. */
const PAGES = [
	'',
	'region/',
	'region/150200/',
	'industry/',
	'scenario/',
	'assessment/',
	'plan/',
	'data/',
	'explore/',
	'explore/sql/',
	'policy/',
	'self-assessment/',
	'report/',
	'report/2026/',
	'report/2026/150200/',
	'report/preview/'
];
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

function context(colorScheme: 'light' | 'dark', stored?: string): Promise<BrowserContext> {
	return browser
		.newContext({
			viewport: { width: 1366, height: 768 },
			locale: 'zh-CN',
			colorScheme,
			bypassCSP: true
		})
		.then(async (ctx) => {
			if (stored)
				await ctx.addInitScript(
					([key, value]) => localStorage.setItem(key!, value!),
					[KEY, stored]
				);
			return ctx;
		});
}

/** The page's background (the root's) as [r, g, b], and its luminance-ish brightness 0–255. */
async function background(page: Page): Promise<number> {
	const rgb = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
	return Math.round(0.2126 * r! + 0.7152 * g! + 0.0722 * b!);
}

/**
 * Every chart as one text (ECharts' options, the SVG Svelte draws): which colours the charts
 * draw with. Source text: run in the page.
 */
const CHARTS_TEXT = `JSON.stringify(
	[...document.querySelectorAll('[data-testid=chart]')].map((chart) => {
		const canvas = chart.querySelector('.canvas');
		return canvas ? canvas.echartsInstance?.getOption() : chart.querySelector('svg')?.outerHTML;
	})
).toLowerCase()`;

function chartOptions(page: Page): Promise<string> {
	return page.evaluate(CHARTS_TEXT) as Promise<string>;
}

async function settled(page: Page, path: string): Promise<void> {
	await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
	await waitUntilSettled(page);
	await chartsSettled(page);
}

for (const [name, scheme, stored, dark] of [
	['深色 from the system setting', 'dark', undefined, true],
	['投影 (projector)', 'light', 'projector', false]
] as const) {
	describe(name, () => {
		let ctx: BrowserContext;
		let page: Page;
		beforeAll(async () => {
			ctx = await context(scheme, stored);
			page = await ctx.newPage();
		});
		afterAll(async () => {
			await ctx?.close();
		});

		for (const path of PAGES)
			it(`/${path}: the page in that mode, no serious or critical axe violation`, async () => {
				await settled(page, path);
				const brightness = await background(page);
				if (dark) expect(brightness).toBeLessThan(40);
				else {
					expect(brightness).toBeGreaterThan(240);
					await expect(
						page.evaluate(() => getComputedStyle(document.documentElement).fontSize)
					).resolves.toBe('20px');
				}
				expect(await seriousViolations(page)).toEqual([]);
			});
	});
}

describe('the 外观 control', () => {
	it('深色 chosen: the page and its charts turn dark at once, and stay so after a reload', async () => {
		const ctx = await context('light');
		const page = await ctx.newPage();
		await settled(page, '');
		const light = await background(page);
		expect(light).toBeGreaterThan(200);
		// A colour of the charts' own (the reference grey) and the dark mode's in its place.
		const grey = REFERENCE_GREY.toLowerCase();
		const darkGrey = CHART_PALETTES.dark.colors[grey]!;
		expect((await chartOptions(page)).includes(grey)).toBe(true);

		await page.getByTestId('appearance').selectOption({ label: '深色' });
		expect(await background(page)).toBeLessThan(40);
		await page.waitForFunction(`${CHARTS_TEXT}.includes(${JSON.stringify(darkGrey)})`);
		expect((await chartOptions(page)).includes(grey)).toBe(false);
		await expect(page.evaluate((key) => localStorage.getItem(key), KEY)).resolves.toBe('dark');

		// Kept: dark from the first paint of the next page, before the app has started.
		await page.reload({ waitUntil: 'commit' });
		await page.waitForFunction(() => document.body !== null);
		await expect(page.evaluate(() => document.documentElement.dataset.theme ?? null)).resolves.toBe(
			'dark'
		);
		await waitUntilSettled(page);
		expect(await background(page)).toBeLessThan(40);
		await expect(page.getByTestId('appearance').inputValue()).resolves.toBe('dark');
		expect(await seriousViolations(page)).toEqual([]);

		// Printing is always the light page.
		await page.emulateMedia({ media: 'print' });
		expect(await background(page)).toBeGreaterThan(240);
		await ctx.close();
	});

	it('浅色 overrides a dark system setting; 跟随系统 follows it again and forgets the choice', async () => {
		const ctx = await context('dark');
		const page = await ctx.newPage();
		await settled(page, 'region/');
		expect(await background(page)).toBeLessThan(40);
		await page.getByTestId('appearance').selectOption({ label: '浅色' });
		expect(await background(page)).toBeGreaterThan(200);
		await page.getByTestId('appearance').selectOption({ label: '跟随系统' });
		expect(await background(page)).toBeLessThan(40);
		await expect(page.evaluate((key) => localStorage.getItem(key), KEY)).resolves.toBeNull();
		// The system setting changing while the page is open.
		await page.emulateMedia({ colorScheme: 'light' });
		expect(await background(page)).toBeGreaterThan(200);
		await ctx.close();
	});

	it('投影 chosen: large type, and the charts’ labels and lines grow', async () => {
		const ctx = await context('light');
		const page = await ctx.newPage();
		await settled(page, 'industry/');
		await page.getByTestId('appearance').selectOption({ label: '投影（高对比）' });
		await expect(
			page.evaluate(() => getComputedStyle(document.documentElement).fontSize)
		).resolves.toBe('20px');
		// 行业's charts are drawn by Svelte: their type 13 × 1.3.
		await page.waitForFunction(
			() => document.querySelector('[data-testid=chart] svg')?.getAttribute('font-size') === '17'
		);
		await ctx.close();
	});
});
