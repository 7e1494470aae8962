/**
 * The bench's own Chromium: launched with a marker flag, so its renderers' memory is found among
 * other browsers on the machine (other sessions run Chromium too), fresh or on a kept profile.
 */
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

/**
 * Resident memory (MB) of the browser's renderer processes: `page`, the largest one — the page
 * under test (headless Chromium also runs two small renderers of its own, ~75 and ~160 MB, that
 * never change) — and `all`, every renderer summed (shared pages counted once per process).
 */
export function rendererRss(browserPid: number): { page: number; all: number } {
	const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' }).stdout;
	const procs = ps
		.split('\n')
		.filter(Boolean)
		.map((line) => {
			const [pid, ppid, rss, ...rest] = line.trim().split(/\s+/);
			return { pid: Number(pid), ppid: Number(ppid), rss: Number(rss), args: rest.join(' ') };
		});
	const family = new Set([browserPid]);
	for (let grew = true; grew;) {
		grew = false;
		for (const p of procs) {
			if (!family.has(p.pid) && family.has(p.ppid)) {
				family.add(p.pid);
				grew = true;
			}
		}
	}
	const renderers = procs.filter((p) => family.has(p.pid) && p.args.includes('--type=renderer'));
	return {
		page: Math.max(0, ...renderers.map((p) => p.rss)) / 1024,
		all: renderers.reduce((n, p) => n + p.rss, 0) / 1024
	};
}

/** A Chromium of this run's own, found among others on the machine by a marker flag. */
export async function launchMarked(): Promise<{
	browser: Browser;
	rss: () => ReturnType<typeof rendererRss>;
}> {
	const marker = newMarker();
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [`--${marker}`, ...CHROMIUM_ARGS]
	});
	return { browser, rss: rssOf(marker) };
}

/** Marks a browser among others on the machine (other sessions run Chromium too). */
const newMarker = () =>
	`bench-run=${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/**
 * The renderers' memory of the browser launched with `marker`: playwright-core launches
 * Chromium as a child of this process, found by its marker flag, not as the newest Chromium
 * (another session's may be newer).
 */
function rssOf(marker: string): () => ReturnType<typeof rendererRss> {
	const pid = Number(spawnSync('pgrep', ['-o', '-f', marker], { encoding: 'utf8' }).stdout.trim());
	return () => rendererRss(pid);
}

/**
 * A Chromium of this run's own on the browser profile in `profileDir` (kept between launches,
 * as a user's is: IndexedDB, the service worker), found by its marker flag as `launchMarked`'s.
 */
export async function launchOnProfile(profileDir: string): Promise<{
	context: BrowserContext;
	rss: () => ReturnType<typeof rendererRss>;
}> {
	const marker = newMarker();
	const context = await chromium.launchPersistentContext(profileDir, {
		executablePath: CHROMIUM_PATH,
		viewport: { width: 1366, height: 768 },
		args: [`--${marker}`, ...CHROMIUM_ARGS]
	});
	return { context, rss: rssOf(marker) };
}
