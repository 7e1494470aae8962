import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foreignRequests, launchBrowser, openPage } from './browser';
import {
	chooseAllIndicators,
	chooseScenarios,
	LEVEL_INDICATORS,
	TEN_ADVANCED
} from './self-assessment-helpers';

const siteUrl = inject('siteUrl');
const STORAGE_KEY = 'imau-smart-factory/self-assessment-v1';
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

	it('refuses an investment of −5 next to the field, and judges no tier until it is fixed', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}self-assessment/`);
		const result = page.getByTestId('assessment-result');
		await page.getByTestId('maturity').selectOption('2');
		await chooseScenarios(page, TEN_ADVANCED);
		await expect(result.getAttribute('data-eligible')).resolves.toBe('advanced');

		const field = page.getByTestId('field-investment');
		await field.fill('−5');
		const error = page.getByTestId('error-investment');
		await expect(error.textContent()).resolves.toContain('投入金额不能为负数');
		// Next to the field: the field points to it, and it sits right under the field.
		await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
		await expect(field.getAttribute('aria-describedby')).resolves.toBe(
			await error.getAttribute('id')
		);
		const [fieldBox, errorBox] = [await field.boundingBox(), await error.boundingBox()];
		expect(errorBox!.y).toBeGreaterThanOrEqual(fieldBox!.y + fieldBox!.height - 1);
		expect(errorBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(24);
		expect(Math.abs(errorBox!.x - fieldBox!.x)).toBeLessThan(24);

		// The result says it cannot judge, names the field, and no longer says 先进级.
		await expect(result.getAttribute('data-eligible')).resolves.toBe('unjudged');
		await expect(page.getByTestId('assessment-headline').textContent()).resolves.toContain(
			'填写有误，暂不判定层级'
		);
		await expect(result.textContent()).resolves.not.toContain('先进级');
		await expect(
			page.getByTestId('assessment-errors').locator('a').getAttribute('href')
		).resolves.toBe('#field-investment');

		// Text, and a 2024 part larger than the whole, are questioned too, each at its own field.
		await field.fill('一千');
		await expect(error.textContent()).resolves.toContain('不是数字');
		await field.fill('1000');
		await page.getByTestId('field-investment2024').fill('1,200');
		await expect(page.getByTestId('error-investment').textContent()).resolves.toBe('');
		await expect(page.getByTestId('error-investment2024').textContent()).resolves.toContain(
			'大于自2014年以来的总投入'
		);
		await page.getByTestId('field-investment2024').fill('300');
		await expect(page.getByTestId('error-investment2024').textContent()).resolves.toBe('');
		await expect(result.getAttribute('data-eligible')).resolves.toBe('advanced');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('questions 四级 with every 附件3 indicator at 1级, naming each, instead of saying 先进级', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}self-assessment/`);
		const result = page.getByTestId('assessment-result');
		await page.getByTestId('maturity').selectOption('4');
		await chooseScenarios(page, TEN_ADVANCED);
		await expect(result.getAttribute('data-eligible')).resolves.toBe('advanced');

		await chooseAllIndicators(page, 1);
		await expect(result.getAttribute('data-state')).resolves.toBe('question');
		const items = await page.getByTestId('maturity-contradictions').locator('li').allTextContents();
		expect(items).toHaveLength(LEVEL_INDICATORS.length);
		LEVEL_INDICATORS.forEach((indicator, i) => {
			expect(items[i]).toContain(`${indicator.name}为1级，低于四级至少应有的4级`);
			expect(items[i]).toContain(indicator.levels[0]!.slice(0, 10));
		});
		const headline = await page.getByTestId('assessment-headline').textContent();
		expect(headline).toContain('基础级');
		expect(headline).toContain('成熟度待核实');
		expect(headline).not.toContain('先进级');
		await expect(result.getByTestId('maturity-question').textContent()).resolves.toContain(
			'若所填四级属实，可达先进级'
		);

		// Indicators that bear the claim out lift the question, and 先进级 stands.
		await chooseAllIndicators(page, 5);
		await expect(result.getAttribute('data-state')).resolves.toBe('ok');
		await expect(result.getAttribute('data-eligible')).resolves.toBe('advanced');
		await expect(result.getByTestId('maturity-question').count()).resolves.toBe(0);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps entries over a reload, and the clear button empties them after confirming', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}self-assessment/`);
		await page.getByTestId('maturity').selectOption('3');
		await chooseScenarios(page, [9, 10, 27]);
		await page.getByTestId('indicator-data_elements').getByRole('radio', { name: /^4级/ }).check();
		await page.getByTestId('field-investment').fill('1,250.5');
		await page.getByTestId('field-investment2024').fill('−5');

		await page.reload({ waitUntil: 'networkidle' });
		await expect(page.getByTestId('maturity').inputValue()).resolves.toBe('3');
		for (const no of [9, 10, 27]) {
			await expect(page.getByTestId(`scenario-${no}`).inputValue()).resolves.toBe('advanced');
		}
		await expect(page.getByTestId('scenario-12').inputValue()).resolves.toBe('');
		await expect(
			page.getByTestId('indicator-data_elements').getByRole('radio', { name: /^4级/ }).isChecked()
		).resolves.toBe(true);
		await expect(page.getByTestId('field-investment').inputValue()).resolves.toBe('1,250.5');
		// A mistyped amount comes back as typed, with its reason.
		await expect(page.getByTestId('field-investment2024').inputValue()).resolves.toBe('−5');
		await expect(page.getByTestId('error-investment2024').textContent()).resolves.toContain(
			'不能为负数'
		);

		// The confirmation says what will be lost; cancelling keeps everything.
		await page.getByTestId('clear-open').click();
		const dialog = page.getByTestId('clear-dialog');
		await expect(dialog.isVisible()).resolves.toBe(true);
		const said = await dialog.textContent();
		for (const part of [
			'已选 3 个场景及其层级',
			'成熟度等级',
			'1 项附件3指标等级',
			'数字化投入金额'
		]) {
			expect(said).toContain(part);
		}
		expect(said).toContain('不能撤销');
		await dialog.getByRole('button', { name: '取消' }).click();
		await expect(dialog.isVisible()).resolves.toBe(false);
		await expect(page.getByTestId('scenario-9').inputValue()).resolves.toBe('advanced');

		await page.getByTestId('clear-open').click();
		await page.getByTestId('clear-confirm').click();
		await expect(page.getByTestId('scenario-9').inputValue()).resolves.toBe('');
		await expect(page.getByTestId('maturity').inputValue()).resolves.toBe('');
		await expect(page.getByTestId('field-investment').inputValue()).resolves.toBe('');
		await expect(page.getByTestId('clear-open').isDisabled()).resolves.toBe(true);
		await page.reload({ waitUntil: 'networkidle' });
		await expect(page.getByTestId('scenario-9').inputValue()).resolves.toBe('');
		await expect(
			page.getByTestId('indicator-data_elements').getByRole('radio', { name: '未填写' }).isChecked()
		).resolves.toBe(true);
		await expect(page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).resolves.toBe(
			null
		);
		expect(errors).toEqual([]);
		await context.close();
	});

	it('ignores a stored value that no longer reads, with a note and no uncaught error', async () => {
		for (const stored of [
			'{"type":"imau-smart-factory-self-assessment","version":2,"scenarios":{"9":',
			'{"type":"imau-smart-factory-self-assessment","version":0,"scenarios":{"9":"advanced"}}'
		]) {
			const { page, context, errors } = await openPage(browser, `${siteUrl}self-assessment/`);
			await page.evaluate(
				([key, value]) => localStorage.setItem(key!, value!),
				[STORAGE_KEY, stored]
			);
			await page.reload({ waitUntil: 'networkidle' });
			await expect(page.getByTestId('store-note').textContent()).resolves.toContain(
				'本机保存的上次填写内容无法读取'
			);
			await expect(page.getByTestId('scenario-9').inputValue()).resolves.toBe('');
			// The page still works, and the first entry replaces what could not be read.
			await page.getByTestId('scenario-9').selectOption('basic');
			const kept = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
			expect(JSON.parse(kept!).scenarios).toEqual({ 9: 'basic' });
			expect(errors).toEqual([]);
			await context.close();
		}
	});

	it('the 附件3 levels are whole, labelled radio buttons a keyboard can choose', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}self-assessment/`);
		// A group named by its 附件3 item, each level a radio button named by its level and text.
		const group = page.getByRole('group', { name: '3. 生产管理数字化水平' });
		await expect(group.getAttribute('data-testid')).resolves.toBe(
			'indicator-production_management'
		);
		const longest = LEVEL_INDICATORS[2]!.levels[4]!;
		// The whole text is shown, not cut: every character is in the radio's label and visible.
		const option = group.getByRole('radio', { name: /^5级/ });
		await expect(
			option.evaluate((input) => input.closest('label')!.textContent)
		).resolves.toContain(longest);
		const clipped = await group.locator('label').evaluateAll(
			(labels) =>
				labels.filter((label) => {
					const text = label.querySelector('.text') as HTMLElement;
					return text.scrollWidth > text.clientWidth || text.scrollHeight > text.clientHeight;
				}).length
		);
		expect(clipped).toBe(0);
		// Keyboard: focus the group's first choice, arrow down to 1级, 2级.
		await group.getByRole('radio', { name: '未填写' }).focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect(group.getByRole('radio', { name: /^2级/ }).isChecked()).resolves.toBe(true);
		await context.close();
	});
});
