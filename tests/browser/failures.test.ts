/**
 * Failure paths, each broken on purpose: the wasm cannot load (wrong MIME type, not found, no
 * WebAssembly at all, out of memory) — the 数据 page, which loads it, says in Chinese what
 * happened and what to do, and the dashboard pages, which never need it, go on working —; the
 * build's cube cannot be fetched; and the stored data is damaged.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { MAX_IMPORT_BYTES } from '../../src/lib/data/size-limit';
import { changeStoredCube, damageStoredFile, launchBrowser } from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;
/** The 总览 cards as the prerendered HTML shows them (JavaScript off). */
let prerenderedCards: string[];

const cards = (page: Page) =>
	page.$$eval('[data-testid$=-value]', (els) => els.map((e) => e.textContent ?? ''));

beforeAll(async () => {
	browser = await launchBrowser();
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto(siteUrl);
	prerenderedCards = await cards(page);
	await context.close();
});
afterAll(async () => {
	await browser?.close();
});

/** Open a page (数据 by default) in a fresh context broken by `breakIt`; return it once it reports a problem. */
async function openBroken(
	breakIt: (context: BrowserContext, page: Page) => Promise<void>,
	path = 'data/'
): Promise<{ page: Page; context: BrowserContext; uncaught: string[] }> {
	const context = await browser.newContext({ locale: 'zh-CN' });
	const page = await context.newPage();
	const uncaught: string[] = [];
	page.on('pageerror', (error) => uncaught.push(error.message));
	await breakIt(context, page);
	await page.goto(`${siteUrl}${path}`);
	await page.getByTestId('engine-problem').waitFor({ timeout: 60_000 });
	return { page, context, uncaught };
}

/** The problem is told on 数据 with what to do, and the validation report still shows. */
async function expectTold(page: Page, kind: string, says: RegExp) {
	const problem = page.getByTestId('engine-problem');
	await expect(problem.getAttribute('data-kind')).resolves.toBe(kind);
	const text = (await problem.textContent()) ?? '';
	expect(text).toMatch(says);
	expect(text).toMatch(/请/); // what to do
	expect(text).toContain('不能载入和计算');
	await expect(page.getByTestId('file-report').count()).resolves.toBeGreaterThan(0);
}

const withoutWebAssembly = async (context: BrowserContext) => {
	await context.addInitScript(() => {
		delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
	});
};

describe('when DuckDB cannot start', () => {
	it('a .wasm served with the wrong MIME type: the page names the server setting to fix', async () => {
		const { page, context } = await openBroken(async (_, page) => {
			await page.route('**/*.wasm', async (route) => {
				const response = await route.fetch();
				await route.fulfill({
					response,
					headers: { ...response.headers(), 'content-type': 'application/octet-stream' }
				});
			});
		});
		await expectTold(page, 'wasm-mime', /application\/wasm/);
		await context.close();
	});

	it('a .wasm the server does not have: the page says it could not be downloaded', async () => {
		const { page, context } = await openBroken(async (_, page) => {
			await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: '404' }));
		});
		await expectTold(page, 'wasm-download', /未能.*下载/);
		await context.close();
	});

	it('a browser without WebAssembly: the page says so and names browsers that work', async () => {
		const { page, context } = await openBroken(withoutWebAssembly);
		await expectTold(page, 'no-webassembly', /不支持 WebAssembly.*Chrome/);
		await context.close();
	});

	it('out of memory while instantiating the wasm: the page says memory ran out', async () => {
		const { page, context } = await openBroken(async (_, page) => {
			// duckdb-wasm compiles in its worker: make instantiation there fail as Chromium does.
			await page.route('**/duckdb-browser-*.worker.*.js', async (route) => {
				const response = await route.fetch();
				const oom =
					'WebAssembly.instantiate = WebAssembly.instantiateStreaming = () => ' +
					'Promise.reject(new RangeError("WebAssembly.instantiate(): Out of memory: Cannot allocate Wasm memory for new instance"));\n';
				await route.fulfill({ response, body: oom + (await response.text()) });
			});
		});
		await expectTold(page, 'memory', /内存不足/);
		await context.close();
	});

	it('the dashboard pages do not need it: without WebAssembly a filtered URL shows its figures', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		await withoutWebAssembly(context);
		const page = await context.newPage();
		await page.goto(`${siteUrl}?region=150100`);
		await page.waitForSelector(
			'[data-testid=figures-source][data-figures=live][data-filters="?region=150100"]'
		);
		await expect(cards(page)).resolves.not.toEqual(prerenderedCards);
		await expect(page.getByTestId('engine-problem').count()).resolves.toBe(0);
		await context.close();
	});

	it('a filtered URL whose figures cannot be fetched says so, and links to the unfiltered ones', async () => {
		const context = await browser.newContext({ locale: 'zh-CN' });
		const page = await context.newPage();
		await page.route('**/cube.bin*', (route) => route.fulfill({ status: 404, body: '404' }));
		await page.goto(`${siteUrl}?region=150100`);
		await page.getByTestId('no-filtered-figures').getByRole('link').click();
		await page.waitForURL((url) => url.search === '');
		await expect(cards(page)).resolves.toEqual(prerenderedCards);
		await context.close();
	});

	it('the SQL console says the database is missing instead of waiting for ever', async () => {
		const { page, context } = await openBroken(withoutWebAssembly, 'explore/sql/');
		await expect(page.getByTestId('engine-problem').textContent()).resolves.toContain(
			'SQL 查询需要本机数据库'
		);
		await expect(page.getByText('正在载入数据…').count()).resolves.toBe(0);
		await context.close();
	});
});

