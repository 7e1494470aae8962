/**
 * The catalogue as reference tables (ref_*) so views and the SQL console can join names.
 */
import { industryDivisions, regions, scenarios, tiers } from '../domain/catalogue';
import { sqlString } from './engine';

function values(rows: (string | number)[][]): string {
	return rows
		.map(
			(row) => `(${row.map((v) => (typeof v === 'number' ? String(v) : sqlString(v))).join(', ')})`
		)
		.join(',\n');
}

export function referenceTablesSql(): string {
	return `
CREATE OR REPLACE TABLE ref_regions (code VARCHAR, name VARCHAR, short_name VARCHAR, sort_order INTEGER);
INSERT INTO ref_regions VALUES ${values(regions.map((r, i) => [r.code, r.name, r.shortName, i + 1]))};
CREATE OR REPLACE TABLE ref_industries (code VARCHAR, section VARCHAR, name VARCHAR);
INSERT INTO ref_industries VALUES ${values(industryDivisions.map((d) => [d.code, d.section, d.name]))};
CREATE OR REPLACE TABLE ref_tiers (rank TINYINT, key VARCHAR, name VARCHAR);
INSERT INTO ref_tiers VALUES ${values(tiers.map((t) => [t.rank, t.key, t.name]))};
CREATE OR REPLACE TABLE ref_scenarios (no TINYINT, name VARCHAR, annex4_no TINYINT, annex4_name VARCHAR, link_no TINYINT, link VARCHAR, segment VARCHAR);
INSERT INTO ref_scenarios VALUES ${values(
		scenarios.map((s) => [s.no, s.name, s.annex4.no, s.annex4.name, s.linkNo, s.link, s.segment])
	)};
`;
}
