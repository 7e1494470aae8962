/**
 * What makes a figure (drill-through, issue #21): the anonymised declarations behind a coverage,
 * a tier count, the starts, a declaration count or a scenario cell, under the same filters and
 * by the same definitions as the figure — the list has exactly as many rows as the figure counts
 * (tests/unit/drill.test.ts holds it so against the cube's figures). Enterprise figures list one
 * row per enterprise: the declaration that gave it its current tier. Pure.
 */
import type { DrillRows } from '../cube/drill';
import { ints, texts, textAt } from '../cube/table';
import { oncePerCube } from './columns';

/** The figure a user asks about. */
export type DrillTarget =
	/** Coverage's numerator: 规上 enterprises at `threshold` or above. */
	| {
			kind: 'covered';
			year: number;
			region: string | null;
			industry: string | null;
			threshold: number;
	  }
	/** A tier count: enterprises whose current tier is `tier` (规上 or not). */
	| { kind: 'tier'; year: number; region: string | null; industry: string | null; tier: number }
	/** Basic-level starts: enterprises declaring 基础级 in the year (awarded: of them, awarded). */
	| {
			kind: 'starts';
			year: number;
			region: string | null;
			industry: string | null;
			status: string | null;
			awarded: boolean;
	  }
	/** Declarations of the year (at a declared tier, of a status; only flagged / rejected ones). */
	| {
			kind: 'declarations';
			year: number;
			region: string | null;
			industry: string | null;
			tier: number | null;
			status: string | null;
			only?: 'flagged' | 'rejected';
	  }
	/** A scenario cell: declarations that built `scenario` with the rules counting `atOrAbove` or more. */
	| {
			kind: 'scenario';
			year: number;
			region: string | null;
			industry: string | null;
			tier: number | null;
			status: string | null;
			scenario: number;
			atOrAbove: number;
	  };

export interface DrillRow {
	declaration: string;
	enterprise: string;
	year: number;
	region: string;
	industry: string;
	aboveScale: boolean;
	declaredTier: number;
	/** 0: not awarded. */
	awardedTier: number;
	status: string;
	/** Declared or awarded above the eligible tier of 附件2. */
	flagged: boolean;
	/** null without a scenario file. */
	eligibleTier: number | null;
	/** The scenarios it built, with the best tier the rules count (0: none). */
	scenarios: { scenario: number; tier: number }[];
}

type Rows = ReturnType<typeof declarationRows>;

/** The declarations as objects, and by enterprise (once per set of rows). */
function declarationRows(drill: DrillRows) {
	const t = drill.tables.declarations;
	const year = ints(t, 'year');
	const [id, enterprise, region, industry, status, scenarios] = [
		'id',
		'enterprise',
		'region',
		'industry',
		'status',
		'scenarios'
	].map((name) => texts(t, name));
	const [aboveScale, tier, awarded, flagged, eligible] = [
		'above_scale',
		'tier',
		'awarded',
		'flagged',
		'eligible'
	].map((name) => ints(t, name));
	const rows: DrillRow[] = Array.from({ length: t.length }, (_, i) => ({
		declaration: textAt(id!, i) ?? '',
		enterprise: textAt(enterprise!, i) ?? '',
		year: year[i] ?? 0,
		region: textAt(region!, i) ?? '',
		industry: textAt(industry!, i) ?? '',
		aboveScale: aboveScale![i] === 1,
		declaredTier: tier![i] ?? 0,
		awardedTier: awarded![i] ?? 0,
		status: textAt(status!, i) ?? '',
		flagged: flagged![i] === 1,
		eligibleTier: (eligible![i] ?? -1) < 0 ? null : (eligible![i] ?? null),
		scenarios: (textAt(scenarios!, i) ?? '')
			.split(';')
			.filter(Boolean)
			.map((pair) => {
				const [no, best] = pair.split(':');
				return { scenario: Number(no), tier: Number(best) };
			})
	}));
	const byEnterprise = new Map<string, DrillRow[]>();
	for (const row of rows) {
		const own = byEnterprise.get(row.enterprise);
		if (own) own.push(row);
		else byEnterprise.set(row.enterprise, [row]);
	}
	return { rows, byEnterprise };
}

const rowsOf = (drill: DrillRows): Rows =>
	oncePerCube(drill, 'drill declarations', () => declarationRows(drill));

