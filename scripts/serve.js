#!/usr/bin/env node
// Serves the built site (build/) on localhost, the way an intranet web server would:
// static files only, `.wasm` as application/wasm, under BASE_PATH when the site was built with one.
// Usage: node scripts/serve.js [--port 4173] [--dir build]
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';

/**
 * Start a static server over `dir`; resolves with the server and the site's URL.
 * @param {{ dir?: string, port?: number, host?: string, basePath?: string }} [options]
 */
export function startStaticServer(options = {}) {
	const dir = resolve(options.dir ?? 'build');
	if (!existsSync(dir)) throw new Error(`没有找到构建目录 ${dir}，请先运行 npm run build`);
	const basePath = (options.basePath ?? process.env.BASE_PATH ?? '').replace(/\/$/, '');
	const files = sirv(dir, {
		dev: false,
		etag: true,
		gzip: false,
		brotli: false,
		setHeaders(res, pathname) {
			// Hashed file names never change content: cached for good, so a page that lost its
			// network still starts its workers (see SECURITY.md for the headers a server should send).
			if (pathname.startsWith('/_app/immutable/'))
				res.setHeader('cache-control', 'public, max-age=31536000, immutable');
			res.setHeader('x-content-type-options', 'nosniff');
			res.setHeader('referrer-policy', 'no-referrer');
			res.setHeader('content-security-policy', "frame-ancestors 'self'");
		}
	});
	const server = createServer((req, res) => {
		if (basePath && req.url) {
			if (!req.url.startsWith(basePath + '/')) {
				res.writeHead(302, { location: basePath + '/' }).end();
				return;
			}
			req.url = req.url.slice(basePath.length);
		}
		files(req, res, () => {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 未找到');
		});
	});
	const host = options.host ?? '127.0.0.1';
	/** @type {Promise<{ server: import('node:http').Server, url: string }>} */
	const started = new Promise((resolvePromise) => {
		server.listen(options.port ?? 0, host, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : options.port;
			resolvePromise({ server, url: `http://${host}:${port}${basePath}/` });
		});
	});
	return started;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	/** @param {string} name @param {string} fallback */
	const option = (name, fallback) => {
		const i = args.indexOf(name);
		return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
	};
	const { url } = await startStaticServer({
		dir: option('--dir', 'build'),
		port: Number(option('--port', process.env.PORT ?? '4173'))
	});
	console.log(`智能工厂梯度培育监测看板已启动（示例数据）：${url}`);
	console.log('按 Ctrl+C 停止。');
}
