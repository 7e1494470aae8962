/**
 * The report's wording, case by case, on hand-made published figures: the period as the data's
 * date has it, zero and one said as a reader says them, hidden counts never given away, and the
 * key table's columns holding what their headings say.
 */
import { describe, expect, it } from 'vitest';
import type { Disclosed } from '../../src/lib/report/disclosure';
import { keyTable, type KeyTableInput } from '../../src/lib/report/key-table';
import type { HeadlineFigures, PublishedRegionRow } from '../../src/lib/report/model';
import {
	regionsReachingText,
	reportNarrative,
	type NarrativeScope
} from '../../src/lib/report/narrative';
import { chinaDate, ISSUER, reportPeriod } from '../../src/lib/report/period';

const rule = { minCount: 3 };
const AS_OF = '2026-12-02T01:30:00.000Z';
const open = reportPeriod(2026, AS_OF);
const closed = reportPeriod(2025, AS_OF);
const REGION: NarrativeScope = { name: '全区', regionWide: true };
const BAOTOU: NarrativeScope = { name: '包头市', regionWide: false };

const shown = (value: number): Disclosed => ({ kind: 'shown', value });
const primary: Disclosed = { kind: 'primary' };
const secondary: Disclosed = { kind: 'secondary' };

/** A published row: the sample's 2026 全区 figures unless told otherwise. */
function row(over: Partial<PublishedRegionRow> = {}): PublishedRegionRow {
	const covered = over.covered ?? shown(501);
	const denominator = over.denominator === undefined ? 4080 : over.denominator;
	return {
		code: '150000',
		name: '全区',
		shortName: '全区',
		denominator,
		covered,
		rate:
			denominator === null
				? { kind: 'none' }
				: covered.kind === 'shown'
					? { kind: 'shown', rate: covered.value / denominator }
					: { kind: 'hidden' },
		tiers: { basic: shown(375), advanced: shown(134), excellent: shown(5), leading: shown(6) },
		startsDeclared: shown(315),
		startsAwarded: shown(240),
		declarations: shown(450),
		...over
	};
}

function headline(over: Partial<HeadlineFigures> = {}, year = 2026): HeadlineFigures {
	const current = over.row ?? row();
	const previous = over.previous === undefined ? row({ covered: shown(261) }) : over.previous;
	const rate = current.rate.kind === 'shown' ? current.rate.rate : null;
	const before = previous?.rate.kind === 'shown' ? previous.rate.rate : null;
	return {
		year,
		row: current,
		previous,
		change: rate !== null && before !== null ? rate - before : null,
		gap: rate === null ? null : Math.max(0, 0.25 - rate),
		pathRate: year <= 2027 ? (0.25 * (year - 2024)) / 3 : null,
		projectedRate: rate === null ? null : (rate * 3) / (year - 2024),
		...over
	};
}

const text = (h: HeadlineFigures, scope = REGION, period = open) =>
	reportNarrative(h, scope, rule, period).join('\n');

describe('the period follows the data date', () => {
	it('a year not over is "截至2026年12月2日", never 年底', () => {
		expect(open.stock).toBe('截至2026年12月2日');
		expect(open.flow).toBe('2026年（截至12月2日）');
		expect(open.dateText).toBe('2026年12月2日');
		expect(open.closed).toBe(false);
		const t = text(headline());
		expect(t).toMatch(/^截至2026年12月2日，全区基础级及以上智能工厂覆盖规上工业企业501家/);
		expect(t).toContain('2026年（截至12月2日），全区开展基础级智能工厂建设的企业315家');
		expect(t).not.toContain('截至2026年底');
		expect(t).toContain('目前低于路径');
	});

	it('a year over before the data was read is 年底', () => {
		expect(closed.stock).toBe('截至2025年底');
		expect(closed.flow).toBe('2025年');
		expect(closed.within).toBeNull();
		const t = text(headline({}, 2025), REGION, closed);
		expect(t).toMatch(/^截至2025年底，全区/);
		expect(t).toContain('2025年，全区开展基础级智能工厂建设');
		expect(t).toContain('实际');
		expect(t).not.toContain('截至12月');
	});

	it('dates are China Standard Time', () => {
		expect(chinaDate('2026-12-02T01:30:00.000Z')).toEqual({ year: 2026, month: 12, day: 2 });
		// 20:00 UTC on 1 December is 04:00 on 2 December in Hohhot.
		expect(chinaDate('2026-12-01T20:00:00Z')).toEqual({ year: 2026, month: 12, day: 2 });
		// Read in the small hours of New Year's Day: 2026 is over.
		expect(reportPeriod(2026, '2026-12-31T17:00:00Z').stock).toBe('截至2026年底');
		expect(chinaDate('2026-12-02')).toEqual({ year: 2026, month: 12, day: 2 });
		expect(() => chinaDate('not a date')).toThrow();
	});

	it('the issuing body is the plan’s', () => {
		expect(ISSUER).toBe('内蒙古自治区工业和信息化厅');
	});
});

