#!/usr/bin/env node
// Serves the built site (build/) on localhost, the way an intranet web server would:
// static files only, `.wasm` as application/wasm, under BASE_PATH when the site was built with one,
// with the security headers of src/lib/security/headers.js on every response (SECURITY.md; the
// nginx recipe in deploy/nginx/ sends the same).
// Usage: node scripts/serve.js [--port 4173] [--dir build]
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import sirv from 'sirv';
import {
	HEADER_CSP,
	IMMUTABLE_CACHE,
	PAGE_HEADER_CSP,
	pageHeaderCsp,
	REVALIDATE_CACHE,
	SECURITY_HEADERS
} from '../src/lib/security/headers.js';

/** The <meta> policy of each HTML file served, by path and modification time. */
const pagePolicies = new Map();

/**
 * An HTML page's own policy as a header (its <meta> policy, hashes included, plus
 * frame-ancestors), read from the file once per version of it.
 * @param {string} file
 */
function pagePolicy(file) {
	const mtime = statSync(file).mtimeMs;
	const cached = pagePolicies.get(file);
	if (cached?.mtime === mtime) return cached.policy;
	const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(
		readFileSync(file, 'utf8')
	)?.[1];
	const policy = meta ? pageHeaderCsp(meta.replace(/&#39;/g, "'")) : PAGE_HEADER_CSP;
	pagePolicies.set(file, { mtime, policy });
	return policy;
}

/**
 * The HTML file a request path is answered with, as sirv finds it (`page/` → `page/index.html`,
 * `page` → `page.html` or `page/index.html`), or null for any other file.
 * @param {string} dir
 * @param {string} pathname
 */
function htmlFileFor(dir, pathname) {
	let path = pathname;
	try {
		path = decodeURI(pathname);
	} catch {
		// A malformed path is looked up as it is (and not found).
	}
	const candidates = path.endsWith('/')
		? [`${path}index.html`]
		: /\.html?$/.test(path)
			? [path]
			: /\.[^/]*$/.test(path)
				? []
				: [`${path}.html`, `${path}/index.html`];
	for (const candidate of candidates) {
		const file = join(dir, candidate);
		if (file.startsWith(dir + sep) && existsSync(file) && statSync(file).isFile()) return file;
	}
	return null;
}

/**
 * The security headers of one response (SECURITY.md): every response carries a policy, since a
 * worker obeys its own script's header and not the page's <meta>; a page gets its own policy,
 * script hashes included. Hashed file names never change content and are cached for good (a
 * page that lost its network still starts its workers); everything else is revalidated.
 * @param {import('node:http').ServerResponse} res
 * @param {string} dir
 * @param {string} pathname the path inside the site
 */
function setSecurityHeaders(res, dir, pathname) {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	const page = htmlFileFor(dir, pathname);
	res.setHeader('content-security-policy', page ? pagePolicy(page) : HEADER_CSP);
	res.setHeader(
		'cache-control',
		pathname.startsWith('/_app/immutable/') ? IMMUTABLE_CACHE : REVALIDATE_CACHE
	);
}

/**
 * Start a static server over `dir`; resolves with the server and the site's URL.
 * @param {{ dir?: string, port?: number, host?: string, basePath?: string }} [options]
 */
export function startStaticServer(options = {}) {
	const dir = resolve(options.dir ?? 'build');
	if (!existsSync(dir)) throw new Error(`没有找到构建目录 ${dir}，请先运行 npm run build`);
	const basePath = (options.basePath ?? process.env.BASE_PATH ?? '').replace(/\/$/, '');
	const files = sirv(dir, { dev: false, etag: true, gzip: false, brotli: false });
	const server = createServer((req, res) => {
		if (basePath && req.url) {
			if (!req.url.startsWith(basePath + '/')) {
				setSecurityHeaders(res, dir, '/');
				res.writeHead(302, { location: basePath + '/' }).end();
				return;
			}
			req.url = req.url.slice(basePath.length);
		}
		// Set before sirv answers, so a 304 carries them as well.
		setSecurityHeaders(res, dir, new URL(req.url ?? '/', 'http://site').pathname);
		files(req, res, () => {
			res.setHeader('content-security-policy', HEADER_CSP);
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
