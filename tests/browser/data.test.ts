import { execFileSync } from 'node:child_process';
import {
	appendFileSync,
	cpSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Summary } from '../../src/lib/figures/summary';
import { oracleSummaryOf } from '../oracle/engine';
import { formatCount, formatPercent } from '../../src/lib/format';
import { importFiles } from '../../src/lib/import/pipeline';
import { FILE_KINDS } from '../../src/lib/import/file-kinds';
import type { FileReport } from '../../src/lib/import/report';
import { TABLE_COLUMNS } from '../../src/lib/import/tables';
import { startStaticServer } from '../../scripts/serve.js';
import { encodeGbk } from '../fixtures/gbk.mjs';
import {
	clearLocalData,
	damageStoredFile,
	dropFiles,
	foreignRequests,
	launchBrowser,
	openPage
} from './browser';

const siteUrl = inject('siteUrl');
let browser: Browser;
let nodeSummary: Summary | null;
let nodeRowsLoaded: number;

beforeAll(async () => {
	browser = await launchBrowser();
	const inputs = readdirSync('data/sample').map((name) => ({
		name,
		bytes: readFileSync(`data/sample/${name}`)
	}));
	const result = importFiles(inputs);
	nodeRowsLoaded = result.reports.reduce((n, r) => n + r.rowsLoaded, 0);
	nodeSummary = await oracleSummaryOf(inputs);
});
afterAll(async () => {
	await browser?.close();
});

/** The dataset is live: imported, loaded into DuckDB and (for the user's files) stored. */
const ready = (page: Page, source: 'sample' | 'user') =>
	page.waitForSelector(
		`[data-testid=data-source][data-source=${source}][data-phase=ready]${source === 'user' ? '[data-stored=saved]' : ''}`,
		{ timeout: 60_000 }
	);

/**
 * A sample large enough to be read apart in the browser (a 建设场景明细 file over 2 MB) and Node's
 * figures for it: 8× the sample (2.5 MB); with `gbk`, 10× with its two large files saved as GBK,
 * as Excel or WPS save them (2.5 MB: two bytes a character instead of UTF-8's three), the
 * baseline as UTF-8.
 */
async function largeSample({ gbk = false } = {}) {
	const scale = gbk ? 10 : 8;
	const made = `test-results/read-apart-${scale}`;
	execFileSync('npx', ['tsx', 'scripts/make-sample.ts', '--scale', String(scale), '--out', made], {
		stdio: 'ignore'
	});
	let dir = made;
	if (gbk) {
		dir = 'test-results/read-apart-gbk';
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		for (const name of readdirSync(made)) {
			const bytes = readFileSync(join(made, name));
			const large = name !== '规上工业企业基数.csv';
			writeFileSync(join(dir, name), large ? encodeGbk(bytes.toString('utf8')) : bytes);
		}
	}
	const names = readdirSync(dir);
	const inputs = names.map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
	const result = importFiles(inputs);
	const summary = await oracleSummaryOf(inputs);
	if (!summary) throw new Error(`no summary of the ${scale}× data`);
	return { paths: names.map((name) => join(dir, name)), result, summary };
}

/** Each file's counts as the report states them. */
const counts = (reports: readonly FileReport[]) =>
	reports.map((r) => ({
		file: r.file,
		read: String(r.rowsRead),
		loaded: String(r.rowsLoaded),
		rejected: String(r.rowsRejected),
		warned: String(r.rowsWithWarnings)
	}));

/** Each file's counts as the 数据 page shows them. */
async function countsShown(page: Page, reports: readonly FileReport[]) {
	const shown = [];
	for (const { file } of reports) {
		const box = page.locator(`[data-testid=file-report][data-file="${file}"]`);
		shown.push({
			file,
			read: await box.getByTestId('rows-read').textContent(),
			loaded: await box.getByTestId('rows-loaded').textContent(),
			rejected: await box.getByTestId('rows-rejected').textContent(),
			warned: await box.getByTestId('rows-warned').textContent()
		});
	}
	return shown;
}

