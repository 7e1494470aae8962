/** The sample's shape: volumes, shares and weights (scripts/make-sample.ts). */
import { indicators, type TierKey } from '../../src/lib/domain/catalogue';

// ── Weights and shares ────────────────────────────────────────────────────────────────

export const YEARS = [2025, 2026];
export const DECLARATIONS_PER_YEAR = [350, 450];
export const BASELINE_FIRST_YEAR = 4000;
export const BASELINE_GROWTH = 0.0375;
export const RETURNING_SHARE = 0.4;
export const UPGRADE_SHARE: Partial<Record<TierKey, number>> = { advanced: 0.2, excellent: 0.3 };
export const ABOVE_SCALE_SHARE = 0.97;
export const LOWER_AWARD_SHARE = 0.02;
export const FLAW_EVERY = 67;
export const SLASH_SHARE = 0.01;

export type Range = [number, number];
export type TierProfile = {
	mix: number;
	count: Range;
	maturity: Range;
	invest: Range;
	titled: number;
};
/** Per tier: % of declarations, scenarios, GB/T 39116 level, 投入（万元）, share with 既有称号. */
export const TIER_PROFILE: Record<TierKey, TierProfile> = {
	basic: { mix: 75, count: [5, 9], maturity: [1, 3], invest: [30, 600], titled: 0.005 },
	advanced: { mix: 20, count: [10, 14], maturity: [2, 4], invest: [300, 3000], titled: 0.35 },
	excellent: { mix: 4, count: [15, 20], maturity: [3, 5], invest: [1500, 12e3], titled: 0.3 },
	leading: { mix: 1, count: [20, 25], maturity: [4, 5], invest: [6000, 40e3], titled: 0.3 }
};
export type Weights = Record<string, number>;
export const REGIONAL_STATUS: Weights[] = [
	{ 已认定: 80, 未通过: 10, 审核中: 10 },
	{ 已认定: 75, 未通过: 10, 审核中: 15 }
];
export const NATIONAL_STATUS: Weights = { 已推荐: 45, 已认定: 35, 审核中: 20 };
export const STATUSES = ['已认定', '已推荐', '审核中', '未通过'];
export const PRIOR_TITLES: Weights = {
	国家智能制造示范工厂揭榜单位: 1,
	自治区智能工厂: 3,
	自治区数字化车间: 4
};
export const SIZES: Record<'national' | 'above' | 'below', Weights> = {
	national: { 大型: 7, 中型: 3 },
	above: { 大型: 10, 中型: 30, 小型: 55, 微型: 5 },
	below: { 小型: 6, 微型: 4 }
};

/** Region-wide weight of each 大类; the others get OTHER_INDUSTRY_WEIGHT. */
export const INDUSTRY_WEIGHTS: Weights = {
	...{ '06': 12, '08': 1.5, '09': 2, '10': 2, '13': 7, '14': 5, '15': 3, '17': 2, '18': 1.5 },
	...{ '22': 0.6, '25': 5, '26': 9, '27': 2.5, '29': 1.5, '30': 8, '31': 5, '32': 6, '33': 2 },
	...{ '34': 2, '35': 2.5, '38': 2.5, '39': 1, '44': 9, '45': 2, '46': 1.5 }
};
export const OTHER_INDUSTRY_WEIGHT = 0.3;
/** Per 盟市: its share of the region's 规上 enterprises, and multipliers for its specialities. */
export const REGION_PROFILE: Record<string, [number, Weights]> = {
	鄂尔多斯市: [15, { '06': 3, '25': 3, '26': 2.5, '17': 4, '18': 4, '44': 1.5 }],
	包头市: [15, { '31': 4, '32': 4, '34': 2, '35': 2, '36': 3, '37': 3, '38': 2, '06': 0.3 }],
	呼和浩特市: [12, { '13': 2, '14': 3, '15': 2, '27': 3, '39': 3, '06': 0.2 }],
	赤峰市: [12, { '09': 3, '32': 2, '13': 1.5, '27': 1.5 }],
	通辽市: [10, { '32': 2.5, '13': 2, '27': 2, '06': 1.5 }],
	乌海市: [6, { '25': 3, '26': 3, '30': 2, '06': 1.5 }],
	乌兰察布市: [7, { '31': 3, '44': 2, '30': 1.5 }],
	巴彦淖尔市: [7, { '13': 3, '14': 2.5, '15': 2, '09': 2 }],
	呼伦贝尔市: [7, { '13': 2.5, '14': 3, '15': 1.5, '06': 1.5, '20': 3 }],
	锡林郭勒盟: [4, { '06': 2, '44': 2, '13': 2, '14': 2 }],
	兴安盟: [3, { '13': 2.5, '15': 2, '26': 1.5 }],
	阿拉善盟: [2, { '26': 3, '10': 3, '12': 2 }]
};
export const COUNTIES: Record<string, string[]> = {
	呼和浩特市: ['新城区', '赛罕区', '托克托县', '土默特左旗', '和林格尔县'],
	包头市: ['昆都仑区', '青山区', '九原区', '石拐区', '土默特右旗', '达尔罕茂明安联合旗'],
	乌海市: ['海勃湾区', '海南区', '乌达区'],
	赤峰市: ['红山区', '元宝山区', '松山区', '克什克腾旗', '宁城县'],
	通辽市: ['科尔沁区', '霍林郭勒市', '开鲁县', '扎鲁特旗'],
	鄂尔多斯市: ['东胜区', '康巴什区', '准格尔旗', '伊金霍洛旗', '鄂托克旗', '达拉特旗'],
	呼伦贝尔市: ['海拉尔区', '满洲里市', '扎兰屯市', '牙克石市', '陈巴尔虎旗'],
	巴彦淖尔市: ['临河区', '五原县', '乌拉特前旗', '杭锦后旗'],
	乌兰察布市: ['集宁区', '丰镇市', '察哈尔右翼前旗', '卓资县'],
	兴安盟: ['乌兰浩特市', '科尔沁右翼前旗', '突泉县'],
	锡林郭勒盟: ['锡林浩特市', '二连浩特市', '多伦县', '西乌珠穆沁旗'],
	阿拉善盟: ['阿拉善左旗', '阿拉善右旗', '额济纳旗']
};

/** Each output file: its name, then its header in the contract's order. */
export const BASELINE_FILE = ['规上工业企业基数.csv', '年度', '盟市', '行业代码', '规上工业企业数'];
export const SCENARIO_FILE = ['建设场景明细.csv', '申报编号', '场景', '场景层级'];
export const DECLARATION_FILE = [
	...['申报明细.csv', '申报编号', '企业编码', '申报年度', '盟市', '旗县区', '行业代码'],
	...['企业规模', '规上企业', '申报层级', '审核状态', '认定层级', '成熟度等级'],
	...indicators.map((i) => (i.unit ? `${i.name}（${i.unit}）` : i.name)),
	'既有称号'
];
