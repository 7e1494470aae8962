/**
 * The site's security policy, in one place: the Content-Security-Policy every page carries in
 * its <meta> tag (svelte.config.js gives these directives to SvelteKit's `kit.csp`) and the HTTP
 * headers the servers send — `scripts/serve.js` imports this module, and the nginx recipe
 * (`deploy/nginx/zhizao.conf`) spells out the same values, which a unit test holds equal.
 * Plain JavaScript so that svelte.config.js and the Node scripts can import it as it is.
 * Why each source is there: docs/trust.md; what a server must send: SECURITY.md.
 */

/**
 * The policy's directives as `kit.csp` takes them (keywords unquoted). Pages get the hash of
 * SvelteKit's inline start-up script added to `script-src` at build time.
 * @type {Record<string, string[]>}
 */
export const CSP_DIRECTIVES = {
	'default-src': ['self'],
	'script-src': ['self', 'wasm-unsafe-eval'],
	'worker-src': ['self'],
	'connect-src': ['self'],
	'img-src': ['self', 'data:', 'blob:'],
	'font-src': ['self'],
	'style-src': ['self'],
	'style-src-attr': ['unsafe-inline'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
};

/** Directives a <meta> policy cannot carry, sent in the header only: no page may frame the site. */
const HEADER_ONLY_DIRECTIVES = { 'frame-ancestors': ['none'] };

const KEYWORDS = new Set([
	'self',
	'none',
	'unsafe-inline',
	'unsafe-eval',
	'wasm-unsafe-eval',
	'strict-dynamic',
	'unsafe-hashes',
	'report-sample'
]);

/**
 * Directives as policy text: `default-src 'self'; …` (keywords and hashes quoted).
 * @param {Record<string, string[]>} directives
 */
export function policyText(directives) {
	return Object.entries(directives)
		.map(([name, sources]) =>
			[
				name,
				...sources.map((s) => (KEYWORDS.has(s) || /^sha(256|384|512)-/.test(s) ? `'${s}'` : s))
			].join(' ')
		)
		.join('; ');
}

/**
 * The header on every response but HTML pages: the JavaScript files (the workers among them)
 * and the .wasm. A worker obeys the policy of its own script's response, not the page's
 * <meta>: this is what keeps DuckDB's worker from reaching any other origin
 * (`connect-src 'self'`) while letting it compile WebAssembly (`'wasm-unsafe-eval'`).
 */
export const HEADER_CSP = policyText({ ...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });

/**
 * The header on an HTML page when the server does not know the page's own policy (nginx): every
 * directive but `default-src`, `script-src` and `style-src`. SvelteKit's inline start-up script
 * and app.html's own inline script and style are allowed by their hashes, which only the page's
 * <meta> carries (SvelteKit's differ per page and per build); a header without them would stop
 * them. The browser enforces both policies, so scripts and styles stay exactly as strict as the
 * <meta> says. `scripts/serve.js` knows each page and sends the page's own policy instead.
 */
export const PAGE_HEADER_CSP = policyText({
	...Object.fromEntries(
		Object.entries(CSP_DIRECTIVES).filter(
			([name]) => !['default-src', 'script-src', 'style-src'].includes(name)
		)
	),
	...HEADER_ONLY_DIRECTIVES
});

/**
 * A page's own policy as a header: its <meta> policy (hashes included) plus `frame-ancestors`.
 * @param {string} metaPolicy the content of the page's <meta http-equiv="content-security-policy">
 */
export function pageHeaderCsp(metaPolicy) {
	return `${metaPolicy.trim().replace(/;\s*$/, '')}; ${policyText(HEADER_ONLY_DIRECTIVES)}`;
}

/**
 * Browser features the site never uses, switched off for it and anything it could embed.
 * Only features Chromium knows (an unknown one is logged as an error on every page).
 */
export const PERMISSIONS_POLICY = [
	'accelerometer',
	'autoplay',
	'camera',
	'display-capture',
	'encrypted-media',
	'fullscreen',
	'geolocation',
	'gyroscope',
	'hid',
	'idle-detection',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'picture-in-picture',
	'publickey-credentials-get',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking'
]
	.map((feature) => `${feature}=()`)
	.join(', ');

/**
 * Sent with every response (the CSP and Cache-Control vary by response and are set apart).
 * @type {Record<string, string>}
 */
export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Referrer-Policy': 'no-referrer',
	'Permissions-Policy': PERMISSIONS_POLICY,
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
	// frame-ancestors for browsers too old to read it.
	'X-Frame-Options': 'DENY'
};

/** Files whose names carry their content's hash: cached for good. Everything else revalidates. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';
