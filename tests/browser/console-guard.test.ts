/**
 * The SQL console cannot reach outside the loaded data. A second local server (another origin,
 * as any intranet or internet host would be) listens for requests and counts them: every way
 * of asking DuckDB to read a URL or file — quoted function names, replacement scans, query(),
 * read_*, COPY, ATTACH, INSTALL/LOAD — is refused (by the console's guard, or by DuckDB's own
 * lock) with a message on screen, the server sees no request at all, and the console keeps
 * answering. The worker DuckDB runs in obeys its script's CSP header: a fetch from inside it to
 * the other server is blocked before it is sent. Results with repeated or odd column names are
 * shown, not thrown.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { foreignRequests, launchBrowser } from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;
let context: BrowserContext;
let page: Page;
let listener: Server;
/** The listening server's address, and every request it received. */
let other = '';
const hits: string[] = [];
const requests: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
	listener = createServer((req, res) => {
		hits.push(`${req.method} ${req.url}`);
		res.writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*' });
		res.end('a,b\n1,2\n');
	});
	await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
	const address = listener.address();
	other = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
	browser = await launchBrowser();
	context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
	page = await context.newPage();
	page.on('request', (request) => requests.push(request.url()));
	page.on('pageerror', (error) => pageErrors.push(error.message));
	await page.goto(`${siteUrl}explore/sql/`);
	await page.waitForSelector('.schema details', { timeout: 60_000 });
});
afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => listener?.close(resolve));
});

/** Run a query as a user does; resolves with the error shown, or null when a result came. */
async function runSql(sql: string): Promise<string | null> {
	await page.getByTestId('sql-input').fill(sql);
	await page.getByTestId('sql-run').click();
	await page.waitForSelector('[data-testid=sql-summary], [data-testid=sql-error]');
	await page.getByTestId('sql-run').and(page.locator(':enabled')).waitFor();
	return (await page.getByTestId('sql-error').count())
		? await page.getByTestId('sql-error').textContent()
		: null;
}

/** The result's column names as shown (without the sort arrow beside each). */
const headers = () =>
	page.locator('[data-testid=data-table] thead th').evaluateAll((ths) =>
		ths.map((th) =>
			[...(th.querySelector('button')?.childNodes ?? [])]
				.filter((n) => !(n instanceof Element && n.classList.contains('arrow')))
				.map((n) => n.textContent)
				.join('')
		)
	);
const firstRow = () =>
	page.locator('[data-testid=data-table] tbody tr').first().locator('th, td').allTextContents();

/** The console still answers: a plain query gives its one row. */
async function expectStillUsable(after: string) {
	expect(await runSql('SELECT 1 AS ok'), after).toBeNull();
	await expect(page.getByTestId('sql-summary').textContent()).resolves.toContain('1 行');
	expect(await firstRow(), after).toEqual(['1']);
}

