/**
 * Small random data sets for the cube-vs-oracle tests: a fixed seed gives the same files. They
 * carry what the hand-made fixtures have few of — enterprises declaring again a year later (an
 * upgrade, a move to another 盟市 or 行业), rejections, pending and recommended declarations,
 * non-规上 enterprises, 盟市 without declarations, a baseline with and without industry rows
 * and years without one, prior titles and 盟市目标 (some for 盟市 with nothing).
 */
import { industryDivisions, regions, scenarios } from '../../src/lib/domain/catalogue';

function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const TIERS = ['基础级', '先进级', '卓越级', '领航级'];
const TITLES = ['国家智能制造示范工厂揭榜单位', '自治区智能工厂', '自治区数字化车间'];

/** The CSV files of one random data set. */
export function randomDataSet(seed: number): { name: string; bytes: Uint8Array }[] {
	const random = mulberry32(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
	const between = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
	// A few 盟市 and 行业 only, so slices have several rows and some 盟市 have none.
	const places = regions.slice(0, between(3, 8));
	const industries = industryDivisions.slice(0, between(2, 6));
	const years = [2024, 2025, 2026].slice(between(0, 1));
	const declarations: string[] = [];
	const scenarioRows: string[] = [];
	let next = 1;
	const enterprises = between(8, 30);
	for (let e = 1; e <= enterprises; e++) {
		let region = pick(places).code;
		let industry = pick(industries).code;
		const aboveScale = random() < 0.8 ? '是' : '否';
		const title = random() < 0.2 ? pick(TITLES) : '';
		let rank = 1;
		for (const year of years) {
			if (random() < 0.35) continue;
			if (random() < 0.15) region = pick(places).code;
			if (random() < 0.1) industry = pick(industries).code;
			rank = Math.min(4, rank + (random() < 0.3 ? 1 : 0));
			const status = pick([
				'已认定',
				'已认定',
				'未通过',
				'审核中',
				...(rank >= 3 ? ['已推荐'] : [])
			]);
			const awarded = status === '已认定' ? TIERS[between(1, rank) - 1] : '';
			const id = `R${seed}-${next++}`;
			const maturity = rank >= 2 ? String(between(rank, 5)) : random() < 0.5 ? '' : '2';
			const levels = Array.from({ length: 9 }, () =>
				random() < 0.15 ? '' : random() < 0.1 ? '不涉及' : String(between(1, 6))
			);
			declarations.push(
				[
					id,
					`E${seed}-${e}`,
					year,
					region,
					industry,
					aboveScale,
					TIERS[rank - 1],
					status,
					awarded,
					maturity,
					...levels,
					random() < 0.5 ? '' : title
				].join(',')
			);
			for (let s = 0, n = between(0, 12); s < n; s++) {
				scenarioRows.push(`${id},${pick(scenarios).no},${TIERS[between(1, rank) - 1]}`);
			}
		}
	}
	const baseline = ['年度,盟市,行业代码,规上工业企业数'];
	for (const year of years.slice(random() < 0.3 ? 1 : 0)) {
		for (const place of places) {
			if (random() < 0.2) continue;
			if (random() < 0.5) baseline.push(`${year},${place.code},,${between(5, 40)}`);
			else
				for (const i of industries)
					baseline.push(`${year},${place.code},${i.code},${between(1, 15)}`);
		}
		if (random() < 0.5) baseline.push(`${year},全区,,${between(150, 400)}`);
	}
	const targets = ['盟市,指标,目标年度,目标值'];
	for (const place of regions.filter(() => random() < 0.3)) {
		targets.push(
			`${place.code},${pick(['先进级', '基础级新建', '卓越级', '领航级'])},2027,${between(1, 9)}`
		);
		if (random() < 0.5) targets.push(`${place.code},覆盖率,2027,${between(10, 40)}%`);
	}
	const header =
		'申报编号,企业编码,申报年度,盟市,行业代码,规上企业,申报层级,审核状态,认定层级,成熟度等级,' +
		'研发设计数字化水平,生产作业数字化水平,生产管理数字化水平,经营管理数字化水平,营销服务数字化水平,' +
		'产业链供应链协同数字化水平,网络与安全,数据要素,组织战略人才,既有称号';
	const file = (name: string, lines: string[]) => ({
		name,
		bytes: new TextEncoder().encode(lines.join('\n') + '\n')
	});
	return [
		file('申报明细.csv', [header, ...declarations]),
		file('建设场景明细.csv', ['申报编号,场景,场景层级', ...scenarioRows]),
		file('规上工业企业基数.csv', baseline),
		...(targets.length > 1 ? [file('盟市目标.csv', targets)] : [])
	];
}
