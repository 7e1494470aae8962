/**
 * The nginx recipe (deploy/nginx/zhizao.conf) sends what src/lib/security/headers.js says — the
 * module svelte.config.js and scripts/serve.js take the policy from — so the three cannot drift
 * apart; and every header is set where nginx keeps it (server level, `always`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	HEADER_CSP,
	IMMUTABLE_CACHE,
	PAGE_HEADER_CSP,
	REVALIDATE_CACHE,
	SECURITY_HEADERS
} from '../../src/lib/security/headers.js';

const config = readFileSync('deploy/nginx/zhizao.conf', 'utf8')
	.split('\n')
	.filter((line) => !line.trim().startsWith('#'))
	.join('\n');

/** The entries of `map <variable> <name> { … }`: source pattern → value. */
function mapEntries(name: string): Map<string, string> {
	const body = new RegExp(`map \\S+ \\$${name} \\{([^}]*)\\}`).exec(config)?.[1] ?? '';
	return new Map(
		[...body.matchAll(/^\s*("[^"]*"|\S+)\s+"([^"]*)";/gm)].map((m) => [
			(m[1] as string).replace(/^"|"$/g, ''),
			m[2] as string
		])
	);
}

/** Each add_header as name → [value, flags], with the depth of braces it sits at. */
function addHeaders(): { name: string; value: string; always: boolean; depth: number }[] {
	const found = [];
	let depth = 0;
	for (const line of config.split('\n')) {
		const header = /^\s*add_header\s+(\S+)\s+("[^"]*"|\S+)(\s+always)?;/.exec(line);
		if (header) {
			found.push({
				name: header[1] as string,
				value: (header[2] as string).replace(/^"|"$/g, ''),
				always: Boolean(header[3]),
				depth
			});
		}
		depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
	}
	return found;
}

describe('deploy/nginx/zhizao.conf', () => {
	it('sends the policy of headers.js: the page header on HTML, the whole policy on everything else', () => {
		expect(mapEntries('zhizao_csp')).toEqual(
			new Map([
				['~^text/html', PAGE_HEADER_CSP],
				['default', HEADER_CSP]
			])
		);
		expect(mapEntries('zhizao_cache_control')).toEqual(
			new Map([
				['~/_app/immutable/', IMMUTABLE_CACHE],
				['default', REVALIDATE_CACHE]
			])
		);
	});

	it('sends every security header of headers.js, always, at server level only', () => {
		const headers = addHeaders();
		const byName = new Map(headers.map((h) => [h.name.toLowerCase(), h.value]));
		for (const [name, value] of Object.entries(SECURITY_HEADERS))
			expect(byName.get(name.toLowerCase()), name).toBe(value);
		expect(byName.get('content-security-policy')).toBe('$zhizao_csp');
		expect(byName.get('cache-control')).toBe('$zhizao_cache_control');
		// In the server block (depth 1): a location with an add_header of its own drops them all.
		expect(headers.filter((h) => !h.always || h.depth !== 1)).toEqual([]);
	});

	it('serves .wasm as application/wasm whatever mime.types says', () => {
		expect(config).toMatch(
			/location ~ \\\.wasm\$ \{\s*types \{ \}\s*default_type application\/wasm;/
		);
	});
});