describe('the SQL console reaches nothing outside the loaded data', () => {
	it('refuses every way to read a URL or file, sends no request, and keeps answering', async () => {
		const attempts = [
			`SELECT * FROM "read_csv"('${other}quoted.csv')`,
			`SELECT * FROM "READ_CSV_AUTO"('${other}quoted-auto.csv')`,
			`SELECT * FROM '${other}replacement.csv'`,
			`SELECT * FROM "${other}quoted-replacement.csv"`,
			`SELECT * FROM $$${other}dollar.csv$$`,
			`SELECT * FROM E'${other.replace(':', '\\x3a')}escaped.csv'`,
			`SELECT * FROM declarations, '${other}second-table.csv'`,
			`SELECT * FROM query('SELECT * FROM read_csv(''${other}query.csv'')')`,
			"SELECT * FROM query_table('declarations')",
			`SELECT * FROM read_csv('${other}read.csv')`,
			`SELECT * FROM read_parquet('${other}read.parquet')`,
			`SELECT * FROM read_json_auto('${other}read.json')`,
			`SELECT * FROM read_text('${other}read.txt')`,
			`SELECT '--' AS comment_in_a_string, * FROM read_csv('${other}dashes.csv')`,
			`COPY declarations TO '${other}copy.csv'`,
			`COPY declarations FROM '${other}copy-in.csv'`,
			`ATTACH '${other}attach.db' AS remote`,
			'INSTALL httpfs',
			`LOAD '${other}httpfs.duckdb_extension'`,
			`SET enable_external_access = true`,
			// Past the guard (an unquoted name is no URL): DuckDB's own lock refuses the file, and says so.
			'SELECT * FROM sample.csv'
		];
		for (const sql of attempts) {
			const shown = await runSql(sql);
			expect(shown, sql).toMatch(/不能|只允许|Permission Error/);
			expect(hits, sql).toEqual([]);
			await expectStillUsable(sql);
		}
		// DuckDB's refusal comes with a word in Chinese of what happened.
		const refused = await runSql('SELECT * FROM sample.csv');
		expect(refused).toContain('DuckDB 拒绝访问');
		expect(refused).toContain('Permission Error');
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		expect(pageErrors).toEqual([]);
	});

	it('runs on a database whose external access is off and whose settings are locked', async () => {
		expect(
			await runSql(
				`SELECT name, value FROM duckdb_settings()
				 WHERE name IN ('enable_external_access', 'lock_configuration',
				                'autoload_known_extensions', 'autoinstall_known_extensions')
				 ORDER BY name`
			)
		).toBeNull();
		const rows = await page.$$eval('[data-testid=data-table] tbody tr', (trs) =>
			trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()))
		);
		expect(rows).toEqual([
			['autoinstall_known_extensions', 'false'],
			['autoload_known_extensions', 'false'],
			['enable_external_access', 'false'],
			['lock_configuration', 'true']
		]);
	});

	it("DuckDB's worker obeys the CSP header of its script: a fetch from it is never sent", async () => {
		const worker = page.workers().find((w) => w.url().includes('duckdb-guard.worker'));
		expect(worker, 'the worker DuckDB runs in').toBeDefined();
		const outcome = await worker?.evaluate(async (url) => {
			const fetched = await fetch(`${url}from-worker.csv`).then(
				(r) => `fetched ${r.status}`,
				(e: unknown) => `blocked: ${String(e)}`
			);
			let imported = 'blocked';
			try {
				(self as unknown as { importScripts(u: string): void }).importScripts(`${url}x.js`);
				imported = 'imported';
			} catch {
				// The policy's script-src 'self' refuses it.
			}
			return { fetched, imported };
		}, other);
		expect(outcome?.fetched).toMatch(/^blocked/);
		expect(outcome?.imported).toBe('blocked');
		expect(hits).toEqual([]);
		await expectStillUsable('a fetch from the worker');
	});
});

describe('console results with repeated or odd column names', () => {
	it('are shown with each column its own value, exported, and the console keeps answering', async () => {
		const count = await runSql('SELECT count(*)::INTEGER AS n FROM declarations').then(
			async () => (await firstRow())[0]
		);
		expect(await runSql('SELECT 1 AS a, 2 AS a, count(*), count(*) FROM declarations')).toBeNull();
		expect(await headers()).toEqual(['a', 'a', 'count_star()', 'count_star()']);
		expect(await firstRow()).toEqual(['1', '2', count, count]);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-csv').click()
		]);
		const csv = readFileSync((await download.path()) ?? '', 'utf8');
		// The title line, the header and the row, then the notes (filters, date, source).
		const records = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
		expect(records.slice(0, 3)).toEqual([
			['查询结果'],
			['a', 'a', 'count_star()', 'count_star()'],
			['1', '2', count, count]
		]);
		expect(records.slice(3).map((r) => r[0]?.slice(0, 5))).toEqual([
			'筛选条件：',
			'数据日期：',
			'数据来源：'
		]);

		const odd = [
			'<b>x</b>',
			'a"b',
			"it's",
			'__proto__',
			'constructor',
			'<img src=x onerror=alert(1)>'
		];
		const sql = `SELECT ${odd.map((name, i) => `${i + 1} AS "${name.replace(/"/g, '""')}"`).join(', ')}, 7 AS " ", 8 AS "${'长'.repeat(200)}"`;
		expect(await runSql(sql)).toBeNull();
		expect(await headers()).toEqual([...odd, '（无列名 7）', '长'.repeat(200)]);
		expect(await firstRow()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
		// Names are text: no element or handler came from them.
		await expect(
			page.locator('[data-testid=data-table] thead b, [data-testid=data-table] img').count()
		).resolves.toBe(0);

		await expectStillUsable('odd column names');
		expect(pageErrors).toEqual([]);
	});
});
