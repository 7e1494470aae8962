/**
 * The repository's nginx recipe (deploy/nginx/zhizao.conf), run for real: Debian's nginx on a
 * free loopback port, with a temporary prefix and a main configuration around the site's own
 * server block — only its `listen` and `root` lines are changed. Missing nginx is an error
 * that says how to install it, never a silent skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const NGINX_CONFIG = 'deploy/nginx/zhizao.conf';

export interface RunningNginx {
	url: string;
	stop(): Promise<void>;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** The repository's server block, listening on `port` and serving `root`. */
export function siteConfig(port: number, root: string): string {
	const original = readFileSync(NGINX_CONFIG, 'utf8');
	let listens = 0;
	const site = original
		.replace(/^\s*listen\s+[^;]+;\s*$/gm, () =>
			listens++ === 0 ? `\tlisten 127.0.0.1:${port};` : ''
		)
		.replace(/^(\s*)root\s+[^;]+;/m, `$1root ${root};`);
	if (listens === 0 || site === original || !site.includes(`root ${root};`)) {
		throw new Error(`${NGINX_CONFIG} 的格式已变：找不到 listen 或 root 行`);
	}
	return site;
}

export async function startNginx(root = resolve('build')): Promise<RunningNginx> {
	if (!existsSync(NGINX_PATH)) {
		throw new Error(
			`没有找到 nginx（${NGINX_PATH}）：用 nginx 部署的测试无法运行。请安装 Debian 的 nginx（apt-get install -y nginx，.ci/run 会安装），或用环境变量 NGINX_PATH 指定。`
		);
	}
	const port = await freePort();
	const prefix = mkdtempSync(join(tmpdir(), 'zhizao-nginx-'));
	chmodSync(prefix, 0o755);
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	writeFileSync(
		join(prefix, 'nginx.conf'),
		[
			// As root the workers drop to nobody, who can read the build but nothing private.
			isRoot ? 'user nobody nogroup;' : '',
			'daemon off;',
			'worker_processes 1;',
			`pid ${prefix}/nginx.pid;`,
			`error_log ${prefix}/error.log warn;`,
			'events { worker_connections 256; }',
			'http {',
			'\tinclude /etc/nginx/mime.types;',
			'\tdefault_type application/octet-stream;',
			'\tsendfile on;',
			`\taccess_log ${prefix}/access.log;`,
			...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
				(kind) => `\t${kind}_temp_path ${prefix}/${kind};`
			),
			siteConfig(port, root),
			'}'
		].join('\n')
	);
	const child: ChildProcess = spawn(NGINX_PATH, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], {
		stdio: ['ignore', 'ignore', 'pipe']
	});
	let stderr = '';
	child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
	const exited = new Promise<number | null>((resolveExit) => child.once('exit', resolveExit));
	const url = `http://127.0.0.1:${port}/`;
	const log = () =>
		[
			stderr,
			existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : ''
		]
			.join('\n')
			.trim();
	for (let tries = 0; ; tries++) {
		if (child.exitCode !== null)
			throw new Error(`nginx 启动失败（退出码 ${child.exitCode}）：${log()}`);
		const answered = await fetch(url, { method: 'HEAD' }).then(
			() => true,
			() => false
		);
		if (answered) break;
		if (tries > 100) {
			child.kill('SIGKILL');
			throw new Error(`nginx 在 10 秒内没有响应：${log()}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		async stop() {
			if (child.exitCode === null) child.kill('SIGQUIT');
			await exited;
			rmSync(prefix, { recursive: true, force: true });
		}
	};
}
