import * as echarts from 'echarts';
import type {
	BarSeriesOption,
	EChartsOption,
	HeatmapSeriesOption,
	MapSeriesOption,
	TooltipComponentOption
} from 'echarts';
import { describe, expect, it } from 'vitest';
import type { RegionRow, ScenarioCell, TierCounts } from '../../src/lib/figures/types';
import { regions, scenarios, targets } from '../../src/lib/domain/catalogue';
import { TIER_COLORS } from '../../src/lib/theme';
import { indicatorMeansOption, maturityByTierOption } from '../../src/lib/charts/assessment';
import { BLUES, NO_DATA_GREY } from '../../src/lib/charts/common';
import { escapeHtml } from '../../src/lib/charts/escape';
import { renderChartSvg, svgDataUrl } from '../../src/lib/charts/svg';
import { regionMapOption, regionRankingOption } from '../../src/lib/charts/regions';
import { scenarioHeatmapOption } from '../../src/lib/charts/scenarios';
import { tierCountsOption } from '../../src/lib/charts/tiers';

/** Renders with the real ECharts SSR renderer: throws if ECharts rejects the option. */
function render(option: EChartsOption, width = 800, height = 500): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption(option);
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}

const seriesOf = <T>(option: EChartsOption) => option.series as T[];
const axis = (a: unknown) => a as { data: string[]; max?: number };
const tooltipOf = (option: EChartsOption) =>
	(option.tooltip as TooltipComponentOption).formatter as (params: unknown) => string;

const tiersOf = (basic: number, advanced = 0, excellent = 0, leading = 0): TierCounts => ({
	basic,
	advanced,
	excellent,
	leading
});
const coverage = (numerator: number, denominator: number | null) => ({
	numerator,
	denominator,
	rate: denominator ? numerator / denominator : null
});

/** Hand-made 盟市 rows: numerators / denominators; 阿拉善盟 has no denominator. */
const FIGURES: Record<string, [number, number | null]> = {
	'150100': [30, 200],
	'150200': [60, 200],
	'150300': [5, 100],
	'152900': [2, null]
};
const regionRows: RegionRow[] = regions.map((r, i) => {
	const [numerator, denominator] = FIGURES[r.code] ?? [i, 100];
	return {
		...r,
		coverage: coverage(numerator, denominator),
		tiers: tiersOf(numerator, 2, 1, 0),
		basicStarts: { declared: 0, awarded: 0 },
		declarations: numerator,
		rejected: 0,
		flagged: 0
	};
});

describe('escapeHtml', () => {
	it('escapes the five HTML-special characters', () => {
		expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
			'&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;'
		);
	});
});

describe('regionRankingOption', () => {
	const option = regionRankingOption(regionRows, targets.coverage.rate);
	const [bars] = seriesOf<BarSeriesOption>(option);

	it('ranks by coverage, highest first, leaving out regions without a denominator', () => {
		const names = axis(option.yAxis).data;
		expect(names.slice(0, 2)).toEqual(['包头', '呼和浩特']);
		expect(names).toHaveLength(11);
		expect(names).not.toContain('阿拉善');
		expect(bars?.data?.slice(0, 2)).toEqual([30, 15]);
	});

	it('draws the 25% target line and renders', () => {
		const markLine = bars?.markLine as { data: { xAxis: number }[]; label: { formatter: string } };
		expect(markLine.data[0]?.xAxis).toBe(25);
		expect(markLine.label.formatter).toBe('目标25%');
		expect(axis(option.xAxis).max).toBeGreaterThanOrEqual(25);
		const svg = render(option);
		expect(svg).toContain('目标25%');
		expect(svg).toContain('30.0%');
	});

	it('from a higher tier (a 层级 filter): says so, and draws no 25% line', () => {
		const advanced = regionRankingOption(regionRows, targets.coverage.rate, '先进级');
		const markLine = seriesOf<BarSeriesOption>(advanced)[0]?.markLine as { data: unknown[] };
		expect(markLine.data).toEqual([]);
		const description = (advanced.aria as { label: { description: string } }).label.description;
		expect(description).toContain('各盟市先进级及以上');
		expect(description).not.toContain('达到目标');
		expect(tooltipOf(advanced)([{ dataIndex: 0 }])).toContain('达到先进级及以上：60家');
		expect(render(advanced)).not.toContain('目标25%');
		const map = regionMapOption(regionRows, 'test-nmg', '先进级');
		expect((map.aria as { label: { description: string } }).label.description).toContain(
			'各盟市先进级及以上'
		);
	});
});

