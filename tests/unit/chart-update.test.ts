import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { describe, expect, it } from 'vitest';
import type { RegionRow } from '../../src/lib/figures/types';
import { regions, targets } from '../../src/lib/domain/catalogue';
import { sameData } from '../../src/lib/charts/memo';
import { ChartOptions, type ChartSpec } from '../../src/lib/charts/page-charts';
import { regionRankingOption } from '../../src/lib/charts/regions';
import {
	ariaDescription,
	REBUILT,
	sameForm,
	type Option
} from '../../src/lib/components/chart-update';

const coverage = (numerator: number, denominator: number | null) => ({
	numerator,
	denominator,
	rate: denominator ? numerator / denominator : null
});
const tiers = { basic: 1, advanced: 0, excellent: 0, leading: 0 };
const regionRows = (shift: number): RegionRow[] =>
	regions.map((r, i) => ({
		...r,
		coverage: coverage((i * 7 + shift) % 40, i === 11 ? null : 100),
		tiers,
		basicStarts: { declared: 0, awarded: 0 },
		declarations: i,
		rejected: 0,
		flagged: 0
	}));

/**
 * The SVG's elements, sorted (an updated chart keeps its elements' order, a rebuilt one draws them
 * in data order), with zrender's per-instance ids and class counters numbered by first appearance.
 */
function normalised(svg: string): string {
	const seen = new Map<string, number>();
	return svg
		.replace(/zr\d+-cls-\d+|zr\d+/g, (id) => {
			if (!seen.has(id)) seen.set(id, seen.size);
			return `id${seen.get(id)}`;
		})
		.split('\n')
		.sort()
		.join('\n');
}

/** The SVG of `first` then `next` drawn on one chart, the way Chart.svelte applies `next`. */
function drawBoth(first: EChartsOption, next: EChartsOption, inPlace: boolean): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 800, height: 400 });
	try {
		chart.setOption(first, { notMerge: true });
		chart.setOption(
			next,
			inPlace ? { replaceMerge: REBUILT.filter((k) => k in next) } : { notMerge: true }
		);
		return normalised(chart.renderToSVGString());
	} finally {
		chart.dispose();
	}
}

describe('updating a chart in place', () => {
	const pairs: [string, EChartsOption, EChartsOption][] = [
		[
			'ranking, other data',
			regionRankingOption(regionRows(0), targets.coverage.rate),
			regionRankingOption(regionRows(13), targets.coverage.rate)
		]
	];
	for (const [name, first, next] of pairs) {
		it(`draws what a full rebuild draws: ${name}`, () => {
			expect(sameForm(first as Option, next as Option)).toBe(true);
			expect(drawBoth(first, next, true)).toBe(drawBoth(first, next, false));
		});
	}

	it('is refused when a kept component changes form or a key comes or goes', () => {
		const base = { tooltip: { trigger: 'axis', formatter: () => '' }, series: [] };
		expect(sameForm(base, { ...base, tooltip: { trigger: 'item', formatter: () => 'x' } })).toBe(
			true
		);
		expect(sameForm(base, { ...base, tooltip: { trigger: 'axis' } })).toBe(false);
		expect(sameForm(base, { ...base, tooltip: { trigger: 'axis', confine: true } })).toBe(false);
		expect(sameForm(base, { ...base, grid: {} })).toBe(false);
		expect(sameForm({ ...base, grid: [{}, {}] }, { ...base, grid: [{}] })).toBe(false);
		// Rebuilt components may differ freely.
		expect(sameForm(base, { ...base, series: [{ type: 'bar', data: [1] }] })).toBe(true);
	});
});

describe('ChartOptions', () => {
	it('returns the same option for structurally equal inputs, a new one otherwise', () => {
		let calls = 0;
		const build = (rows: RegionRow[], rate: number) => {
			calls += 1;
			return regionRankingOption(rows, rate);
		};
		const spec = (rows: RegionRow[], rate: number): ChartSpec => ({
			kind: 'echarts',
			build: build as unknown as ChartSpec['build'],
			args: [rows, rate],
			width: 640,
			height: 360
		});
		const options = new ChartOptions();
		const a = options.get('ranking', spec(regionRows(0), 0.25));
		expect(options.get('ranking', spec(regionRows(0), 0.25))).toBe(a);
		expect(calls).toBe(1);
		expect(options.get('ranking', spec(regionRows(1), 0.25))).not.toBe(a);
		expect(options.get('ranking', spec(regionRows(1), 0.3))).not.toBe(a);
		expect(calls).toBe(3);
		// Each chart by its own name.
		expect(options.get('other', spec(regionRows(1), 0.3))).not.toBe(a);
		expect(calls).toBe(4);
	});

	it('compares plain data by value', () => {
		expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
		expect(sameData({ a: [1, { b: null }] }, { a: [1, { b: 0 }] })).toBe(false);
		expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
		expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
		expect(sameData(NaN, NaN)).toBe(true);
	});
});

describe('ariaDescription', () => {
	it('is the description a builder gives the chart, which a waiting chart shows at once', () => {
		const option = regionRankingOption(regionRows(0), targets.coverage.rate) as Option;
		expect(ariaDescription(option)).toContain('各盟市基础级及以上智能工厂覆盖率排名');
		expect(ariaDescription({})).toBeNull();
		expect(ariaDescription({ aria: { label: { description: '' } } })).toBeNull();
		expect(ariaDescription({ aria: { label: { description: 3 } } })).toBeNull();
	});
});
