/**
 * 建设场景明细 records read from their text (ScenarioRecords) must come out exactly as read cell
 * by cell (RowReading.read): rows, problems and their order, rejected rows, the privacy scan.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarios, tierName, TIER_KEYS } from '../../src/lib/domain/catalogue';
import { countedTierOf } from '../../src/lib/domain/rules';
import { isBlankRecord, readCsvRecords } from '../../src/lib/import/csv-records';
import { decodeCsvBytes, type DecodedText } from '../../src/lib/import/decode';
import { IdentifyingColumnScan } from '../../src/lib/import/privacy';
import { readDataRows } from '../../src/lib/import/read-file';
import { RecordFaults } from '../../src/lib/import/record-faults';
import { layoutOf, RowReading } from '../../src/lib/import/row-reading';

function readBothWays(
	text: string,
	decoded: DecodedText = { text, encoding: 'UTF-8', undecodable: [] }
) {
	const records = readCsvRecords(text);
	const faults = new RecordFaults(records, decoded);
	let headerIndex = 0;
	while (headerIndex < records.length && isBlankRecord(records.at(headerIndex))) headerIndex++;
	const headers = records.at(headerIndex).map((h) => h.replace(/^\uFEFF/, '').trim());
	const layout = layoutOf(headers, new Set());
	if (!('match' in layout)) throw new Error('not a recognised file');
	const read = (fromText: boolean) => {
		const scan = new IdentifyingColumnScan(headers);
		const reading = new RowReading('建设场景明细.csv', layout);
		const rowsRead = readDataRows({ records, faults, headerIndex }, scan, reading, fromText);
		return {
			rowsRead,
			identifying: scan.found(),
			problems: reading.problems,
			rejectedRows: reading.rejectedRows,
			rowsWithWarnings: reading.rowsWithWarnings,
			rows: reading.scenarioRows?.toArray() ?? reading.rows,
			columnWarnings: reading.columnWarnings()
		};
	};
	const fromText = new RowReading('x.csv', layout).scenarioRecords(
		new IdentifyingColumnScan(headers),
		records.delimiter
	);
	return { fromText: read(true), cellByCell: read(false), textPathApplies: fromText !== null };
}

/** A file with every awkward row the reader knows of, among plenty of ordinary ones. */
function awkwardScenarioFile(newline: string): string {
	const lines = ['申报编号,场景,场景层级'];
	let n = 0;
	const id = () => `SB2025-${String(++n).padStart(5, '0')}`;
	// Every scenario at every tier (附件4 "/" cells lower some: warnings), by name and by number.
	for (const scenario of scenarios) {
		const declaration = id();
		for (const tier of TIER_KEYS) {
			lines.push(`${declaration},${scenario.name},${tierName(tier)}`);
			lines.push(`${declaration},${scenario.no} ${scenario.name},${tierName(tier)}`);
		}
	}
	const name = scenarios[0]?.name ?? '';
	const other = scenarios[5]?.name ?? '';
	// A scenario and tier that 附件4 counts lower: a warning on the tier cell.
	const lowered = scenarios
		.flatMap((s) => TIER_KEYS.map((tier) => ({ s, tier })))
		.find(({ s, tier }) => countedTierOf(s.no, tier).note !== null);
	if (!lowered) throw new Error('附件4 lowers no tier');
	lines.push(
		`=2+2,${lowered.s.name},${tierName(lowered.tier)}`, // warnings on two cells, in their order
		`,${name},先进级`, // no 申报编号
		`   ,${name},先进级`,
		`=1+1,${name},先进级`, // formula-looking 申报编号: a warning
		`ＳＢ２０２５－９９９,${name},先进级`, // full-width, folded
		`SB2025-77777,不存在的场景,先进级`,
		`SB2025-77777,${name},五级`,
		`SB2025-77777,${name},`,
		`SB2025-77777,,`,
		'',
		',,',
		' , , ',
		`SB2025-77778,${name},先进级,多出来的`, // more cells than the header
		`SB2025-77778,${other},先进级,`, // a blank extra cell is no error
		`,${other},五级,多出来的`, // errors of all three kinds in one row, in their order
		'SB2025-77779', // one cell
		`"SB2025-77780","${name}","先进级"`, // quoted: read cell by cell
		`SB2025-77781,"${other}",基础级`,
		`SB2025-00001,${other},领航级`, // a 申报编号 seen before, not next to its rows
		`SB2025-77782,１４,先进级`,
		`=HYPERLINK("x"),${name},基础级`,
		`SB2025-77783,${name}\uFFFD,先进级`, // a replacement character: rejected before reading
		`SB2025-77784,${'长'.repeat(40_000)},先进级`, // a cell over the limit
		`SB2025-77785,${name},先进级\rSB2025-77786,${name},基础级`, // a CR-only line break
		`SB2025-77787,"${name}" x,先进级` // text after a closing quote: a quote fault
	);
	for (let k = 0; k < 300; k++) lines.push(`${id()},${scenarios[k % 40]?.name},基础级`);
	return lines.join(newline) + newline;
}

