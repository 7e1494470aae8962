/**
 * The big-file cases of `npm run bench`: one declarations file of about 100 MB (the import limit,
 * src/lib/data/size-limit.ts) and one of 200 MB, the sample's rows repeated under new ids, each
 * chosen in the 数据 page of a fresh Chromium tab. Records the time to a result, the peak renderer
 * memory, whether the tab survived and what it showed.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';

/** Write (once) a declarations CSV of about `megabytes` (never above); returns its path. */
export async function bigDeclarationsFile(megabytes: number): Promise<string> {
	const target = megabytes * 1024 * 1024;
	const dir = resolve(`test-results/bench-data/big-${megabytes}mb`);
	const path = join(dir, '申报明细.csv');
	if (existsSync(path) && statSync(path).size <= target && statSync(path).size > target * 0.99)
		return path;
	mkdirSync(dir, { recursive: true });
	const [header, ...rows] = readFileSync('data/sample/申报明细.csv', 'utf8')
		.split(/\r?\n/)
		.filter(Boolean);
	const out = createWriteStream(path);
	const write = (text: string) =>
		out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
	await write(`${header}\r\n`);
	let bytes = Buffer.byteLength(`${header}\r\n`);
	for (let copy = 0; ; copy++) {
		// New 申报编号 and 企业编码 per copy: every row stays a distinct declaration.
		for (const row of rows) {
			const [id, enterprise, ...rest] = row.split(',');
			const line = [`${id}-${copy}`, `${enterprise}-${copy}`, ...rest].join(',') + '\r\n';
			bytes += Buffer.byteLength(line);
			if (bytes > target) {
				await new Promise<void>((r) => out.end(() => r()));
				return path;
			}
			await write(line);
		}
	}
}

export interface BigFileRun {
	megabytes: number;
	/** File chosen → the page showed a result (ready or an error), or the tab died. */
	ms: number;
	peakRendererMb: number;
	survived: boolean;
	/** What the page ended with: 'ready', the error it showed, or 'crashed'. */
	outcome: string;
}

export async function runBigFile(
	browser: Browser,
	siteUrl: string,
	megabytes: number,
	sampleRendererMb: () => number
): Promise<BigFileRun> {
	const path = await bigDeclarationsFile(megabytes);
	const page = await browser.newPage();
	let crashed = false;
	page.on('crash', () => (crashed = true));
	let peak = 0;
	const sampler = setInterval(() => (peak = Math.max(peak, sampleRendererMb())), 100);
	try {
		await page.goto(`${siteUrl}data/`);
		await page.waitForSelector('[data-testid=data-source][data-phase=ready]', { timeout: 120_000 });
		const started = performance.now();
		await page.getByTestId('file-input').setInputFiles(path);
		const crash = new Promise<'crashed'>((r) => page.once('crash', () => r('crashed')));
		const result = await Promise.race([
			page
				.waitForSelector(
					'[data-testid=data-source][data-source=user][data-phase=ready], [data-testid=data-error], [data-testid=engine-problem]',
					{ timeout: 900_000 }
				)
				.then(async (element) =>
					(await element.getAttribute('data-phase')) === 'ready'
						? 'ready'
						: `error: ${(await element.textContent())?.trim()}`
				),
			crash
		]).catch((error: unknown) => `no result: ${String(error).split('\n')[0]}`);
		const ms = performance.now() - started;
		const alive = !crashed && (await page.evaluate(() => 1).catch(() => 0)) === 1;
		return {
			megabytes: statSync(path).size / 2 ** 20,
			ms,
			peakRendererMb: peak,
			survived: alive,
			outcome: result
		};
	} finally {
		clearInterval(sampler);
		await page.close().catch(() => undefined);
	}
}
