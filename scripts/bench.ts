/**
 * `npm run bench [-- --scales 1,10,100] [--dashboard-only]` — prints, per data scale, in Node and
 * in Chromium: parse + validate time, load time, rows/s, peak memory, and each view's query time;
 * then the dashboard timings (scales up to 10×). `--dashboard-only` skips all but the latter.
 * Synthetic data comes from scripts/make-sample.ts (scale N = N × the sample). Timing lives
 * here, never in the tests. Writes the tables to test-results/bench.md as well.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { ViewTiming } from '../src/lib/db/view-timings';
import { runBigFile } from './bench-big-file';
import { launchMarked, launchOnProfile } from './bench-browser';
import { CHROMIUM_PATH } from './chromium';
import { initialJsGzipBytes, runDashboard } from './bench-dashboard';
import {
	coldLoad,
	importInto,
	median,
	reloadToOwnHeadline,
	storedCubeBytes,
	type ColdLoad,
	type Site
} from './bench-first-paint';
import { startStaticServer } from './serve.js';

const args = process.argv.slice(2);
const scalesArg = args[args.indexOf('--scales') + 1];
const scales = (args.includes('--scales') && scalesArg ? scalesArg : '1,10,100')
	.split(',')
	.map(Number);
const dashboardOnly = args.includes('--dashboard-only');
const root = resolve('test-results/bench-data');

function dataFor(scale: number): string {
	const dir = join(root, `scale-${scale}`);
	if (!existsSync(join(dir, '建设场景明细.csv'))) {
		mkdirSync(dir, { recursive: true });
		execFileSync('npx', ['tsx', 'scripts/make-sample.ts', '--scale', String(scale), '--out', dir], {
			stdio: 'ignore'
		});
	}
	return dir;
}

interface NodeRun {
	rows: number;
	scenarioRows: number;
	importMs: number;
	loadMs: number;
	summaryMs: number;
	rowsPerSecond: number;
	peakRssMb: number;
	views: ViewTiming[];
}

function runNode(dir: string): NodeRun {
	const out = execFileSync('npx', ['tsx', 'scripts/bench-node.ts', dir], { encoding: 'utf8' });
	return JSON.parse(out.trim().split('\n').pop() ?? '{}') as NodeRun;
}

interface BrowserRun {
	firstReadyMs: number;
	dropToReadyMs: number;
	/** Until the files are kept for a reload (in the background, beside the DuckDB load). */
	dropToSavedMs: number;
	importMs: number;
	loadMs: number;
	peakPageRendererMb: number;
	peakRenderersMb: number;
	views: { view: string; firstMs: number; medianMs: number }[];
}

async function runBrowser(siteUrl: string, dir: string): Promise<BrowserRun> {
	const { browser, rss } = await launchMarked();
	const peak = { page: 0, all: 0 };
	const sampler = setInterval(() => {
		const now = rss();
		peak.page = Math.max(peak.page, now.page);
		peak.all = Math.max(peak.all, now.all);
	}, 100);
	try {
		const page = await browser.newPage();
		const t0 = performance.now();
		await page.goto(`${siteUrl}data/`);
		await page.waitForSelector('[data-testid=data-summary]', { timeout: 120_000 });
		const firstReadyMs = performance.now() - t0;
		const files = readdirSync(dir).map((n) => join(dir, n));
		const t1 = performance.now();
		await page.getByTestId('file-input').setInputFiles(files);
		await page.waitForSelector('[data-testid=data-source][data-source=user]', { timeout: 300_000 });
		await page.waitForSelector('[data-testid=data-summary]', { timeout: 300_000 });
		const dropToReadyMs = performance.now() - t1;
		await page.waitForSelector('[data-testid=data-source][data-stored=saved]', {
			timeout: 300_000
		});
		const dropToSavedMs = performance.now() - t1;
		await page.locator('[data-testid=performance] summary').click();
		const importMs = Number(
			(await page.getByTestId('perf-import').textContent())?.replace(/\D/g, '')
		);
		const loadMs = Number((await page.getByTestId('perf-load').textContent())?.replace(/\D/g, ''));
		await page.getByTestId('measure-views').click();
		await page.waitForSelector('[data-testid=view-timings]', { timeout: 120_000 });
		const views = await page.$$eval('[data-testid=view-timings] tr[data-view]', (rows) =>
			rows.map((r) => ({
				view: r.getAttribute('data-view') ?? '',
				firstMs: Number(r.getAttribute('data-first-ms') ?? NaN),
				medianMs: Number(r.getAttribute('data-median-ms') ?? NaN)
			}))
		);
		if (views.some((v) => Number.isNaN(v.firstMs) || Number.isNaN(v.medianMs)))
			throw new Error('the 性能 panel shows no view timings: is build/ older than this code?');
		return {
			firstReadyMs,
			dropToReadyMs,
			dropToSavedMs,
			importMs,
			loadMs,
			peakPageRendererMb: peak.page,
			peakRenderersMb: peak.all,
			views
		};
	} finally {
		clearInterval(sampler);
		await browser.close();
	}
}

