/**
 * 自评 on paper and on a phone: printed to PDF (read back with pdf.js) it is the result and its
 * reasons on one A4 page, never the form; at 390 px the result stands under the form and nothing
 * scrolls sideways; axe-core finds nothing serious in the states the page can be in.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scenarios } from '../../src/lib/domain/catalogue';
import { launchBrowser, openPage } from './browser';
import {
	chooseAllIndicators,
	chooseScenarios,
	pdfPages,
	TEN_ADVANCED
} from './self-assessment-helpers';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

/** A typical entry: 先进级 with 12 scenarios, maturity 二级 borne out, all requirements met. */
async function typicalEntry(page: Page) {
	for (const select of await page.locator('.requirement select').all()) {
		if ((await select.getAttribute('data-testid')) !== 'maturity') await select.selectOption('yes');
	}
	await page.getByTestId('maturity').selectOption('2');
	await chooseScenarios(page, [...TEN_ADVANCED, 14, 3], 'advanced');
	await chooseAllIndicators(page, 3);
	await page.getByTestId('field-investment').fill('2,680');
	await page.getByTestId('field-investment2024').fill('420.5');
}

const nameOf = (no: number) => scenarios.find((s) => s.no === no)!.name;

describe('自评 printed', () => {
	it('is the result and its reasons on one A4 page, without the form’s 未建设 rows', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}self-assessment/`);
		await typicalEntry(page);
		await expect(page.getByTestId('assessment-result').getAttribute('data-eligible')).resolves.toBe(
			'advanced'
		);

		const pages = await pdfPages(
			new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
		);
		expect(pages).toHaveLength(1);
		const text = pages[0]!;
		expect(text).toContain('可申报层级:先进级');
		expect(text).toContain('距离卓越级还差');
		expect(text).toContain('先进级:满足');
		for (const no of [...TEN_ADVANCED, 14, 3]) expect(text).toContain(nameOf(no));
		expect(text).toContain('2,680万元');
		expect(text).toContain('其中2024年投入420.5万元');
		// Not the form: no 未建设 row, no scenario left unbuilt, no form heading, no buttons.
		expect(text).not.toContain('未建设');
		for (const no of [1, 2, 11, 40]) expect(text).not.toContain(nameOf(no));
		expect(text).not.toContain('一、基础要求');
		expect(text).not.toContain('打印结果');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('keeps the result box whole on its page, with the contradiction in it', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}self-assessment/`);
		await typicalEntry(page);
		await page.getByTestId('maturity').selectOption('4');
		await chooseAllIndicators(page, 1);
		await page.emulateMedia({ media: 'print' });
		await expect(
			page.getByTestId('print-result').evaluate((box) => getComputedStyle(box).breakInside)
		).resolves.toBe('avoid');
		await page.emulateMedia({ media: null });

		const pages = await pdfPages(
			new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }))
		);
		expect(pages).toHaveLength(1);
		const text = pages[0]!;
		expect(text).toContain('成熟度待核实');
		expect(text).toContain('若所填四级属实,可达先进级');
		expect(text).toContain('9. 数据要素 1级');
		expect(text).toContain('领航级:不满足');
		expect(text).not.toContain('未建设');
		await context.close();
	});
});

describe('自评 on a phone (390 × 844)', () => {
	it('does not scroll sideways, and the result stands under the form, covering none of it', async () => {
		const context = await browser.newContext({
			viewport: { width: 390, height: 844 },
			locale: 'zh-CN',
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		await page.goto(`${siteUrl}self-assessment/`, { waitUntil: 'networkidle' });
		await page.getByTestId('maturity').selectOption('4');
		await chooseScenarios(page, TEN_ADVANCED);
		await chooseAllIndicators(page, 1);
		await page.getByTestId('field-investment').fill('−5');

		const widths = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth
		}));
		expect(widths.scroll).toBeLessThanOrEqual(widths.client);

		const overlaps = () =>
			page.evaluate(() => {
				const result = document
					.querySelector('[data-testid=assessment-result]')!
					.getBoundingClientRect();
				const controls = [
					...document.querySelectorAll('[data-testid=self-assessment-form] :is(select, input)')
				];
				return controls.filter((control) => {
					const box = control.getBoundingClientRect();
					return (
						box.width > 0 &&
						box.left < result.right &&
						box.right > result.left &&
						box.top < result.bottom &&
						box.bottom > result.top
					);
				}).length;
			});
		// Wherever the reader is in the form, no control is under the result panel.
		for (const at of [0, 0.25, 0.5, 0.75, 1]) {
			await page.evaluate((f) => scrollTo(0, f * document.documentElement.scrollHeight), at);
			expect(await overlaps(), `scrolled to ${at}`).toBe(0);
		}
		const [form, result] = await Promise.all([
			page.getByTestId('self-assessment-form').boundingBox(),
			page.getByTestId('assessment-result').boundingBox()
		]);
		expect(result!.y).toBeGreaterThanOrEqual(form!.y + form!.height);
		await context.close();
	});
});

describe('自评 accessibility in each state', () => {
	const axeSource = readFileSync(
		createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
		'utf8'
	);

	it('axe-core finds no serious or critical issue with errors, a contradiction, or the dialog open', async () => {
		// bypassCSP: axe goes in as an inline script, which the site's own policy rightly refuses.
		const context = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
		const page = await context.newPage();
		await page.goto(`${siteUrl}self-assessment/`, { waitUntil: 'networkidle' });
		await page.addScriptTag({ content: axeSource });
		const serious = () =>
			page.evaluate(async () => {
				const axe = (globalThis as unknown as { axe: { run(...a: unknown[]): Promise<unknown> } })
					.axe;
				const result = (await axe.run(document, {
					runOnly: {
						type: 'tag',
						values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
					}
				})) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
				return result.violations
					.filter((v) => v.impact === 'serious' || v.impact === 'critical')
					.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
			});
		await page.getByTestId('maturity').selectOption('4');
		await chooseScenarios(page, TEN_ADVANCED);
		await chooseAllIndicators(page, 1);
		await page.locator('[data-testid=assessment-result] details').evaluateAll((all) => {
			for (const d of all) (d as HTMLDetailsElement).open = true;
		});
		expect(await serious(), 'contradiction').toEqual([]);
		await page.getByTestId('field-investment').fill('−5');
		expect(await serious(), 'invalid amount').toEqual([]);
		await page.getByTestId('clear-open').click();
		expect(await serious(), 'clear dialog').toEqual([]);
		await context.close();
	});
});
