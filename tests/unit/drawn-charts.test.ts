/**
 * The bar and line charts Svelte draws (charts/drawn.ts): their models from the figures, and
 * where their marks go.
 */
import { describe, expect, it } from 'vitest';
import { LEVEL_INDICATORS, indicatorDistributionBars } from '../../src/lib/charts/assessment';
import { NO_DATA_GREY, RATE_BLUE, BLUES } from '../../src/lib/charts/common';
import {
	barBlocks,
	barPaths,
	BAR_ROWS_PER_BLOCK,
	barsLayout,
	MAX_BAR_BLOCKS,
	placedBars,
	fitText,
	lineLayout,
	linePath,
	textWidth,
	valueAxis,
	type BarsModel
} from '../../src/lib/charts/drawn';
import { industryCoverageBars, industryTierMixBars } from '../../src/lib/charts/industries';
import { scenarioShortfallBars } from '../../src/lib/charts/scenarios';
import { coverageTrendLines, planTrendOf } from '../../src/lib/charts/trend';
import type { IndustryRow, TierCounts, TrendPoint } from '../../src/lib/figures/types';
import { TIER_COLORS } from '../../src/lib/theme';

const coverage = (numerator: number, denominator: number | null) => ({
	numerator,
	denominator,
	rate: denominator ? numerator / denominator : null
});
const tiersOf = (basic: number, advanced = 0, excellent = 0, leading = 0): TierCounts => ({
	basic,
	advanced,
	excellent,
	leading
});
const point = (year: number, numerator: number, denominator: number): TrendPoint => ({
	year,
	coverage: coverage(numerator, denominator),
	tiers: tiersOf(numerator),
	basicStarts: { declared: 0, awarded: 0 }
});

describe('coverageTrendLines', () => {
	// The plan read against 2025's 8.0% (no 2024 in the data: the path starts at 0).
	const plan2025 = planTrendOf([{ year: 2025, rate: 0.08 }], 2025);
	const model = coverageTrendLines([point(2025, 80, 1000)], plan2025);
	const [actual, path, pace] = model.series;

	it('has every year from 2024 to 2027 and the straight path from 0 to 25', () => {
		expect(model.categories).toEqual(['2024年', '2025年', '2026年', '2027年']);
		expect(path?.values[0]).toBe(0);
		expect(path?.values[3]).toBe(25);
		expect(path?.dash).toBe('dashed');
		expect(actual?.values).toEqual([null, 8, null, null]);
		expect(actual?.labels).toEqual([null, '8.0%', null, null]);
	});

	it('marks the target at 25, projects the pace to 2027 and says what each year is made of', () => {
		expect(model.reference).toEqual({ value: 25, label: '目标25%' });
		expect(pace?.connect).toBe(true);
		expect(pace?.labels.at(-1)).toMatch(/^约\d+\.\d%$/);
		expect(model.detail[1]).toContain('覆盖率：8.0%（80家 / 1000家）');
		expect(model.axis.max).toBeGreaterThanOrEqual(25);
		expect(model.legend.map((l) => l.name)).toEqual(['覆盖率', '目标路径', '按当前进度']);
	});

	it('from a higher tier (a 层级 filter): no path and no target, said so', () => {
		const advanced = coverageTrendLines([point(2025, 30, 1000)], plan2025, '先进级');
		expect(advanced.series.map((s) => s.name)).toEqual(['覆盖率']);
		expect(advanced.series[0]?.values).toEqual([null, 3, null, null]);
		expect(advanced.description).toContain('先进级及以上');
		expect(advanced.description).not.toContain('目标路径');
		expect(advanced.detail.flat().join()).not.toContain('目标路径');
		expect(advanced.reference).toBeNull();
	});
});