describe('regionMapOption', () => {
	const option = regionMapOption(regionRows, 'test-nmg');
	const [map] = seriesOf<MapSeriesOption>(option);
	const item = (name: string) =>
		map?.data?.find(
			(d) => typeof d === 'object' && d !== null && 'name' in d && d.name === name
		) as { value: number | string; itemStyle?: { areaColor?: string } } | undefined;

	it('colours regions by coverage ×100, with no-denominator regions grey', () => {
		expect(map?.map).toBe('test-nmg');
		expect(item('包头市')?.value).toBe(30);
		expect(item('乌海市')?.value).toBe(5);
		expect(item('阿拉善盟')).toEqual({
			name: '阿拉善盟',
			value: '-',
			itemStyle: { areaColor: NO_DATA_GREY }
		});
		const visualMap = option.visualMap as { inRange: { color: string[] } };
		expect(visualMap.inRange.color).toEqual(BLUES);
	});

	it('tooltips coverage, numerator / denominator, tiers, or 无基数', () => {
		const tip = tooltipOf(option);
		const baotou = tip({ name: '包头市' });
		expect(baotou).toContain('覆盖率：30.0%');
		expect(baotou).toContain('60家 / 规上工业企业 200家');
		expect(baotou).toContain('先进级 2家');
		expect(tip({ name: '阿拉善盟' })).toContain('无基数');
	});

	it('renders on a registered map, the no-denominator region grey', () => {
		const features = regions.map((r, i) => ({
			type: 'Feature' as const,
			properties: { name: r.name },
			geometry: {
				type: 'Polygon' as const,
				coordinates: [
					[
						[100 + (i % 4) * 5, 40 + Math.floor(i / 4) * 5],
						[104 + (i % 4) * 5, 40 + Math.floor(i / 4) * 5],
						[104 + (i % 4) * 5, 44 + Math.floor(i / 4) * 5],
						[100 + (i % 4) * 5, 44 + Math.floor(i / 4) * 5],
						[100 + (i % 4) * 5, 40 + Math.floor(i / 4) * 5]
					]
				]
			}
		}));
		echarts.registerMap('test-nmg', { type: 'FeatureCollection', features } as never);
		const svg = render(option);
		expect(svg).toContain('无基数');
		expect(svg).toContain('30.0%');
		expect(svg.toLowerCase()).toContain(`fill="${NO_DATA_GREY}"`);
	});
});

describe('tierCountsOption', () => {
	const option = tierCountsOption(tiersOf(500, 37, 4, 1), targets);
	const series = seriesOf<BarSeriesOption>(option);

	it('sets 先进级, 卓越级, 领航级 against 100 / 10 / 3 in tier colours', () => {
		const targetBars = series.filter((s) => s.name === '目标');
		expect(targetBars.map((s) => s.data)).toEqual([[100], [10], [3]]);
		expect(series.filter((s) => s.name === '现有').map((s) => s.data)).toEqual([[37], [4], [1]]);
		expect(series.map((s) => s.itemStyle?.color)).toEqual(
			[TIER_COLORS.advanced, TIER_COLORS.excellent, TIER_COLORS.leading].flatMap((c) => [c, c])
		);
		expect(targetBars.every((s) => s.itemStyle?.opacity === 0.25)).toBe(true);
	});

	it('renders the counts with their targets', () => {
		const svg = render(option);
		expect(svg).toContain('37家（目标100家以上）');
		expect(svg).toContain('领航级');
		expect(tooltipOf(option)({ seriesIndex: 3 })).toContain('2027年目标：10家左右');
	});
});

