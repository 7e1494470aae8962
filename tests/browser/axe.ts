/**
 * axe-core (bundled from node_modules, injected into the page — no CDN): a page's serious and
 * critical violations. The page's context must bypass CSP (axe goes in as an inline script,
 * which the site's own policy rightly refuses; offline-csp.test.ts tests the policy).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations (WCAG 2.1 A and AA, and best practice). */
export async function seriousViolations(page: Page): Promise<string[]> {
	await page.addScriptTag({ content: axeSource });
	const violations = await page.evaluate(async () => {
		const axe = (globalThis as unknown as { axe: { run(...args: unknown[]): Promise<unknown> } })
			.axe;
		const result = (await axe.run(document, {
			runOnly: {
				type: 'tag',
				values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']
			}
		})) as { violations: AxeViolation[] };
		return result.violations;
	});
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')}`));
}

/** Every chart has drawn (or said it has no data), so axe sees the page as a user does. */
export const chartsSettled = (page: Page) =>
	page.waitForFunction(() =>
		[...document.querySelectorAll('[data-testid=chart]')].every(
			(c) => c.getAttribute('data-ready') === 'true' || c.querySelector('.empty, .failed')
		)
	);
