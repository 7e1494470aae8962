import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APPEARANCE_KEY } from '../../src/lib/appearance.svelte';
import { BLUES, RATE_BLUE, REFERENCE_GREY } from '../../src/lib/charts/common';
import { chartTheme, themedOption } from '../../src/lib/charts/theme';
import { TIER_COLORS, TIER_COLORS_BY_APPEARANCE, tierColorVariables } from '../../src/lib/theme';

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
	const [r, g, b] = (hex.slice(1).match(/../g) ?? []).map((h) => {
		const v = parseInt(h, 16) / 255;
		return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

const css = readFileSync('src/app.css', 'utf8');
/** The declarations of the first rule with exactly this selector. */
function block(selector: string): string {
	const at = css.indexOf(`${selector} {`);
	expect(at, selector).toBeGreaterThanOrEqual(0);
	return css.slice(at + selector.length + 2, css.indexOf('}', at)).trim();
}
/** A custom property's value in a block. */
const variable = (declarations: string, name: string) =>
	new RegExp(`--${name}: (#[0-9a-f]{6});`).exec(declarations)?.[1] ?? '';

describe('appearances (app.css, theme.ts)', () => {
	it('深色 chosen and 深色 from the system setting are the same colours', () => {
		expect(block(":root[data-theme='dark']")).toBe(block(':root:not([data-theme])'));
		expect(block(":root[data-theme='dark'] .shell")).toBe(block(':root:not([data-theme]) .shell'));
	});

	it('every mode: text and links read on the page and its panels (4.5:1 at least)', () => {
		for (const selector of [':root', ":root[data-theme='dark']", ":root[data-theme='projector']"]) {
			const own = block(selector);
			const value = (name: string) => variable(own, name) || variable(block(':root'), name);
			for (const text of ['ink', 'muted', 'accent', 'danger', 'warn-text'])
				for (const ground of ['paper', 'panel', 'th-bg'])
					expect(
						contrast(value(text), value(ground)),
						`${selector} --${text} on --${ground}`
					).toBeGreaterThanOrEqual(4.5);
			expect(contrast(value('danger'), value('danger-bg')), selector).toBeGreaterThanOrEqual(4.5);
			expect(contrast(value('warn-text'), value('warn-bg')), selector).toBeGreaterThanOrEqual(4.5);
			expect(contrast(value('accent'), value('chip-bg')), selector).toBeGreaterThanOrEqual(4.5);
			expect(contrast(value('on-accent'), value('accent')), selector).toBeGreaterThanOrEqual(4.5);
		}
	});

	it('tier colours: badge text on them and they on the page read in every mode, four apart', () => {
		const grounds = {
			light: { paper: '#ffffff', onTier: '#ffffff' },
			dark: {
				paper: variable(block(":root[data-theme='dark']"), 'paper'),
				onTier: variable(block(":root[data-theme='dark']"), 'on-tier')
			},
			projector: { paper: '#ffffff', onTier: '#ffffff' }
		};
		for (const [mode, colors] of Object.entries(TIER_COLORS_BY_APPEARANCE)) {
			const { paper, onTier } = grounds[mode as keyof typeof grounds];
			for (const [tier, color] of Object.entries(colors)) {
				expect(contrast(color, paper), `${mode} ${tier} on the page`).toBeGreaterThanOrEqual(4.5);
				expect(contrast(color, onTier), `${mode} text on ${tier}`).toBeGreaterThanOrEqual(4.5);
			}
			// Four different hues, not four shades of one.
			const hues = Object.values(colors).map((hex) => {
				const [r, g, b] = (hex.slice(1).match(/../g) ?? []).map((h) => parseInt(h, 16));
				return Math.round((Math.atan2(Math.sqrt(3) * (g! - b!), 2 * r! - g! - b!) * 180) / Math.PI);
			});
			for (let i = 0; i < hues.length; i++)
				for (let j = i + 1; j < hues.length; j++) {
					const apart = Math.abs(hues[i]! - hues[j]!) % 360;
					expect(Math.min(apart, 360 - apart), `${mode} hues ${hues}`).toBeGreaterThan(20);
				}
		}
	});

	it('the layout carries every mode’s tier colours, from which app.css picks', () => {
		const variables = tierColorVariables();
		for (const [mode, colors] of Object.entries(TIER_COLORS_BY_APPEARANCE))
			for (const [tier, color] of Object.entries(colors))
				expect(variables).toContain(`--tier-${tier}-${mode}: ${color};`);
		expect(block('.shell')).toContain('--tier-basic: var(--tier-basic-light);');
	});

	it("app.html's head script applies a kept choice before the first paint, and only a known one", () => {
		const html = readFileSync('src/app.html', 'utf8');
		const script = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
			.map((m) => m[1]!)
			.find((s) => s.includes('dataset.theme'));
		expect(script).toContain(`localStorage.getItem('${APPEARANCE_KEY}')`);
		const run = (stored: string | null) => {
			const root = { dataset: {} as Record<string, string> };
			new Function('document', 'localStorage', script!)(
				{ documentElement: root },
				{ getItem: () => stored }
			);
			return root.dataset;
		};
		expect(run('dark')).toEqual({ js: '', theme: 'dark' });
		expect(run('projector')).toEqual({ js: '', theme: 'projector' });
		expect(run(null)).toEqual({ js: '' });
		expect(run('"><img src=x>')).toEqual({ js: '' });
	});
});

describe('charts in each appearance (src/lib/charts/theme.ts)', () => {
	const formatter = (value: number) => `${value}%`;
	const option = {
		textStyle: { fontSize: 13 },
		xAxis: { axisLabel: { fontSize: 13, formatter } },
		series: [
			{ type: 'bar', name: '基础级', itemStyle: { color: TIER_COLORS.basic }, data: [1, 2] },
			{ type: 'line', lineStyle: { width: 2, color: REFERENCE_GREY }, data: [3] },
			{ type: 'heatmap', itemStyle: { borderColor: '#ffffff' }, data: [[0, 0, 1]] }
		],
		visualMap: { inRange: { color: BLUES } },
		color: [RATE_BLUE]
	};

	it('light: the builder’s option as it is', () => {
		expect(themedOption(option, 'light')).toBe(option);
	});

	it('dark: the dark tier colours, a light reference grey, cell borders the colour of the page', () => {
		const dark = themedOption(option, 'dark');
		expect(dark.series[0]!.itemStyle!.color).toBe(TIER_COLORS_BY_APPEARANCE.dark.basic);
		expect(dark.series[1]!.lineStyle!.color).not.toBe(REFERENCE_GREY);
		expect(dark.series[2]!.itemStyle!.borderColor).toBe('#1b2129');
		expect(dark.series[0]!.name).toBe('基础级');
		expect(dark.xAxis.axisLabel.formatter).toBe(formatter);
		expect(dark.series[1]!.lineStyle!.width).toBe(2);
		// The same copy each time (Chart.svelte compares options by identity), the option untouched.
		expect(themedOption(option, 'dark')).toBe(dark);
		expect(option.series[0]!.itemStyle!.color).toBe(TIER_COLORS.basic);
	});

	it('projector: larger type, thicker lines, its own tier colours', () => {
		const projector = themedOption(option, 'projector');
		expect(projector.xAxis.axisLabel.fontSize).toBeGreaterThanOrEqual(17);
		expect(projector.series[1]!.lineStyle!.width).toBe(3);
		expect(projector.series[0]!.itemStyle!.color).toBe(TIER_COLORS_BY_APPEARANCE.projector.basic);
	});

	it('the sequential blues keep their order in every mode (the rate blue among them)', () => {
		for (const mode of ['dark', 'projector'] as const) {
			expect(themedOption(option, mode).visualMap.inRange.color).toEqual(BLUES);
			expect(themedOption(option, mode).color).toEqual([RATE_BLUE]);
		}
	});

	it('the theme gives texts and axes the page’s colours; light keeps ECharts’ default', () => {
		const dark = chartTheme('dark') as { textStyle: { color: string }; darkMode: boolean };
		expect(contrast(dark.textStyle.color, '#1b2129')).toBeGreaterThanOrEqual(7);
		expect(dark.darkMode).toBe(true);
		const projector = chartTheme('projector') as { textStyle: { color: string } };
		expect(contrast(projector.textStyle.color, '#ffffff')).toBeGreaterThanOrEqual(7);
		expect(chartTheme('light')).toBe('default');
	});
});