describe('industry bars', () => {
	const industry = (code: string, name: string, n: number, d: number | null): IndustryRow => ({
		code,
		section: 'C',
		name,
		coverage: coverage(n, d),
		tiers: tiersOf(n, Math.floor(n / 2), 1, 0)
	});
	const rows = [
		industry('13', '农副食品加工业', 10, 100),
		industry('26', '化学原料和化学制品制造业', 30, 100),
		industry('32', '有色金属冶炼和压延加工业', 20, null),
		industry('16', '烟草制品业', 2, 9),
		...Array.from({ length: 20 }, (_, i) => industry(String(40 + i), `行业${i}`, i, 100))
	];

	it('ranks coverage (rows with a rate only), small bases lighter and marked, the 25% line', () => {
		const model = industryCoverageBars(rows, '基础级', 0.25);
		expect(model.rows[0]?.name).toBe('化学原料和化学制品制造业');
		expect(model.rows[0]?.note).toBe('30.0%（30/100家）');
		expect(model.rows.map((r) => r.name)).not.toContain('有色金属冶炼和压延加工业');
		const small = model.rows.find((r) => r.name === '烟草制品业');
		expect(small?.note).toBe('22.2%（2/9家，基数小）');
		expect(small?.segments[0]?.color).toBe(BLUES[3]);
		expect(model.rows[0]?.segments[0]?.color).toBe(RATE_BLUE);
		expect(model.reference).toEqual({ value: 25, label: '全区目标25%' });
	});

	it('names the tier coverage counts from, with no target above 基础级', () => {
		expect(industryCoverageBars(rows).description).toContain('基础级及以上');
		const advanced = industryCoverageBars(rows, '卓越级', 0.25);
		expect(advanced.description).toContain('各行业大类卓越级及以上');
		expect(advanced.rows[0]?.detail).toContain('达到卓越级及以上：30家 / 100家');
		expect(advanced.reference).toBeNull();
	});

	it('stacks the top 15 by tier in tier colours, totals beside', () => {
		const model = industryTierMixBars(rows);
		expect(model.rows).toHaveLength(15);
		expect(model.rows[0]?.name).toBe('化学原料和化学制品制造业');
		expect(model.rows[0]?.segments.map((s) => s.value)).toEqual([30, 15, 1, 0]);
		expect(model.rows[0]?.note).toBe('46');
		expect(model.legend.map((l) => l.name)).toEqual(['基础级', '先进级', '卓越级', '领航级']);
		expect(model.legend.map((l) => l.color)).toEqual(Object.values(TIER_COLORS));
		expect(model.axis.ticks.every((t) => Number.isInteger(t.value))).toBe(true);
	});
});

describe('scenario and assessment bars', () => {
	it('shows the top 10 shortfall scenarios, most first', () => {
		const rows = Array.from({ length: 14 }, (_, i) => ({ scenario: i + 1, count: i }));
		const model = scenarioShortfallBars(rows);
		expect(model.rows).toHaveLength(10);
		expect(model.rows[0]?.label).toBe('14 在线智能检测');
		expect(model.rows[0]?.segments[0]?.value).toBe(13);
	});

	it('splits each of the nine level indicators into 不涉及, 1级 … 6级 summing to 100%', () => {
		const counts = LEVEL_INDICATORS.flatMap((ind) =>
			[0, 1, 2, 3].map((level) => ({ indicator: ind.key, level, count: level + 1 }))
		);
		counts.push({ indicator: 'digital_investment', level: 1, count: 99 });
		const model = indicatorDistributionBars(counts);
		expect(model.rows).toHaveLength(9);
		expect(model.rows.map((r) => r.label)).not.toContain('数字化投入规模');
		expect(model.legend.map((l) => l.name)).toEqual([
			'不涉及',
			'1级',
			'2级',
			'3级',
			'4级',
			'5级',
			'6级'
		]);
		expect(model.rows[0]?.segments.map((s) => s.value)).toEqual([10, 20, 30, 40, 0, 0, 0]);
		expect(model.rows[0]?.segments[0]?.color).toBe(NO_DATA_GREY);
		// Shares of 8% and more are written in their segment.
		expect(model.rows[0]?.segments.map((s) => s.label ?? null)).toEqual([
			'10.0%',
			'20.0%',
			'30.0%',
			'40.0%',
			null,
			null,
			null
		]);
		expect(model.axis.max).toBe(100);
	});

	it('has a text alternative and an axis for no data at all', () => {
		for (const model of [
			industryCoverageBars([]),
			industryTierMixBars([]),
			scenarioShortfallBars([]),
			indicatorDistributionBars([]),
			coverageTrendLines([], planTrendOf([], 2025))
		]) {
			expect(model.description).toMatch(/[\u4e00-\u9fa5]/);
			expect(model.axis.max).toBeGreaterThan(0);
		}
	});
});

