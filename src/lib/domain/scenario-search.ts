/**
 * Browsing the 40 scenarios: grouping by 附件1 link or by 附件2 环节, and name search.
 * Pure; used by the 政策与场景 page.
 */
import { links, scenarios, segmentMapping, type Scenario } from './catalogue';
import { normalizeKey } from './text';

export type ScenarioGrouping = 'link' | 'segment';

export interface ScenarioGroup {
	key: string;
	title: string;
	/** What the group holds, e.g. the links a 环节 spans. */
	subtitle: string;
	scenarios: Scenario[];
}

/** True when the query (folded like every resolver) occurs in either spelling or is the number. */
export function matchesScenario(scenario: Scenario, query: string): boolean {
	const key = normalizeKey(query);
	if (key === '') return true;
	if (/^\d+$/.test(key)) return Number(key) === scenario.no;
	return [scenario.name, scenario.annex4.name, scenario.link].some((text) =>
		normalizeKey(text).includes(key)
	);
}

/** The scenarios matching `query`, in groups; empty groups are left out. */
export function groupScenarios(grouping: ScenarioGrouping, query = ''): ScenarioGroup[] {
	const matching = scenarios.filter((s) => matchesScenario(s, query));
	const groups: ScenarioGroup[] =
		grouping === 'link'
			? links.map((link) => ({
					key: `link-${link.no}`,
					title: `${link.no}. ${link.name}`,
					subtitle: link.annex4Name ? `附件4称“${link.annex4Name}”` : '',
					scenarios: matching.filter((s) => s.linkNo === link.no)
				}))
			: segmentMapping.segments.map((segment) => ({
					key: `segment-${segment.name}`,
					title: segment.name,
					subtitle: `含链节：${segment.links.join('、')}${segment.scenarios.some((n) => n >= 34) ? '、多环节模式创新（部分）' : ''}`,
					scenarios: matching.filter((s) => s.segment === segment.name)
				}));
	return groups.filter((g) => g.scenarios.length > 0);
}