describe('scenario charts', () => {
	const tierColumns = ['基础级', '先进级', '卓越级', '领航级'].map((label, i) => ({
		key: String(i + 1),
		label
	}));
	const cells: ScenarioCell[] = [
		{ scenario: 2, column: '1', count: 3, total: 40, share: 0.075 },
		{ scenario: 14, column: '2', count: 12, total: 40, share: 0.3 }
	];
	const option = scenarioHeatmapOption(cells, tierColumns, 'tier');
	const labels = axis(option.yAxis).data;
	const cellAt = (no: number, column: number) => ({
		value: [column, labels.findIndex((l) => l.startsWith(`${no} `)), 0]
	});

	it('orders the 40 scenarios by 环节, link and number', () => {
		expect(labels).toHaveLength(40);
		expect(labels.slice(0, 6)).toEqual([
			'1 工厂数字化设计与交付',
			'2 数字孪生工厂运营优化',
			'31 先进工业网络应用',
			'32 工业信息安全管理',
			'33 工厂数据资源管理',
			'3 产品数字化研发设计'
		]);
		expect(labels).toContain('14 在线智能检测');
		const [heat] = seriesOf<HeatmapSeriesOption>(option);
		expect(heat?.data).toContainEqual([1, labels.indexOf('14 在线智能检测'), 30]);
	});

	it("quotes 附件4's description, its “/” and its missing cell", () => {
		const tip = tooltipOf(option);
		expect(tip(cellAt(2, 0))).toContain('附件4为“/”：本层级无此场景描述');
		expect(tip(cellAt(2, 0))).toContain('3 / 40 份申报（7.5%）');
		expect(tip(cellAt(14, 1))).toContain('附件4（先进级）：');
		const missing = scenarios.find((s) => s.descriptions.leading.kind === 'missing');
		expect(missing).toBeDefined();
		const withMissing = scenarioHeatmapOption(
			[{ scenario: missing?.no ?? 0, column: '4', count: 1, total: 2, share: 0.5 }],
			tierColumns,
			'tier'
		);
		expect(tooltipOf(withMissing)(cellAt(missing?.no ?? 0, 3))).toContain('附件4原文缺失此格');
	});

	it('escapes scenario names, descriptions and column labels in the tooltip', () => {
		const scenario = scenarios.find((s) => s.no === 14);
		if (!scenario) throw new Error('no scenario 14');
		const saved = { name: scenario.name, advanced: scenario.descriptions.advanced };
		scenario.name = '<script>alert(1)</script>';
		scenario.descriptions.advanced = { kind: 'text', text: '<img src=x onerror=alert(2)>' };
		try {
			const columns = tierColumns.map((c) => ({ ...c, label: `<b>${c.label}</b>` }));
			const html = tooltipOf(scenarioHeatmapOption(cells, columns, 'tier'))(cellAt(14, 1));
			expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
			expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
			expect(html).toContain('&lt;b&gt;先进级&lt;/b&gt;');
			expect(html).not.toMatch(/<script|<img|<b>先进级/);
		} finally {
			scenario.name = saved.name;
			scenario.descriptions.advanced = saved.advanced;
		}
	});

	it('renders by region and by tier', () => {
		const regionColumns = regions.map((r) => ({ key: r.code, label: r.shortName }));
		const byRegion = scenarioHeatmapOption(
			[{ scenario: 1, column: '150200', count: 1, total: 4, share: 0.25 }],
			regionColumns,
			'region'
		);
		expect(tooltipOf(byRegion)({ value: [1, 0, 25] })).toContain('1 / 4 份申报（25.0%）');
		expect(render(byRegion, 900, 1000)).toContain('锡林郭勒');
		const svg = render(option, 900, 1000);
		expect(svg).toContain('1 工厂数字化设计与交付');
		expect(svg).toContain('30.0');
	});
});