describe('数据 page in Chromium', () => {
	it('loads the sample by default, labelled 示例数据, with the same figures as Node', async () => {
		const { page, context, requests, errors } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		await page.waitForSelector('[data-testid=data-summary]');
		await expect(page.getByTestId('data-source').textContent()).resolves.toContain('示例数据');
		await expect(page.getByTestId('import-totals').textContent()).resolves.toContain(
			`导入 ${formatCount(nodeRowsLoaded)} 行`
		);
		const s = nodeSummary;
		expect(s).not.toBeNull();
		await expect(page.getByTestId('data-summary').getAttribute('data-year')).resolves.toBe(
			String(s?.year)
		);
		await expect(page.getByTestId('summary-coverage').textContent()).resolves.toBe(
			formatPercent(s?.coverage.overall.rate ?? NaN)
		);
		await expect(page.getByTestId('summary-flagged').textContent()).resolves.toBe(
			String(s?.flagged)
		);
		const rows = await page.$$eval('[data-testid=summary-regions] tbody tr', (trs) =>
			trs.map((tr) => [
				tr.getAttribute('data-code'),
				...[...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())
			])
		);
		expect(rows).toEqual(
			s?.coverage.byRegion.map((r) => [
				r.code,
				String(r.numerator),
				String(r.denominator ?? '—'),
				r.rate === null ? '无基数' : formatPercent(r.rate)
			])
		);
		expect(errors).toEqual([]);
		expect(foreignRequests(requests, siteUrl)).toEqual([]);
		await context.close();
	});

	it('takes a dropped GBK file, reports it, and still has it after a reload', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		await dropFiles(page, ['tests/fixtures/import/decl-gbk.csv']);
		await ready(page, 'user');
		const report = page.locator('[data-testid=file-report][data-file="decl-gbk.csv"]');
		await expect(report.textContent()).resolves.toContain('GB18030/GBK');
		await expect(report.getByTestId('rows-read').textContent()).resolves.toBe('2');
		await expect(report.getByTestId('rows-loaded').textContent()).resolves.toBe('2');
		await expect(report.getByTestId('rows-rejected').textContent()).resolves.toBe('0');
		await expect(page.locator('body').textContent()).resolves.toContain('未导入建设场景明细');
		await expect(page.getByTestId('data-summary').getAttribute('data-year')).resolves.toBe('2025');

		await page.reload();
		await ready(page, 'user');
		const again = page.locator('[data-testid=file-report][data-file="decl-gbk.csv"]');
		await expect(again.getByTestId('rows-loaded').textContent()).resolves.toBe('2');
		await expect(again.textContent()).resolves.toContain('GB18030/GBK');

		await clearLocalData(page);
		await ready(page, 'sample');
		await page.reload();
		await ready(page, 'sample');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('reads Excel’s UTF-16 text and two files of one name, each whole under its own name, again after a reload', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		const hostile = (name: string) => readFileSync(`tests/fixtures/hostile/${name}`);
		await page.getByTestId('file-input').setInputFiles([
			{ name: 'unicode.csv', mimeType: 'text/csv', buffer: hostile('enc-utf16le-bom-tab.csv') },
			{ name: 'dup-name.csv', mimeType: 'text/csv', buffer: hostile('dup-name-first.csv') },
			{ name: 'dup-name.csv', mimeType: 'text/csv', buffer: hostile('dup-name-second.csv') }
		]);
		const expected = [
			{ file: 'unicode.csv', read: '3', loaded: '3', rejected: '0', warned: '0' },
			{ file: 'dup-name.csv', read: '2', loaded: '2', rejected: '0', warned: '0' },
			{ file: 'dup-name (2).csv', read: '3', loaded: '3', rejected: '0', warned: '0' }
		];
		const reports = expected.map((e) => ({ file: e.file }) as FileReport);
		for (const reload of [false, true]) {
			if (reload) await page.reload();
			await ready(page, 'user');
			expect(await countsShown(page, reports)).toEqual(expected);
			const unicode = page.locator('[data-testid=file-report][data-file="unicode.csv"]');
			await expect(unicode.textContent()).resolves.toContain('UTF-16LE (BOM)');
			// Said when the files are imported; kept under the new name, they are apart after that.
			if (!reload) {
				await expect(page.locator('body').textContent()).resolves.toContain(
					'本次导入中另有文件名为“dup-name.csv”的文件'
				);
			}
		}
		await clearLocalData(page);
		await ready(page, 'sample');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('清除本地数据 asks first, naming each file and its rows; 取消 and Esc keep everything', async () => {
		const { page, context, errors } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		const hostile = (name: string) => readFileSync(`tests/fixtures/hostile/${name}`);
		const files = [
			{ name: 'unicode.csv', mimeType: 'text/csv', buffer: hostile('enc-utf16le-bom-tab.csv') },
			{ name: 'dup-name.csv', mimeType: 'text/csv', buffer: hostile('dup-name-first.csv') },
			{ name: 'dup-name.csv', mimeType: 'text/csv', buffer: hostile('dup-name-second.csv') }
		];
		// What will be lost, as Node reads the same files: each file's loaded rows.
		const expected = importFiles(files.map((f) => ({ name: f.name, bytes: f.buffer }))).reports;
		const total = expected.reduce((n, r) => n + r.rowsLoaded, 0);
		expect(total).toBeGreaterThan(0);
		await page.getByTestId('file-input').setInputFiles(files);
		await ready(page, 'user');

		const dialog = page.getByRole('dialog', { name: '清除本地数据？' });
		const stillThere = async () => {
			await expect(dialog.isVisible()).resolves.toBe(false);
			await ready(page, 'user');
			await expect(page.locator('[data-testid=file-report]').count()).resolves.toBe(3);
		};
		await page.getByTestId('clear-data').click();
		await expect(dialog.isVisible()).resolves.toBe(true);
		await expect(dialog.getByTestId('clear-data-summary').textContent()).resolves.toContain(
			`导入的 ${expected.length} 个文件，共 ${total} 行数据`
		);
		await expect(dialog.getByTestId('clear-data-file').allTextContents()).resolves.toEqual(
			expected.map((r) => `${r.file}（${r.rowsLoaded} 行）`)
		);
		// 取消 has the focus: Enter keeps everything, as does the button.
		await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
			'取消'
		);
		await dialog.getByRole('button', { name: '取消' }).click();
		await stillThere();
		await page.getByTestId('clear-data').click();
		await page.keyboard.press('Escape');
		await stillThere();
		// Kept in storage too: a reload still has the user's files.
		await page.reload();
		await stillThere();

		await clearLocalData(page);
		await ready(page, 'sample');
		await page.reload();
		await ready(page, 'sample');
		expect(errors).toEqual([]);
		await context.close();
	}, 120_000);

	it('moves the progress bar within one large file, saying rows read, with no internal name', async () => {
		// One 申报明细 file of 100 copies of the sample's rows (80k), each copy's 申报编号 its own:
		// long enough to read that the bar, posted at most every 100 ms, moves while it is read.
		const [header, ...rows] = readFileSync('data/sample/申报明细.csv', 'utf8')
			.split(/\r?\n/)
			.filter((line) => line !== '');
		const lines = [header];
		for (let copy = 0; copy < 100; copy++) {
			for (const row of rows) lines.push(row.replace(/^([^,]+),/, `$1-${copy},`));
		}
		const buffer = Buffer.from(lines.join('\n'), 'utf8');
		const { page, context, errors } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		// Every value and text of the bar, sampled each frame while the import runs.
		await page.evaluate(() => {
			const seen: { value: number; text: string }[] = [];
			(window as unknown as { seen: typeof seen }).seen = seen;
			const sample = () => {
				const bar = document.querySelector<HTMLProgressElement>(
					'[data-testid=import-progress] progress'
				);
				const text = document.querySelector('[data-testid=import-progress] span')?.textContent;
				if (bar) seen.push({ value: bar.value, text: text ?? '' });
				requestAnimationFrame(sample);
			};
			requestAnimationFrame(sample);
		});
		await page
			.getByTestId('file-input')
			.setInputFiles([{ name: '申报明细-全年.csv', mimeType: 'text/csv', buffer }]);
		await ready(page, 'user');
		const seen = await page.evaluate(
			() => (window as unknown as { seen: { value: number; text: string }[] }).seen
		);
		// Within the file: while its rows were read, the bar stood at more than one place.
		const within = seen.filter((s) => s.text.includes('已读'));
		const values = new Set(within.map((s) => s.value.toFixed(3)));
		expect(values.size, JSON.stringify([...values])).toBeGreaterThan(1);
		expect(within.map((s) => s.value)).toEqual(
			[...within.map((s) => s.value)].sort((a, b) => a - b)
		);
		expect(
			within.some((s) => s.text.includes(` / ${(lines.length - 1).toLocaleString('zh-CN')} 行`))
		).toBe(true);
		// Only Chinese names: no table or file kind's internal name ever shows.
		const internal = [...Object.keys(TABLE_COLUMNS), ...FILE_KINDS.map((k) => k.kind)];
		const texts = [...new Set(seen.map((s) => s.text))];
		expect(texts.some((t) => t.includes('正在载入'))).toBe(true);
		for (const name of internal)
			expect(
				texts.filter((t) => t.includes(name)),
				name
			).toEqual([]);

		await clearLocalData(page);
		await ready(page, 'sample');
		expect(errors).toEqual([]);
		await context.close();
	}, 180_000);

	it('reports exact duplicate rows as warnings naming their lines; rows in = loaded + rejected', async () => {
		// The sample's 建设场景明细 with 30 of its rows written twice more, at the end.
		const text = readFileSync('data/sample/建设场景明细.csv', 'utf8').replace(/\r?\n$/, '');
		const lines = text.split(/\r?\n/);
		const copies = lines.slice(1, 31);
		const withCopies = [...lines, ...copies, ...copies];
		// Expected independently: each line (1 = header) whose text an earlier data line has.
		const firstAt = new Map<string, number>();
		const repeats: { line: number; first: number }[] = [];
		withCopies.forEach((line, i) => {
			if (i === 0) return;
			const first = firstAt.get(line);
			if (first === undefined) firstAt.set(line, i + 1);
			else repeats.push({ line: i + 1, first });
		});
		expect(repeats.length).toBeGreaterThanOrEqual(60);
		const { page, context, errors } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		await page.getByTestId('file-input').setInputFiles([
			{
				name: '申报明细.csv',
				mimeType: 'text/csv',
				buffer: readFileSync('data/sample/申报明细.csv')
			},
			{ name: '场景-有重复.csv', mimeType: 'text/csv', buffer: Buffer.from(withCopies.join('\n')) }
		]);
		await ready(page, 'user');
		const report = page.locator('[data-testid=file-report][data-file="场景-有重复.csv"]');
		const notice = report.getByTestId('duplicate-rows');
		await expect(notice.getAttribute('data-count')).resolves.toBe(String(repeats.length));
		const said = await notice.textContent();
		for (const { line, first } of repeats.slice(0, 20))
			expect(said).toContain(`第 ${line} 行（同第 ${first} 行）`);
		expect(said).not.toContain(`第 ${repeats[20]!.line} 行`);
		expect(said).toContain('只列出前 20 行');
		// Each listed line is a warning in the problems table too.
		const warned = await report
			.locator('table.problems tbody tr.warning')
			.evaluateAll((rows) =>
				rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? ''))
			);
		const duplicateWarnings = warned.filter((cells) => cells[3]?.includes('完全相同（重复行）'));
		expect(duplicateWarnings.map((cells) => Number(cells[0]))).toEqual(
			repeats.slice(0, 20).map((r) => r.line)
		);
		// The repeats still load (建设场景明细 has no key of its own), and every row is accounted for.
		const read = Number(await report.getByTestId('rows-read').textContent());
		const loaded = Number(await report.getByTestId('rows-loaded').textContent());
		const rejected = Number(await report.getByTestId('rows-rejected').textContent());
		expect(read).toBe(withCopies.length - 1);
		expect(loaded + rejected).toBe(read);
		await clearLocalData(page);
		await ready(page, 'sample');
		expect(errors).toEqual([]);
		await context.close();
	});

	for (const gbk of [false, true]) {
		const encoding = gbk ? 'GB18030/GBK' : 'UTF-8';
		it(`reads a large ${encoding} 建设场景明细 file in a second worker, with the figures Node has, again after a reload`, async () => {
			const { paths, result, summary } = await largeSample({ gbk });
			const scenarioFile = '建设场景明细.csv';
			expect(result.reports.find((r) => r.file === scenarioFile)?.encoding).toBe(encoding);
			const { page, context, errors } = await openPage(browser, `${siteUrl}data/`);
			const workers: string[] = [];
			page.on('worker', (worker) => workers.push(worker.url()));
			await ready(page, 'sample');
			await page.getByTestId('file-input').setInputFiles(paths);
			await ready(page, 'user');
			expect(workers.some((url) => url.includes('scenario-reader.worker'))).toBe(true);
			const scenarioReport = page.locator(`[data-testid=file-report][data-file="${scenarioFile}"]`);
			const expectFigures = async () => {
				await expect(scenarioReport.textContent()).resolves.toContain(encoding);
				await expect(countsShown(page, result.reports)).resolves.toEqual(counts(result.reports));
				await expect(page.getByTestId('summary-flagged').textContent()).resolves.toBe(
					String(summary.flagged)
				);
				await expect(page.getByTestId('summary-coverage').textContent()).resolves.toBe(
					formatPercent(summary.coverage.overall.rate ?? NaN)
				);
			};
			await expectFigures();

			// Kept for a reload as the second worker stored it (a GBK file as its own bytes or as
			// text, decoded the same way again), and read apart again.
			await page.reload();
			await ready(page, 'user');
			await expectFigures();
			await clearLocalData(page);
			await ready(page, 'sample');
			expect(errors).toEqual([]);
			await context.close();
		});
	}

	it('reads that file in the import worker itself when the second worker cannot start', async () => {
		// A site whose second-worker script cannot be had (a server that lost it, or gone since
		// the page opened): the import must not fail for it.
		const site = 'test-results/site-without-scenario-reader';
		rmSync(site, { recursive: true, force: true });
		cpSync('build', site, { recursive: true });
		const workerDir = join(site, '_app/immutable/workers');
		const removed = readdirSync(workerDir).filter((n) => n.startsWith('scenario-reader.worker'));
		expect(removed).toHaveLength(1);
		for (const name of removed) rmSync(join(workerDir, name));
		const { server, url } = await startStaticServer({ dir: site, port: 0 });

		const { paths, result, summary } = await largeSample();
		const { page, context } = await openPage(browser, `${url}data/`);
		await ready(page, 'sample');
		await page.getByTestId('file-input').setInputFiles(paths);
		await ready(page, 'user');
		await expect(countsShown(page, result.reports)).resolves.toEqual(counts(result.reports));
		await expect(page.getByTestId('summary-flagged').textContent()).resolves.toBe(
			String(summary.flagged)
		);
		await context.close();
		server.close();
		rmSync(site, { recursive: true, force: true });
	});

	it('says in Chinese which picked file can no longer be read, when it changed on disk', async () => {
		const { paths } = await largeSample();
		const dir = 'test-results/changed-on-disk';
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		const picked = paths.map((path) => {
			const copy = join(dir, basename(path));
			cpSync(path, copy);
			return copy;
		});
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		await page.getByTestId('file-input').setInputFiles(picked);
		await ready(page, 'user');
		// The large 建设场景明细 file is saved again after it was picked; then one more file is
		// added, and every picked file is read again.
		const scenarioFile = picked.find((path) => path.endsWith('建设场景明细.csv')) as string;
		appendFileSync(scenarioFile, readFileSync(scenarioFile).subarray(-200));
		await page.getByTestId('file-input').setInputFiles('tests/fixtures/import/targets.csv');
		const error = page.getByTestId('data-error');
		await expect(error.textContent({ timeout: 60_000 })).resolves.toContain(
			'无法读取文件“建设场景明细.csv”'
		);
		await context.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('refuses a file with an identifying column until the user drops it, and never stores it', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		const fixture = 'tests/fixtures/import/decl-company-name.csv';
		await dropFiles(page, [fixture]);
		// Refused: nothing to keep, so it is ready without being stored.
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=none]'
		);
		const report = page.locator('[data-testid=file-report][data-file="decl-company-name.csv"]');
		await expect(report.textContent()).resolves.toContain('已拒绝');
		await expect(report.getByRole('alert').textContent()).resolves.toContain('企业名称');
		await report.getByRole('button', { name: '删除这些列并继续导入' }).click();
		// The click starts a new import at once (phase leaves 'ready'); wait for its report, then for it to finish.
		await report.getByText('已删除身份信息列').waitFor();
		await ready(page, 'user');
		const stored = await page.evaluate(
			() =>
				new Promise<string>((resolve, reject) => {
					const open = indexedDB.open('keyval-store');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const get = open.result
							.transaction('keyval')
							.objectStore('keyval')
							.get('imau-smart-factory/dataset-v2');
						get.onsuccess = async () => {
							const files = get.result.files as { name: string; blob: Blob }[];
							const texts = await Promise.all(
								files.map(async (f) => `${f.name}\n${await f.blob.text()}`)
							);
							resolve(texts.join('\n'));
						};
					};
				})
		);
		const text = readFileSync(fixture, 'utf8');
		const header = text.split(/\r?\n/)[0]?.split(',') ?? [];
		const nameColumn = header.findIndex((h) => h.includes('企业名称'));
		const names = text
			.split(/\r?\n/)
			.slice(1)
			.filter(Boolean)
			.map((line) => line.split(',')[nameColumn]);
		expect(names.length).toBeGreaterThan(0);
		expect(stored).toContain('decl-company-name.csv');
		for (const name of names) expect(stored).not.toContain(name);
		await context.close();
	});

	it('refuses a phone number past the header with no offer to drop a column, and stores nothing', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		await dropFiles(page, ['tests/fixtures/hostile/priv-value-past-header.csv']);
		await page.waitForSelector(
			'[data-testid=data-source][data-source=user][data-phase=ready][data-stored=none]'
		);
		const report = page.locator(
			'[data-testid=file-report][data-file="priv-value-past-header.csv"]'
		);
		const alert = report.getByRole('alert');
		await expect(alert.textContent()).resolves.toContain('第 11 列（表头之外）');
		// No column to drop it by: the only way on is to mend the file.
		await expect(
			report.getByRole('button', { name: '删除这些列并继续导入' }).count()
		).resolves.toBe(0);
		await expect(report.textContent()).resolves.toContain('无法按列删除');
		await expect(page.locator('body').textContent()).resolves.not.toContain('13812345678');
		await context.close();
	});

	it('still opens data kept by the earlier text store (version 1)', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		const text = readFileSync('tests/fixtures/import/decl-utf8-bom.csv', 'utf8').replace(
			/^\uFEFF/,
			''
		);
		// What the earlier build wrote: version 1, the text itself, SHA-256 of the JSON.
		await page.evaluate(
			(text) =>
				new Promise<void>((resolve, reject) => {
					const files = [{ name: 'kept-by-v1.csv', text, encoding: 'UTF-8' }];
					const json = new TextEncoder().encode(JSON.stringify([files, []]));
					void crypto.subtle.digest('SHA-256', json).then((digest) => {
						const checksum = [...new Uint8Array(digest)]
							.map((b) => b.toString(16).padStart(2, '0'))
							.join('');
						const open = indexedDB.open('keyval-store');
						open.onerror = () => reject(open.error);
						open.onsuccess = () => {
							const value = {
								version: 1,
								savedAt: '',
								files,
								dropIdentifyingColumns: [],
								checksum
							};
							open.result
								.transaction('keyval', 'readwrite')
								.objectStore('keyval')
								.put(value, 'imau-smart-factory/dataset-v1').onsuccess = () => resolve();
						};
					});
				}),
			text
		);
		await page.reload();
		await ready(page, 'user');
		await expect(
			page.locator('[data-testid=file-report][data-file="kept-by-v1.csv"]').count()
		).resolves.toBe(1);
		await context.close();
	});

	it('reports a damaged local store instead of showing numbers, and clears it', async () => {
		const { page, context } = await openPage(browser, `${siteUrl}data/`);
		await ready(page, 'sample');
		await dropFiles(page, ['tests/fixtures/import/decl-gbk.csv']);
		await ready(page, 'user');
		await damageStoredFile(page);
		await page.reload();
		await page.waitForSelector('[data-testid=data-error]');
		await expect(page.getByTestId('data-error').textContent()).resolves.toContain(
			'本地保存的数据已损坏'
		);
		expect(await page.getByTestId('data-summary').count()).toBe(0);
		await clearLocalData(page, 'clear-damaged-data');
		await ready(page, 'sample');
		await page.waitForSelector('[data-testid=data-summary]');
		await context.close();
	});
});
