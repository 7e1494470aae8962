#!/usr/bin/env node
// `npm test`: every check the project has, in one run, ending with "N passed, N failed".
// Steps: formatting (prettier), lint (eslint), types (svelte-check), the static build, then
// every Vitest test — unit tests in Node and browser tests in Debian's Chromium against build/
// (served by scripts/serve.js, and by Debian's nginx with the repository's recipe).
// Each of the four checks counts as one test in the closing line; Vitest's tests count one each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const nginxPath = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

/**
 * Debian's chromium (browser downloads fail here) and nginx (the deployment recipe's test),
 * installed when missing and we may (root with apt-get). A path given by environment variable
 * is never installed over.
 */
function ensurePackages() {
	const wanted = [
		{
			path: chromiumPath,
			given: process.env.CHROMIUM_PATH,
			packages: ['chromium', 'fonts-noto-cjk']
		},
		{ path: nginxPath, given: process.env.NGINX_PATH, packages: ['nginx'] }
	];
	const missing = wanted.filter((w) => !existsSync(w.path));
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const installable = missing.filter((w) => !w.given);
	if (installable.length > 0 && isRoot && existsSync('/usr/bin/apt-get')) {
		const packages = installable.flatMap((w) => w.packages);
		console.log(`未找到 ${packages.join('、')}，正在用 apt-get 安装 Debian 的软件包 …`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
			stdio: 'inherit',
			env
		});
	}
	let ready = true;
	if (!existsSync(chromiumPath)) {
		ready = false;
		console.error(
			`没有可用的 Chromium（${chromiumPath}）。请安装 Debian 的 chromium，或用环境变量 CHROMIUM_PATH 指定。`
		);
	}
	if (!existsSync(nginxPath)) {
		// The nginx test then fails and says so; the other tests still run.
		console.error(
			`没有可用的 nginx（${nginxPath}）：部署配置的测试将失败。请安装 Debian 的 nginx，或用环境变量 NGINX_PATH 指定。`
		);
	}
	return ready;
}

const checks = [
	['格式（prettier）', 'npx', ['prettier', '--check', '.']],
	['代码规范（eslint）', 'npx', ['eslint', '.']],
	['类型检查（svelte-check）', 'npm', ['run', '--silent', 'check']],
	['静态构建（vite build）', 'npx', ['vite', 'build', '--logLevel', 'warn']]
];

let passed = 0;
let failed = 0;
for (const [label, command, args] of checks) {
	console.log(`\n── ${label} ──`);
	const result = spawnSync(command, args, { stdio: 'inherit' });
	if (result.status === 0) passed += 1;
	else {
		failed += 1;
		console.error(`✗ ${label} 未通过`);
	}
}

const chromiumReady = ensurePackages();
if (!chromiumReady) failed += 1;

console.log('\n── 单元测试与浏览器测试（vitest） ──');
mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
spawnSync(
	'npx',
	['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`],
	{ stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromiumPath } }
);
if (existsSync(report)) {
	const results = JSON.parse(readFileSync(report, 'utf8'));
	passed += results.numPassedTests;
	failed += results.numFailedTests;
	// A file that failed to load reports its tests as skipped or not at all: count it as a failure.
	const brokenFiles = results.testResults.filter(
		(/** @type {{ status: string, assertionResults: unknown[] }} */ file) =>
			file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed')
	).length;
	failed += brokenFiles;
} else {
	failed += 1;
	console.error('✗ vitest 没有写出结果文件');
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