describe('盟市 reaching the target', () => {
	it('none: "尚无盟市…", never "0个已达到"', () => {
		const t = regionsReachingText({ rated: 12, reached: 0, regions: 12 });
		expect(t).toBe('尚无盟市覆盖率达到25.0%。');
		expect(regionsReachingText({ rated: 10, reached: 0, regions: 12 }), 'some rates hidden').toBe(
			'在公布覆盖率的10个盟市中，尚无盟市达到25.0%。'
		);
	});

	it('one, some and all', () => {
		expect(regionsReachingText({ rated: 12, reached: 1, regions: 12 })).toBe(
			'12个盟市中，1个覆盖率已达到25.0%。'
		);
		expect(regionsReachingText({ rated: 9, reached: 4, regions: 12 })).toBe(
			'在公布覆盖率的9个盟市中，4个已达到25.0%。'
		);
		expect(regionsReachingText({ rated: 12, reached: 12, regions: 12 })).toBe(
			'12个盟市覆盖率均已达到25.0%。'
		);
		expect(regionsReachingText({ rated: 7, reached: 7, regions: 12 })).toBe(
			'公布覆盖率的7个盟市均已达到25.0%。'
		);
	});

	it('a single 盟市 with a rate, and none', () => {
		expect(regionsReachingText({ rated: 1, reached: 0, regions: 12 })).toBe(
			'公布覆盖率的盟市只有1个，尚未达到25.0%。'
		);
		expect(regionsReachingText({ rated: 1, reached: 1, regions: 12 })).toBe(
			'公布覆盖率的盟市只有1个，已达到25.0%。'
		);
		expect(regionsReachingText({ rated: 0, reached: 0, regions: 12 })).toBe(
			'各盟市覆盖率均未公布，不作盟市比较。'
		);
	});

	it('is the region-wide narrative’s last paragraph', () => {
		const paragraphs = reportNarrative(headline(), REGION, rule, open, {
			rated: 12,
			reached: 0,
			regions: 12
		});
		expect(paragraphs.at(-1)).toBe('尚无盟市覆盖率达到25.0%。');
	});
});

describe('hidden counts stay hidden', () => {
	it('coverage under k: "少于3家", the rate not published, for want of enterprises', () => {
		const t = text(headline({ row: row({ covered: primary }) }));
		expect(t).toContain('覆盖规上工业企业少于3家，因涉及企业较少，覆盖率不予公布。');
		expect(t).not.toMatch(/覆盖率为|较上年|尚差/);
	});

	it('coverage hidden as "×": said to be unpublished, with no number and no reason of size', () => {
		const t = text(headline({ row: row({ covered: secondary }) }));
		expect(t).toContain('覆盖的规上工业企业数不予公布，覆盖率不予公布。');
		expect(t).not.toContain('较少');
		expect(t).not.toContain('若干');
	});

	it('tier, start and award counts hidden', () => {
		const t = text(
			headline({
				row: row({
					startsDeclared: primary,
					startsAwarded: primary,
					tiers: { basic: shown(375), advanced: secondary, excellent: primary, leading: primary }
				})
			})
		);
		expect(t).toContain(
			'开展基础级智能工厂建设的企业少于3家（计划每年300家），其中已认定少于3家。'
		);
		expect(t).toContain('有先进级智能工厂数量不予公布、卓越级少于3家、领航级少于3家');
		const secondaryStarts = text(
			headline({ row: row({ startsDeclared: secondary, startsAwarded: secondary }) })
		);
		expect(secondaryStarts).toContain(
			'开展基础级智能工厂建设的企业数不予公布（计划每年300家），其中已认定的企业数不予公布。'
		);
	});
});