describe('geometry', () => {
	it('value axes end on a round tick that holds the largest value', () => {
		const percent = valueAxis(27.5, (v) => `${v}%`);
		expect(percent.ticks.map((t) => t.label)).toEqual(['0%', '10%', '20%', '30%']);
		expect(percent.max).toBe(30);
		const counts = valueAxis(3, String, true);
		expect(counts.ticks.map((t) => t.value)).toEqual([0, 1, 2, 3]);
		const large = valueAxis(12_345, String, true);
		expect(large.max).toBeGreaterThanOrEqual(12_345);
		expect(large.ticks.length).toBeLessThanOrEqual(8);
	});

	it('measures Chinese at a square a character and cuts long labels with …', () => {
		expect(textWidth('纺织业', 13)).toBe(39);
		expect(textWidth('25%', 10)).toBeLessThan(textWidth('二五%', 10));
		expect(fitText('计算机、通信和其他电子设备制造业', 100, 13)).toMatch(/^计算机、通信.*…$/);
		expect(textWidth(fitText('计算机、通信和其他电子设备制造业', 100, 13), 13)).toBeLessThanOrEqual(
			100
		);
		expect(fitText('纺织业', 100, 13)).toBe('纺织业');
	});

	it('stacks segments left to right in one path per colour, within the plot', () => {
		const model: BarsModel = {
			description: '测试',
			rows: [
				{
					name: 'a',
					label: '甲',
					segments: [
						{ name: 'x', value: 2, color: '#111111' },
						{ name: 'y', value: 3, color: '#222222' }
					],
					note: '5',
					detail: []
				},
				{
					name: 'b',
					label: '乙',
					segments: [
						{ name: 'x', value: 10, color: '#111111' },
						{ name: 'y', value: 0, color: '#222222' }
					],
					note: null,
					detail: []
				}
			],
			axis: valueAxis(10, String, true),
			legend: [],
			reference: null
		};
		const layout = barsLayout(model, 400, 200);
		const bars = placedBars(model, layout);
		const paths = barPaths(bars);
		expect(paths.map((p) => p.color)).toEqual(['#111111', '#222222']);
		// Two bars of the first colour, one of the second (a zero segment draws nothing).
		expect(paths[0]?.d.match(/M/g)).toHaveLength(2);
		expect(paths[1]?.d.match(/M/g)).toHaveLength(1);
		expect(layout.x(10)).toBeCloseTo(layout.right);
		expect(bars[0]?.noteX).toBeCloseTo(layout.x(5) + 6);
		expect(bars[1]!.y).toBeGreaterThan(bars[0]!.y);
		expect(bars[1]!.bandTop).toBeCloseTo(bars[0]!.bandTop + bars[0]!.bandHeight);
		expect(layout.right).toBeLessThanOrEqual(400);
		// A block of rows (the second on) draws them where the whole chart does.
		expect(barPaths(bars.slice(1))).toEqual([
			{ color: '#111111', d: `${paths[0]!.d.split('Z')[1]}Z` }
		]);
	});

	it('cuts a tall bar chart into blocks of rows, in order, the last taking the rest', () => {
		const rows = Array.from({ length: 100 }, (_, i) => ({
			name: String(i),
			label: String(i),
			segments: [],
			note: null,
			detail: []
		}));
		const blocks = barBlocks(rows);
		expect(blocks.flat()).toEqual(rows);
		expect(blocks).toHaveLength(MAX_BAR_BLOCKS);
		expect(blocks.slice(0, -1).every((b) => b.length === BAR_ROWS_PER_BLOCK)).toBe(true);
		expect(barBlocks(rows.slice(0, 12)).map((b) => b.length)).toEqual([BAR_ROWS_PER_BLOCK, 4]);
	});

	it('breaks a line at gaps, or joins across them when asked', () => {
		const model = coverageTrendLines(
			[point(2024, 10, 100), point(2026, 20, 100)],
			planTrendOf([{ year: 2026, rate: 0.2 }], 2026)
		);
		const layout = lineLayout(model, 600, 300);
		const actual = model.series[0]!;
		expect(linePath(actual, layout).match(/M/g)).toHaveLength(2);
		expect(linePath({ ...actual, connect: true }, layout).match(/M/g)).toHaveLength(1);
		expect(layout.y(0)).toBe(layout.bottom);
		expect(layout.x(0)).toBe(layout.left);
		expect(layout.right).toBeLessThan(600);
	});
});