// Always the site of this checkout: a build left from older code would time the old code.
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
const { server, url } = await startStaticServer({ dir: 'build' });
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim()}`;
const lines: string[] = [
	`Machine: ${machine}. Date: ${new Date().toISOString().slice(0, 10)}.`,
	''
];
const f = (ms: number) => `${Math.round(ms)} ms`;
lines.push(
	'| scale | rows in | scenario rows | Node parse+validate | Node load | Node rows/s | Node peak RSS | Chromium drop→ready | Chromium parse+validate | Chromium load | Chromium drop→saved | Chromium peak RSS, page renderer | … all renderers |'
);
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
const viewLines: string[] = [
	'',
	'| scale | view | Node, first | Node, median of 5 | Chromium, first | Chromium, median of 5 |',
	'|---|---|---|---|---|---|'
];
try {
	for (const scale of dashboardOnly ? [] : scales) {
		const dir = dataFor(scale);
		const node = runNode(dir);
		const web = await runBrowser(url, dir);
		lines.push(
			`| ${scale}× | ${node.rows.toLocaleString('en')} | ${node.scenarioRows.toLocaleString('en')} | ${f(node.importMs)} | ${f(node.loadMs)} | ${Math.round(node.rowsPerSecond).toLocaleString('en')} | ${Math.round(node.peakRssMb)} MB | ${f(web.dropToReadyMs)} | ${f(web.importMs)} | ${f(web.loadMs)} | ${f(web.dropToSavedMs)} | ${Math.round(web.peakPageRendererMb)} MB | ${Math.round(web.peakRenderersMb)} MB |`
		);
		for (const v of node.views) {
			const webView = web.views.find((w) => w.view === v.view);
			viewLines.push(
				`| ${scale}× | ${v.view} | ${v.firstMs.toFixed(1)} ms | ${v.medianMs.toFixed(1)} ms | ${webView ? `${webView.firstMs.toFixed(1)} ms | ${webView.medianMs.toFixed(1)} ms` : '— | —'} |`
			);
		}
		console.error(`scale ${scale} done (sample first ready in Chromium: ${f(web.firstReadyMs)})`);
	}
} finally {
	server.close();
}
// The dashboard: first paint from prerendered figures, then live figures, then filter changes;
// beside the build in `--against <dir>` when given (both served, alternating by scale).
const against = args.includes('--against') ? args[args.indexOf('--against') + 1] : undefined;
const dashboardLines = [
	'',
	'| scale | build | navigation → headline card | navigation → live figures | filter change → charts near the window updated (median of 5) |',
	'|---|---|---|---|---|'
];
const dashboardBrowser = await chromium.launch({
	executablePath: CHROMIUM_PATH,
	args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
const dashServers = [
	{ name: 'this build', ...(await startStaticServer({ dir: 'build' })) },
	...(against
		? [{ name: `--against ${against}`, ...(await startStaticServer({ dir: against })) }]
		: [])
];
const pageLines: string[] = [];
try {
	for (const scale of scales.filter((s) => s <= 10)) {
		for (const site of dashServers) {
			const run = await runDashboard(
				dashboardBrowser,
				site.url,
				scale === 1 ? undefined : dataFor(scale)
			);
			dashboardLines.push(
				`| ${scale}× | ${site.name} | ${f(run.headlineMs)} | ${f(run.liveMs)} | ${run.filterMs.toFixed(1)} ms |`
			);
			if (!pageLines.length) {
				pageLines.push(
					'',
					'Filter change → charts updated on each page, opened from the navigation after 总览 (median of 5; the charts near the window, then / every chart, the far ones drawn at once as for printing):',
					'',
					`| scale | build | ${run.pages.map((p) => `${p.name}${p.filter === 'tier' ? '（层级）' : ''}`).join(' | ')} |`,
					`|---|---|${run.pages.map(() => '---|').join('')}`
				);
			}
			pageLines.push(
				`| ${scale}× | ${site.name} | ${run.pages.map((p) => `${p.filterMs.toFixed(1)} / ${p.allChartsMs.toFixed(1)} ms`).join(' | ')} |`
			);
		}
	}
	dashboardLines.push(...pageLines);
} finally {
	await dashboardBrowser.close();
	for (const site of dashServers) site.server.close();
}
const js = initialJsGzipBytes();
dashboardLines.push(
	'',
	`Initial JavaScript of 总览 (wasm and workers excluded): ${js.files} files, ${(js.bytes / 1024).toFixed(1)} KB gzip.`
);
// Files of 100 and 200 MB: does the tab survive, how long, how much memory (--no-big-file skips).
const bigFileLines: string[] = [];
if (!dashboardOnly && !args.includes('--no-big-file')) {
	const { browser: bigBrowser, rss: bigRss } = await launchMarked();
	const { server: bigServer, url: bigUrl } = await startStaticServer({ dir: 'build' });
	try {
		bigFileLines.push(
			'',
			'| one file | chosen → result | peak RSS, page renderer | tab survived | outcome |',
			'|---|---|---|---|---|'
		);
		for (const megabytes of [100, 200]) {
			const run = await runBigFile(bigBrowser, bigUrl, megabytes, () => bigRss().page);
			bigFileLines.push(
				`| ${run.megabytes.toFixed(0)} MB 申报明细 | ${f(run.ms)} | ${Math.round(run.peakRendererMb)} MB | ${run.survived ? 'yes' : 'no'} | ${run.outcome.replace(/\|/g, '/').slice(0, 160)} |`
			);
		}
	} finally {
		await bigBrowser.close();
		bigServer.close();
	}
}
const firstPaintLines = await firstPaintSection();
const report = (
	dashboardOnly
		? [lines[0], ...dashboardLines, ...firstPaintLines]
		: [...lines, ...viewLines, ...dashboardLines, ...bigFileLines, ...firstPaintLines]
).join('\n');
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/bench.md', report + '\n');
console.log(report);

/**
 * First paint and the cube (issue #19), this build beside the one in `--against <dir>` when
 * given: both served at once, runs alternating. `--rounds N` (default 5) per build and scale.
 */
async function firstPaintSection(): Promise<string[]> {
	const againstDir = args.includes('--against') ? args[args.indexOf('--against') + 1] : undefined;
	const roundsArg = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 5;
	const servers = [await startStaticServer({ dir: 'build' })];
	if (againstDir) servers.push(await startStaticServer({ dir: againstDir }));
	const sites: Site[] = servers.map((s, i) => ({
		name: i === 0 ? 'this build' : `--against ${againstDir}`,
		url: s.url
	}));
	const out = [
		'',
		`First paint and the cube (median of ${roundsArg} cold loads of 总览 each, builds alternating; 10×: the data imported on 数据 into a browser profile first, 总览 opened in a browser started anew on it):`,
		'',
		'| scale | build | bytes transferred | first contentful paint | first chart in it (on screen) | first chart shown | peak RSS, page renderer |',
		'|---|---|---|---|---|---|---|'
	];
	try {
		for (const scale of scales.filter((x) => x === 1 || x === 10)) {
			const runs = sites.map(() => [] as ColdLoad[]);
			for (let round = 0; round < roundsArg; round++) {
				for (const [i, site] of sites.entries()) {
					if (scale === 1) {
						const { browser, rss } = await launchMarked();
						try {
							const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
							runs[i]!.push(await coldLoad(context, site, () => rss().page));
						} finally {
							await browser.close();
						}
						continue;
					}
					// Imported data is opened as a user comes back to it: imported into a browser
					// profile, the browser closed, 总览 opened in a browser started anew on that
					// profile. (In the same browser, Chromium would give 总览 the closed import
					// page's renderer, and its memory with it.)
					const profile = mkdtempSync(join(tmpdir(), 'bench-profile-'));
					try {
						const importing = await launchOnProfile(profile);
						try {
							await importInto(importing.context, site, dataFor(scale));
						} finally {
							await importing.context.close();
						}
						const { context, rss } = await launchOnProfile(profile);
						try {
							// The page the browser opened with (a new tab of a persistent context
							// was closed under the bench mid-run).
							const page = context.pages()[0] ?? (await context.newPage());
							runs[i]!.push(await coldLoad(context, site, () => rss().page, page));
						} finally {
							await context.close();
						}
					} finally {
						rmSync(profile, { recursive: true, force: true });
					}
				}
			}
			for (const [i, site] of sites.entries()) {
				const r = runs[i]!;
				out.push(
					`| ${scale}× | ${site.name} | ${(median(r.map((x) => x.bytes)) / 1e6).toFixed(2)} MB | ${f(median(r.map((x) => x.fcpMs)))} | ${r.filter((x) => x.chartAtFcp).length}/${r.length} | ${f(median(r.map((x) => x.firstChartMs)))} | ${Math.round(median(r.map((x) => x.peakRendererMb)))} MB |`
				);
			}
		}
		// A million scenario rows imported (132×): reload → the user's own headline.
		const bigScale = scales.includes(132) ? 132 : null;
		if (bigScale) {
			const { browser } = await launchMarked();
			try {
				const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
				for (const site of sites) await importInto(context, site, dataFor(bigScale));
				const times = sites.map(() => [] as number[]);
				for (let round = 0; round < roundsArg; round++)
					for (const [i, site] of sites.entries())
						times[i]!.push(await reloadToOwnHeadline(context, site));
				out.push(
					'',
					`${bigScale}× imported (${roundsArg} reloads each, alternating): reload → the user's own headline on screen`,
					'',
					'| build | median | all | stored cube (its core) |',
					'|---|---|---|---|'
				);
				for (const [i, site] of sites.entries()) {
					const cube = await storedCubeBytes(context, site);
					out.push(
						`| ${site.name} | ${f(median(times[i]!))} | ${times[i]!.map((t) => Math.round(t)).join(', ')} ms | ${cube === null ? '—' : `${(cube.total / 1e6).toFixed(2)} MB (${(cube.core / 1e6).toFixed(2)} MB)`} |`
					);
				}
			} finally {
				await browser.close();
			}
		}
	} finally {
		for (const { server } of servers) server.close();
	}
	return out;
}
