/**
 * ECharts renders tooltips as HTML: every text a tooltip formatter inserts goes through here.
 */

const ENTITIES: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text (or a number) as HTML that shows exactly that text: `<b>` → `&lt;b&gt;`. */
export function escapeHtml(text: string | number): string {
	return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
