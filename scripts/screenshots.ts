/**
 * `npm run screenshots`: every page of the built site at 1366×768 (the department's laptops and
 * projectors), once its figures are live, into docs/screenshots/. Needs `npm run build` first.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startStaticServer } from './serve.js';
import { CHROMIUM_PATH } from './chromium';

const PAGES: [string, string][] = [
	['', 'overview'],
	['region/', 'region'],
	['region/150600/', 'region-150600'],
	['industry/', 'industry'],
	['scenario/', 'scenario'],
	['assessment/', 'assessment'],
	['plan/', 'plan'],
	['report/2026/', 'report-2026'],
	['data/', 'data'],
	['explore/sql/', 'explore-sql'],
	['explore/', 'explore-pivot'],
	['self-assessment/', 'self-assessment'],
	['policy/', 'policy']
];

mkdirSync('docs/screenshots', { recursive: true });
const { server, url } = await startStaticServer({ dir: 'build' });
const browser = await chromium.launch({
	executablePath: CHROMIUM_PATH,
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
try {
	for (const [path, name] of PAGES) {
		const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
		await page.goto(`${url}${path}`);
		const live =
			{
				'policy/': 'main',
				'explore/sql/': '.schema details',
				'explore/': '[data-testid=pivot-table]',
				'self-assessment/': 'main',
				'report/2026/': '[data-testid=annual-report]'
			}[path] ?? '[data-figures=live], [data-phase=ready]';
		await page.waitForSelector(live, { timeout: 60_000 });
		await page.waitForTimeout(1000); // charts draw
		await page.screenshot({ path: `docs/screenshots/${name}.png` });
		console.log(`docs/screenshots/${name}.png`);
		await page.close();
	}
} finally {
	await browser.close();
	server.close();
}
