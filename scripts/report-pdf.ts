/**
 * `npm run report-pdf`: prints the latest region-wide report and one 盟市 report of the built
 * site to PDF in Chromium (A4, the page's own print stylesheet) into docs/report/, and — where
 * poppler's `pdftoppm` is installed (`apt-get install poppler-utils`) — turns each page into a
 * PNG to look at. Needs `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startStaticServer } from './serve.js';
import { CHROMIUM_PATH } from './chromium';

const OUT = 'docs/report';
mkdirSync(OUT, { recursive: true });
const latest = readdirSync('build/report')
	.filter((name) => /^\d{4}$/.test(name))
	.sort()
	.at(-1);
if (!latest) throw new Error('build/report 中没有年度报告：先运行 npm run build');

const { server, url } = await startStaticServer({ dir: 'build' });
const browser = await chromium.launch({
	executablePath: CHROMIUM_PATH,
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
try {
	for (const [path, name] of [
		[`report/${latest}/`, `${latest}-region-wide`],
		[`report/${latest}/150200/`, `${latest}-150200`]
	] as const) {
		const page = await browser.newPage();
		await page.goto(`${url}${path}`, { waitUntil: 'networkidle' });
		const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
		writeFileSync(`${OUT}/${name}.pdf`, pdf);
		// The last run's page images go first: a report now shorter would keep stale pages.
		for (const file of readdirSync(OUT))
			if (file.startsWith(`${name}-`) && file.endsWith('.png')) rmSync(`${OUT}/${file}`);
		try {
			execFileSync('pdftoppm', ['-r', '60', '-png', `${OUT}/${name}.pdf`, `${OUT}/${name}`]);
		} catch {
			console.warn('pdftoppm 不可用：只写了 PDF');
		}
		console.log(`${OUT}/${name}.pdf`);
		await page.close();
	}
} finally {
	await browser.close();
	server.close();
}
