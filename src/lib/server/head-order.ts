/**
 * The page's stylesheets ahead of its module preloads in <head>. SvelteKit lists two dozen
 * `modulepreload` links first; the browser then fetched those before the render-blocking CSS,
 * and the first paint of a page whose content is all in the HTML waited for them (first
 * contentful paint ~690 ms at 72e1998, docs/benchmarks.md).
 */
const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*>\s*/g;
const PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*>/;

/** The HTML with every stylesheet link of its head moved before the first module preload. */
export function stylesheetsFirst(html: string): string {
	const end = html.indexOf('</head>');
	if (end < 0) return html;
	const head = html.slice(0, end);
	const sheets = head.match(STYLESHEET);
	if (!sheets) return html;
	const stripped = head.replace(STYLESHEET, '');
	const at = stripped.search(PRELOAD);
	if (at < 0) return html;
	const links = sheets.map((s) => s.trim()).join('\n\t\t');
	return `${stripped.slice(0, at)}${links}\n\t\t${stripped.slice(at)}${html.slice(end)}`;
}