describe('建设场景明细 read from each record’s text', () => {
	it('gives what reading cell by cell gives, on a file of every awkward row', () => {
		for (const newline of ['\n', '\r\n']) {
			const { fromText, cellByCell, textPathApplies } = readBothWays(awkwardScenarioFile(newline));
			expect(textPathApplies).toBe(true);
			expect(fromText).toEqual(cellByCell);
			// The file exercises what it should: errors, warnings, rejections and loaded rows.
			expect(cellByCell.rejectedRows.length).toBeGreaterThanOrEqual(11);
			expect(cellByCell.problems.some((p) => p.severity === 'warning')).toBe(true);
			expect(cellByCell.rows.length).toBeGreaterThan(600);
		}
	});

	it('finds an identifying value at the same line, in the 申报编号 or in a repeated cell', () => {
		const name = scenarios[2]?.name;
		const creditCode = '91150100MA0N1R2X3Y';
		const inId = ['申报编号,场景,场景层级'];
		for (let k = 1; k <= 50; k++) inId.push(`SB2025-${k},${name},先进级`);
		inId.push(`${creditCode},${name},先进级`, `SB2025-60,${name},先进级`);
		const inRest = ['申报编号,场景,场景层级'];
		for (let k = 1; k <= 20; k++) inRest.push(`SB2025-${k},${name},先进级`);
		for (let k = 21; k <= 30; k++) inRest.push(`SB2025-${k},${creditCode},先进级`);
		for (const text of [inId.join('\n'), inRest.join('\n')]) {
			const { fromText, cellByCell } = readBothWays(text);
			expect(cellByCell.identifying).toHaveLength(1);
			expect(fromText).toEqual(cellByCell);
		}
		expect(readBothWays(inId.join('\n')).fromText.identifying[0]?.reason).toContain('第 52 行');
		expect(readBothWays(inRest.join('\n')).fromText.identifying[0]?.reason).toContain('第 22 行');
	});

	it('is not used where a row’s other cells need not repeat, or the 申报编号 is not first', () => {
		const name = scenarios[0]?.name;
		expect(readBothWays(`申报编号,场景,场景层级,备注\nSB1,${name},先进级,x`).textPathApplies).toBe(
			false
		);
		expect(readBothWays(`场景,申报编号,场景层级\n${name},SB1,先进级`).textPathApplies).toBe(false);
		expect(readBothWays(`申报编号,场景,场景层级\nSB1,${name},先进级`).textPathApplies).toBe(true);
	});

	it('is used with a column without a header, and finds its values as reading cell by cell does', () => {
		const name = scenarios[0]!.name;
		const text = [
			'申报编号,场景,场景层级,',
			`SB1,${name},先进级,`,
			`SB2,${name},先进级,x`,
			`SB3,${name},先进级,x`
		].join('\n');
		const { fromText, cellByCell, textPathApplies } = readBothWays(text);
		expect(textPathApplies).toBe(true);
		expect(fromText).toEqual(cellByCell);
		expect(fromText.columnWarnings).toEqual([
			{ column: '第 4 列', reason: '没有表头，其中的值未导入（第 3 行起有值）' }
		]);
	});

	it('gives what reading cell by cell gives, on every 建设场景明细 among the fixtures and the sample', () => {
		const files: string[] = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (statSync(path).isDirectory()) walk(path);
				else if (name.endsWith('.csv')) files.push(path);
			}
		};
		walk('tests/fixtures');
		files.push('data/sample/建设场景明细.csv');
		let compared = 0;
		for (const path of files) {
			const decoded = decodeCsvBytes(new Uint8Array(readFileSync(path)));
			let both;
			try {
				both = readBothWays(decoded.text, decoded);
			} catch {
				continue; // not a recognised file
			}
			if (!both.textPathApplies) continue;
			expect(both.fromText, path).toEqual(both.cellByCell);
			compared += 1;
		}
		expect(compared).toBeGreaterThanOrEqual(5);
	});
});