describe('assessment charts', () => {
	it('maps mean levels of indicators × groups on a 1–6 scale', () => {
		const groups = [
			{ key: '150100', label: '呼和浩特' },
			{ key: '150200', label: '包头' }
		];
		const option = indicatorMeansOption(
			[
				{ indicator: 'rd_design', group: '150200', mean: 3.25, declarations: 8 },
				{ indicator: 'supply_chain', group: '150100', mean: null, declarations: 0 }
			],
			groups
		);
		const visualMap = option.visualMap as { min: number; max: number };
		expect([visualMap.min, visualMap.max]).toEqual([1, 6]);
		expect(seriesOf<HeatmapSeriesOption>(option)[0]?.data).toEqual([[1, 0, 3.25]]);
		expect(tooltipOf(option)({ value: [1, 0, 3.25] })).toContain('平均等级：3.3级（8份申报）');
		expect(render(option)).toContain('包头');
	});

	it('crosses declared tier with GB/T 39116 levels 一级（规划级）… 五级（引领级）', () => {
		const option = maturityByTierOption([
			{ tier: 2, maturity: 2, count: 6 },
			{ tier: 2, maturity: 3, count: 2 },
			{ tier: 1, maturity: 0, count: 5 }
		]);
		const rows = axis(option.yAxis).data;
		expect(rows).toEqual([
			'未填报',
			'一级（规划级）',
			'二级（规范级）',
			'三级（集成级）',
			'四级（优化级）',
			'五级（引领级）'
		]);
		expect(axis(option.xAxis).data).toEqual(['基础级', '先进级', '卓越级', '领航级']);
		expect(tooltipOf(option)({ value: [1, 2, 6] })).toContain('6份申报（占该层级75.0%）');
		expect(render(option)).toContain('二级（规范级）');
	});
});

describe('every option', () => {
	it('has aria text, no animation and projector-sized axis labels', () => {
		const options = [
			regionRankingOption(regionRows, 0.25),
			regionMapOption(regionRows, 'test-nmg'),
			tierCountsOption(tiersOf(0), targets),
			scenarioHeatmapOption([], [], 'region'),
			indicatorMeansOption([], []),
			maturityByTierOption([])
		];
		for (const option of options) {
			expect(option.animation).toBe(false);
			const aria = option.aria as { enabled: boolean; label: { description: string } };
			expect(aria.enabled).toBe(true);
			expect(aria.label.description).toMatch(/[\u4e00-\u9fa5]/);
			const axes = [option.xAxis, option.yAxis].flat().filter(Boolean) as {
				axisLabel: { fontSize: number };
			}[];
			for (const a of axes) expect(a.axisLabel.fontSize).toBeGreaterThanOrEqual(12);
			render(option);
		}
	});
});

describe('prerendered charts as images', () => {
	it('survive the URL parser whole: every character of the SVG comes back', () => {
		const svg = renderChartSvg(regionRankingOption(regionRows, 0.25), 640, 360);
		// A chart with the characters a URL would misread: a fragment mark, a percent sign, breaks.
		const tricky = svg.replace('</svg>', '<text>#1 50%\n\t达标\r</text></svg>');
		const url = new URL(svgDataUrl(tricky));
		expect(url.protocol).toBe('data:');
		expect(url.hash).toBe('');
		const [type, body = ''] = url.pathname.split(/,(.*)/s);
		expect(type).toBe('image/svg+xml;charset=utf-8');
		expect(decodeURIComponent(body)).toBe(tricky);
		expect(decodeURIComponent(body)).toContain('目标25%');
	});
});