const inSlice = (
	row: { region: string; industry: string },
	f: { region: string | null; industry: string | null }
) =>
	(f.region === null || row.region === f.region) &&
	(f.industry === null || row.industry === f.industry);

/**
 * The declaration that gave an enterprise its tier as of `year`: its latest approved one awarded
 * that tier (申报编号 breaks a tie), or, for an enterprise without one, its latest declaration.
 */
function tierDeclaration(own: readonly DrillRow[], year: number, tier: number): DrillRow | null {
	const upTo = own.filter((d) => d.year <= year);
	const latest = (list: DrillRow[]) =>
		list.reduce<DrillRow | null>(
			(a, b) =>
				!a || b.year > a.year || (b.year === a.year && b.declaration > a.declaration) ? b : a,
			null
		);
	return (
		latest(upTo.filter((d) => d.status === 'approved' && d.awardedTier === tier)) ?? latest(upTo)
	);
}

/** The enterprises of a year that pass `keep`, each as the declaration behind its tier. */
function enterprisesOf(
	drill: DrillRows,
	year: number,
	keep: (e: { region: string; industry: string; aboveScale: boolean; tier: number }) => boolean
): DrillRow[] {
	const t = drill.tables.enterprises;
	const years = ints(t, 'year');
	const [enterprise, region, industry] = ['enterprise', 'region', 'industry'].map((n) =>
		texts(t, n)
	);
	const aboveScale = ints(t, 'above_scale');
	const tier = ints(t, 'tier');
	const { byEnterprise } = rowsOf(drill);
	const rows: DrillRow[] = [];
	for (let i = 0; i < t.length; i++) {
		if (years[i] !== year) continue;
		const e = {
			region: textAt(region!, i) ?? '',
			industry: textAt(industry!, i) ?? '',
			aboveScale: aboveScale[i] === 1,
			tier: tier[i] ?? 0
		};
		if (!keep(e)) continue;
		const own = byEnterprise.get(textAt(enterprise!, i) ?? '') ?? [];
		const row = tierDeclaration(own, year, e.tier);
		if (row) rows.push(row);
	}
	return rows;
}

/** The rows that make the figure `target` describes, in 申报编号 order. */
export function drillRows(drill: DrillRows, target: DrillTarget): DrillRow[] {
	const byId = (a: DrillRow, b: DrillRow) =>
		a.declaration < b.declaration ? -1 : a.declaration > b.declaration ? 1 : 0;
	switch (target.kind) {
		case 'covered':
			return enterprisesOf(
				drill,
				target.year,
				(e) => inSlice(e, target) && e.aboveScale && e.tier >= target.threshold
			).sort(byId);
		case 'tier':
			return enterprisesOf(
				drill,
				target.year,
				(e) => inSlice(e, target) && e.tier === target.tier
			).sort(byId);
		case 'starts': {
			// Distinct enterprises: the first of an enterprise's matching 基础级 declarations.
			const seen = new Set<string>();
			return rowsOf(drill)
				.rows.filter(
					(d) =>
						d.year === target.year &&
						d.declaredTier === 1 &&
						inSlice(d, target) &&
						(target.status === null || d.status === target.status) &&
						(!target.awarded || (d.status === 'approved' && d.awardedTier >= 1))
				)
				.sort(byId)
				.filter((d) => !seen.has(d.enterprise) && seen.add(d.enterprise));
		}
		case 'declarations':
			return rowsOf(drill)
				.rows.filter(
					(d) =>
						d.year === target.year &&
						inSlice(d, target) &&
						(target.tier === null || d.declaredTier === target.tier) &&
						(target.status === null || d.status === target.status) &&
						(target.only !== 'flagged' || d.flagged) &&
						(target.only !== 'rejected' || d.status === 'rejected')
				)
				.sort(byId);
		case 'scenario':
			return rowsOf(drill)
				.rows.filter(
					(d) =>
						d.year === target.year &&
						inSlice(d, target) &&
						(target.tier === null || d.declaredTier === target.tier) &&
						(target.status === null || d.status === target.status) &&
						d.scenarios.some((s) => s.scenario === target.scenario && s.tier >= target.atOrAbove)
				)
				.sort(byId);
	}
}
