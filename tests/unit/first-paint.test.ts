import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCAL_DATA_MARK, markLocalData } from '../../src/lib/data/local-mark';
import { DB_NAME, KEY_CUBE, KEY_DATASET, STORE_NAME } from '../../src/lib/data/early-read';
import { stylesheetsFirst } from '../../src/lib/server/head-order';

describe('what the first paint depends on', () => {
	it("app.html's head script reads the store's mark only where no service worker can mark the page", () => {
		const html = readFileSync('src/app.html', 'utf8');
		const script = (/<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '').replace(/\s+/g, ' ');
		expect(script).toContain(
			`!('serviceWorker' in navigator) && localStorage.getItem('${LOCAL_DATA_MARK}')`
		);
		expect(script).toContain("dataset.localData = 'pending'");
	});

	it("app.html's early read of the kept cube starts only on a marked page, and reads the store's keys", () => {
		const html = readFileSync('src/app.html', 'utf8');
		const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
			.map((m) => m[1]!)
			.find((s) => s.includes('__earlyStoreRead'));
		expect(script).toMatch(
			/^\s*if \(document\.documentElement\.dataset\.localData === 'pending'\)/
		);
		expect(script).toContain(`indexedDB.open('${DB_NAME}')`);
		expect(script).toContain(`db.transaction('${STORE_NAME}')`);
		expect(script).toContain(`store.get('${KEY_DATASET}')`);
		expect(script).toContain(`store.get('${KEY_CUBE}')`);
		// Unmarked, it does nothing (no IndexedDB is touched).
		const page = { documentElement: { dataset: {} } };
		const window: Record<string, unknown> = {};
		new Function('document', 'window', 'indexedDB', script!)(page, window, undefined);
		expect(window).toEqual({});
	});

	it('the service worker marks a page’s <html> element, and nothing else', () => {
		const page =
			'<!doctype html>\n<html lang="zh-CN">\n<head><title>x</title></head><body><html-ish/></body></html>';
		const marked = markLocalData(page);
		expect(marked).toBe(page.replace('<html lang', '<html data-local-data="pending" lang'));
		expect(markLocalData('<html>')).toBe('<html data-local-data="pending">');
		expect(markLocalData('<p>no html element</p>')).toBe('<p>no html element</p>');
	});

	it('stylesheets come before module preloads in the head, the rest as it was', () => {
		const html = [
			'<html><head><meta charset="utf-8">',
			'<link href="a.js" rel="modulepreload">',
			'<link href="b.js" rel="modulepreload">',
			'<link href="x.css" rel="stylesheet">',
			'<link href="y.css" rel="stylesheet">',
			'<title>t</title></head>',
			'<body><link href="late.css" rel="stylesheet"></body></html>'
		].join('\n');
		const out = stylesheetsFirst(html);
		const order = [...out.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
		expect(order).toEqual(['x.css', 'y.css', 'a.js', 'b.js', 'late.css']);
		expect(out).toContain('<title>t</title></head>');
		expect(stylesheetsFirst('<p>no head</p>')).toBe('<p>no head</p>');
	});

	it('the built pages list their stylesheets first', () => {
		const html = readFileSync('build/index.html', 'utf8');
		const head = html.slice(0, html.indexOf('</head>'));
		const firstSheet = head.search(/rel="stylesheet"/);
		const firstPreload = head.search(/rel="modulepreload"/);
		expect(firstSheet).toBeGreaterThan(0);
		expect(firstSheet).toBeLessThan(firstPreload);
	});
});