describe('zero, no baseline, no previous year', () => {
	it('no baseline: the rate cannot be worked out', () => {
		const t = text(headline({ row: row({ denominator: null }), previous: null }));
		expect(t).toContain('覆盖规上工业企业501家；缺少规上工业企业基数，覆盖率无法计算。');
		expect(t).not.toContain('计划路径');
	});

	it('no previous year: no comparison at all', () => {
		const t = text(headline({ previous: null }));
		expect(t).not.toContain('上年');
		expect(t).toContain('覆盖率为12.3%，距行动计划2027年底25.0%的目标尚差12.7个百分点。');
	});

	it('last year’s rate hidden or without a baseline: said, not compared', () => {
		expect(text(headline({ previous: row({ covered: primary }) }))).toContain(
			'覆盖率为12.3%（上年覆盖率未公布，不作比较）'
		);
		expect(text(headline({ previous: row({ denominator: null }) }))).toContain(
			'（上年缺少基数，不作比较）'
		);
	});

	it('unchanged, on the path, the target reached', () => {
		const same = row({ covered: shown(1100) });
		const t = text(headline({ row: same, previous: same, pathRate: 1100 / 4080 }));
		expect(t).toContain('与上年持平');
		expect(t).toContain('已达到行动计划2027年底25.0%的目标。');
		expect(t).not.toContain('尚差');
		expect(t).toContain('目前与路径持平');
	});

	it('zero counts published (k = 1) read "尚无"/"尚未", never "0家"', () => {
		const none = row({
			covered: shown(0),
			startsDeclared: shown(0),
			startsAwarded: shown(0),
			tiers: { basic: shown(0), advanced: shown(0), excellent: shown(0), leading: shown(0) }
		});
		const t = reportNarrative(headline({ row: none }), REGION, { minCount: 1 }, open).join('');
		expect(t).toContain('全区基础级及以上智能工厂尚未覆盖任何规上工业企业，覆盖率为0.0%');
		expect(t).toContain(
			'2026年（截至12月2日），全区尚无企业开展基础级智能工厂建设（计划每年300家）。'
		);
		expect(t).toContain('截至2026年12月2日，全区尚无先进级、卓越级、领航级智能工厂（');
		expect(t).not.toMatch(/(^|[^\d.])0家/);

		const some = row({
			startsAwarded: shown(0),
			tiers: { basic: shown(9), advanced: shown(4), excellent: shown(1), leading: shown(0) }
		});
		const u = reportNarrative(headline({ row: some }), REGION, { minCount: 1 }, open).join('');
		expect(u).toContain('，尚无企业获认定。');
		expect(u).toContain('全区有先进级智能工厂4家、卓越级1家，尚无领航级（2027年底目标分别为');
		expect(u).not.toMatch(/(^|[^\d.])0家/);
	});
});

describe('a 盟市’s report', () => {
	it('names the 盟市 and never reads it against the plan’s targets, which are the region’s', () => {
		const t = text(
			headline({
				row: row({ code: '150200', name: '包头市', covered: shown(68) }),
				gap: null,
				pathRate: null,
				projectedRate: null
			}),
			BAOTOU
		);
		expect(t).toMatch(/^截至2026年12月2日，包头市基础级及以上智能工厂覆盖规上工业企业68家/);
		expect(t).not.toContain('300家');
		expect(t).not.toContain('100家以上');
		expect(t).not.toContain('25.0%');
		expect(t).not.toContain('路径');
	});
});

