import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foreignRequests, launchBrowser, openPage } from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('自评 in Chromium', () => {
	it('names the one condition that misses 先进级, and adding the scenario makes it 先进级', async () => {
		const { page, context, requests, errors } = await openPage(
			browser,
			`${siteUrl}self-assessment/`
		);
		const result = page.getByTestId('assessment-result');
		await expect(result.getAttribute('data-eligible')).resolves.toBe('none');

		await page.getByTestId('maturity').selectOption('2');
		// Nine scenarios at 先进级 across 生产作业, 生产管理 and 运营管理: one short of ten.
		for (const no of [9, 10, 12, 13, 7, 18, 19, 25, 26]) {
			await page.getByTestId(`scenario-${no}`).selectOption('advanced');
		}
		await expect(result.getAttribute('data-eligible')).resolves.toBe('basic');
		await expect(
			page.getByTestId('assessment-missing').locator('li').allTextContents()
		).resolves.toEqual(['先进级及以上场景数 9，少于 10']);
		// 附件4 has no 基础级 description for 数字孪生工厂运营优化: that choice is not offered.
		await expect(
			page.getByTestId('scenario-2').locator('option[value=basic]').isDisabled()
		).resolves.toBe(true);

		await page.getByTestId('scenario-27').selectOption('advanced');
		await expect(result.getAttribute('data-eligible')).resolves.toBe('advanced');
		await expect(page.getByTestId('assessment-missing').textContent()).resolves.toContain('卓越级');

		expect(errors).toEqual([]);
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		await context.close();
	});
});
