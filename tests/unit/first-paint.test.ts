import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCAL_DATA_MARK } from '../../src/lib/data/store';
import { stylesheetsFirst } from '../../src/lib/server/head-order';

describe('what the first paint depends on', () => {
	it("app.html's head script reads the mark the store keeps while data is stored", () => {
		const html = readFileSync('src/app.html', 'utf8');
		const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
		expect(script).toContain(`localStorage.getItem('${LOCAL_DATA_MARK}')`);
		expect(script).toContain("dataset.localData = 'pending'");
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