describe('when the stored data is damaged', () => {
	it('a dashboard page says so, shows no figures of other data, and clears it once confirmed', async () => {
		// A dashboard page reads the cube kept beside the files (its own digest checked); with the
		// cube damaged too it makes it again from the files, and finds those damaged.
		const context = await browser.newContext({ locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`${siteUrl}data/`);
		await page.waitForSelector('[data-testid=data-source][data-source=sample][data-phase=ready]', {
			timeout: 60_000
		});
		await page.getByTestId('file-input').setInputFiles('tests/fixtures/import/decl-gbk.csv');
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=saved]',
			{
				timeout: 60_000
			}
		);
		// Change one stored byte of a file and of the cube: the checksums no longer match.
		await damageStoredFile(page);
		await changeStoredCube(page, 'damage');
		await page.goto(siteUrl);
		const damaged = page.getByTestId('local-data-failed');
		await damaged.waitFor({ timeout: 60_000 });
		await expect(damaged.textContent()).resolves.toContain('本地保存的数据已损坏');
		// The build's (the sample's) figures are not shown for the user's damaged data.
		await expect(page.getByTestId('card-coverage-value').isVisible()).resolves.toBe(false);
		await expect(damaged.getByTestId('reimport').isVisible()).resolves.toBe(true);

		await damaged.getByRole('button', { name: '清除本地数据' }).click();
		await page.getByTestId('clear-data-dialog').getByTestId('clear-data-confirm').click();
		await page.waitForSelector(
			'[data-testid=figures-source][data-figures=live][data-data=sample]',
			{
				timeout: 60_000
			}
		);
		await expect(page.getByTestId('local-data-failed').count()).resolves.toBe(0);
		await expect(cards(page)).resolves.toEqual(prerenderedCards);
		// Cleared for good: a reload starts from the build's figures, with nothing damaged to report.
		await page.reload();
		await page.waitForSelector(
			'[data-testid=figures-source][data-figures=live][data-data=sample]',
			{
				timeout: 60_000
			}
		);
		await expect(page.getByTestId('local-data-failed').count()).resolves.toBe(0);
		await context.close();
	});
});

describe('when the files are too large for the tab', () => {
	it('refuses them before reading, says why, and keeps the data already loaded', async () => {
		mkdirSync('test-results', { recursive: true });
		const path = 'test-results/too-large-申报明细.csv';
		// Only the size matters: the page refuses the file before reading a byte of it.
		writeFileSync(path, Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a'));
		const context = await browser.newContext({ locale: 'zh-CN' });
		const page = await context.newPage();
		let crashed = false;
		page.on('crash', () => (crashed = true));
		try {
			await page.goto(`${siteUrl}data/`);
			await page.waitForSelector(
				'[data-testid=data-source][data-source=sample][data-phase=ready]',
				{
					timeout: 60_000
				}
			);
			await page.getByTestId('file-input').setInputFiles(path);
			await expect(page.getByTestId('data-error').textContent()).resolves.toContain(
				'超过本机浏览器能可靠处理'
			);
			await expect(page.getByTestId('data-source').getAttribute('data-source')).resolves.toBe(
				'sample'
			);
			await expect(page.getByTestId('data-summary').count()).resolves.toBe(1);
			expect(crashed).toBe(false);
		} finally {
			await context.close();
			rmSync(path, { force: true });
		}
	});
});
