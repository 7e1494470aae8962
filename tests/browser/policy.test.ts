import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { foreignRequests, launchBrowser, openPage } from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('政策与场景 page in Chromium', () => {
	it('lists the 40 scenarios, finds 在线智能检测 by search, and stays on the site', async () => {
		const { page, requests, errors, context } = await openPage(browser, `${siteUrl}policy/`);
		await expect(page.title()).resolves.toContain('政策与场景');
		expect(await page.getByTestId('scenario-card').count()).toBe(40);
		await expect(page.getByTestId('scenario-count').textContent()).resolves.toContain('40 / 40');

		await page.getByTestId('scenario-search').fill('在线智能检测');
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="scenario-card"]').length === 1
		);
		const card = page.getByTestId('scenario-card');
		await expect(card.locator('h3').textContent()).resolves.toContain('在线智能检测');
		await expect(card.textContent()).resolves.toContain('构建在线智能检测系统');

		// 附件4's own spelling finds the same scenario as 附件1's.
		await page.getByTestId('scenario-search').fill('人机协同制造');
		await page.waitForFunction(
			() => document.querySelectorAll('[data-testid="scenario-card"]').length === 1
		);
		await expect(page.getByTestId('scenario-card').locator('h3').textContent()).resolves.toContain(
			'人机协同作业'
		);

		// Grouping by 环节 shows the five 环节 of 附件2.
		await page.getByTestId('scenario-search').fill('');
		await page.getByLabel('按环节（附件2）').check();
		const groupTitles = await page.locator('.group-title').allTextContents();
		expect(groupTitles.map((t) => t.trim().slice(0, 4))).toEqual([
			'工厂建设',
			'研发设计',
			'生产作业',
			'生产管理',
			'运营管理'
		]);

		await expect(page.getByTestId('tier-conditions').textContent()).resolves.toContain(
			'不少于 20 个'
		);
		expect(errors).toEqual([]);
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		await context.close();
	});

	it('shows the 40 scenarios to a reader without JavaScript', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${siteUrl}policy/`);
		expect(await page.getByTestId('scenario-card').count()).toBe(40);
		await context.close();
	});
});