describe('the key table', () => {
	function report(h: HeadlineFigures, region: string | null = null): KeyTableInput {
		return {
			year: h.year,
			region,
			rule,
			period: reportPeriod(h.year, AS_OF),
			source: { source: 'sample', asOf: AS_OF, files: [] },
			headline: h,
			regionTargets: []
		};
	}
	const cells = (t: ReturnType<typeof keyTable>, figure: string) =>
		t.rows.find((r) => r.figure === figure)!;

	it('the target column holds the plan’s targets, the projection a row of its own', () => {
		const h = headline();
		const t = keyTable(report(h));
		expect(t.columns.map((c) => c.text)).toEqual([
			'指标',
			'2026年',
			'2025年',
			'较上年',
			'计划目标',
			'差距'
		]);
		expect(t.columns[1]!.note).toBe('截至12月2日');
		expect(t.columns[2]!.note).toBeNull();
		const projection = cells(t, 'projection');
		expect(projection.label).toBe('按当前进度预计（2027年底）');
		expect(projection.current).toBe('18.4%');
		expect(projection.gap).toBe('预计尚差6.6个百分点');
		// No target cell holds the projection or the path; each is one of the plan's.
		const targets = t.rows.map((r) => r.target).filter((x) => x !== '—');
		expect(targets.sort()).toEqual(
			['25.0%左右', '25.0%左右', '每年300家', '100家以上', '10家左右', '3家以上'].sort()
		);
		expect(cells(t, 'path').target).toBe('—');
		expect(cells(t, 'path').gap).toBe('目前低于路径4.4个百分点');
		expect(cells(t, 'coverage').gap).toBe('距目标尚差12.7个百分点');
		expect(cells(t, 'excellent').gap).toBe('距目标尚差5家');
		expect(cells(t, 'advanced').gap).toBe('已达到');
		expect(cells(t, 'covered').change).toBe('+240');
	});

	it('hidden counts give no change and no gap', () => {
		const h = headline({
			row: row({
				tiers: { basic: shown(375), advanced: secondary, excellent: primary, leading: shown(6) }
			}),
			previous: row({
				tiers: { basic: shown(200), advanced: shown(57), excellent: shown(5), leading: primary }
			})
		});
		const t = keyTable(report(h));
		for (const figure of ['advanced', 'excellent', 'leading']) {
			expect(cells(t, figure).change, figure).toBe('—');
		}
		expect(cells(t, 'advanced').gap).toBe('—');
		expect(cells(t, 'excellent').current).toBe('<3');
		expect(cells(t, 'advanced').current).toBe('×');
	});

	it('a 盟市: its own targets only, never the region’s; no projection past 2027', () => {
		const baotou = headline({ gap: null, pathRate: null, projectedRate: null });
		const t = keyTable(report(baotou, '150200'));
		expect(t.columns[4]).toEqual({ text: '盟市目标', note: null });
		// Without a 盟市目标 file: no target, no gap, no path and no projection against 25%.
		expect(t.rows.map((r) => r.target).every((x) => x === '—')).toBe(true);
		expect(cells(t, 'advanced').gap).toBe('—');
		expect(cells(t, 'starts').gap).toBe('—');
		expect(t.rows.some((r) => r.figure === 'projection' || r.figure === 'path')).toBe(false);
		// With its own targets: read against them.
		const own = keyTable({
			...report(baotou, '150200'),
			regionTargets: [
				{
					code: '150200',
					name: '包头市',
					metric: 'advanced',
					targetYear: 2027,
					target: 200,
					actual: { kind: 'shown', value: 134 }
				},
				{
					code: '150200',
					name: '包头市',
					metric: 'coverage',
					targetYear: 2027,
					target: 0.3,
					actual: { kind: 'shown', value: 0.123 }
				}
			]
		});
		expect(cells(own, 'advanced').target).toBe('200家以上');
		expect(cells(own, 'advanced').gap).toBe('距目标尚差66家');
		expect(cells(own, 'coverage').target).toBe('30.0%');
		expect(cells(own, 'coverage').targetDue).toBe('2027年底');
		expect(cells(own, 'excellent').target).toBe('—');
		const late = keyTable(report(headline({}, 2027)));
		expect(late.rows.some((r) => r.figure === 'projection')).toBe(false);
	});
});
