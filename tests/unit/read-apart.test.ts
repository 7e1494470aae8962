/**
 * In the browser a large 建设场景明细 file is read in a second worker while the import worker
 * reads the others (src/lib/data/import.worker.ts, scenario-reader.worker.ts). Here the same
 * steps run in one process, the rows crossing a real `structuredClone` with their arrays
 * transferred, and the outcome must be the one-thread import's, row for row and problem for
 * problem.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	completeImport,
	importFiles,
	readFiles,
	rejectDuplicateRows,
	rejectUnknownDeclarations,
	type ImportResult
} from '../../src/lib/import/pipeline';
import {
	kindOfHeader,
	readElsewhere,
	readInputFile,
	type InputFile
} from '../../src/lib/import/read-file';
import { ScenarioRows } from '../../src/lib/import/scenario-rows';

const fixture = (name: string, dir = 'tests/fixtures/import'): InputFile => ({
	name,
	bytes: new Uint8Array(readFileSync(`${dir}/${name}`))
});

/** The two workers' steps, in order, with what crosses between them cloned as postMessage does. */
function importReadingApart(inputs: InputFile[], apart: number): ImportResult {
	const input = inputs[apart] as InputFile;
	// Second worker: reads its file …
	const file = readInputFile(input);
	// … while the import worker reads the others and rejects duplicates,
	const own = readFiles(inputs.filter((_, i) => i !== apart));
	const declarationIds = rejectDuplicateRows(own);
	// then sends the 申报编号; the second worker rejects the unknown ones and posts its rows.
	rejectUnknownDeclarations(file, structuredClone(declarationIds));
	const data = file.scenarioRows?.toData() ?? null;
	const posted = structuredClone(
		{ report: file.report, kind: file.kind, rows: data },
		{ transfer: data ? ScenarioRows.transferList(data) : [] }
	);
	if (data) expect(data.scenarioNos.byteLength, 'the arrays are transferred, not copied').toBe(0);
	const elsewhere = readElsewhere(
		posted.report,
		posted.kind,
		posted.rows && ScenarioRows.fromData(posted.rows)
	);
	return completeImport(own.toSpliced(apart, 0, elsewhere), declarationIds);
}

function comparable(result: ImportResult) {
	return {
		reports: result.reports,
		declarations: result.tables.declarations,
		scenarios: result.tables.scenarios.toArray(),
		baseline: result.tables.baseline,
		targets: result.tables.region_targets,
		eligibility: result.tables.eligibility,
		flagged: result.flagged,
		notes: result.notes
	};
}

describe('a 建设场景明细 file read in a second worker', () => {
	const sets: [string, InputFile[]][] = [
		['the sample', readdirSync('data/sample').map((name) => fixture(name, 'data/sample'))],
		[
			'orphan rows, rejected where the text is',
			['scen-orphans.csv', 'decl-scenario-base.csv'].map((name) => fixture(name))
		],
		[
			'duplicate 申报编号 across files, names and numbers, a "/" tier',
			[
				'decl-dup-across-a.csv',
				'scen-names-numbers.csv',
				'decl-dup-across-b.csv',
				'decl-scenario-base.csv',
				'scen-slash-tiers.csv'
			].map((name) => fixture(name))
		],
		['no declarations at all', ['scen-orphans.csv', 'targets.csv'].map((name) => fixture(name))],
		[
			'an unlisted column, refused and unrecognised files beside it',
			[
				'decl-scenario-base.csv',
				'scen-extra-column.csv',
				'decl-company-name.csv',
				'unknown-headers.csv'
			].map((name) => fixture(name))
		]
	];

	it.each(sets)('%s: the same reports, tables and flags as one thread', (_, inputs) => {
		const apart = inputs.findIndex((input) => readInputFile(input).kind === 'scenarios');
		expect(apart).toBeGreaterThanOrEqual(0);
		const together = importFiles(inputs);
		const readingApart = importReadingApart(inputs, apart);
		expect(comparable(readingApart)).toEqual(comparable(together));
		// Rows rejected in the second worker keep their cells, from its text.
		const rejected = readingApart.reports[apart]?.rejectedRows ?? [];
		expect(rejected).toEqual(together.reports[apart]?.rejectedRows);
		// The file kept for a reload is made in the second worker: nothing of it is left here.
		expect(readingApart.sanitizedTexts.find((s) => s.input === apart)?.text).toBe('');
	});

	it('rejects an orphan row once, whichever thread checks it first', () => {
		const file = readInputFile(fixture('scen-orphans.csv'));
		const ids = rejectDuplicateRows(readFiles([fixture('decl-scenario-base.csv')]));
		rejectUnknownDeclarations(file, ids);
		const rejected = file.report.rejectedRows.length;
		expect(rejected).toBeGreaterThan(0);
		rejectUnknownDeclarations(file, ids);
		expect(file.report.rejectedRows).toHaveLength(rejected);
	});
});

describe('a file’s kind from its first bytes', () => {
	const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
	const scenarioFile = bytesOf('data/sample/建设场景明细.csv');

	it('names the kind from a cut that ends inside a character', () => {
		// Every cut of the first 2 KB: the bytes after the last line break are left out.
		for (let end = scenarioFile.indexOf(0x0a) + 1; end < 2048; end += 1) {
			expect(kindOfHeader(scenarioFile.subarray(0, end))).toBe('scenarios');
		}
	});

	it('reads GBK, a BOM and English headers', () => {
		expect(kindOfHeader(bytesOf('tests/fixtures/import/decl-gbk.csv'))).toBe('declarations');
		expect(kindOfHeader(bytesOf('tests/fixtures/import/decl-utf8-bom.csv'))).toBe('declarations');
		expect(kindOfHeader(bytesOf('tests/fixtures/import/decl-mixed-headers.csv'))).toBe(
			'declarations'
		);
		expect(kindOfHeader(bytesOf('tests/fixtures/import/baseline-bad-counts.csv'))).toBe('baseline');
	});

	it('says nothing without a whole line or a known header', () => {
		// The sample ends its lines with CRLF: cut before the CR, the header line is not whole.
		expect(kindOfHeader(scenarioFile.subarray(0, scenarioFile.indexOf(0x0d)))).toBeNull();
		// A CR alone ends a line (old Mac files): then it is.
		expect(kindOfHeader(scenarioFile.subarray(0, scenarioFile.indexOf(0x0d) + 1))).toBe(
			'scenarios'
		);
		expect(kindOfHeader(new Uint8Array())).toBeNull();
		expect(kindOfHeader(bytesOf('tests/fixtures/import/unknown-headers.csv'))).toBeNull();
		expect(kindOfHeader(new TextEncoder().encode('\n\n申报编号,场景\n'))).toBeNull();
	});
});

describe('scenario rows posted to another thread', () => {
	it('arrive whole: every row, its file runs and unlisted columns', () => {
		const rows = new ScenarioRows();
		for (let line = 2; line < 3000; line++) {
			rows.add(
				`SB-${Math.floor(line / 9)}`,
				1 + (line % 40),
				1 + (line % 4),
				line % 5 === 0 ? null : 1 + (line % 4),
				line,
				line < 2000 ? 'a.csv' : 'b.csv',
				line === 2500 ? '{"备注":"x"}' : null
			);
		}
		const expected = rows.toArray();
		const runs = rows.fileRuns();
		const data = rows.toData();
		expect(data.ids).toHaveLength(new Set(expected.map((r) => r.declaration_id)).size);
		const arrived = ScenarioRows.fromData(
			structuredClone(data, { transfer: ScenarioRows.transferList(data) })
		);
		expect(arrived.toArray()).toEqual(expected);
		expect(arrived.fileRuns()).toEqual(runs);
		// It grows like any other table.
		const first = expected[0] as (typeof expected)[number];
		arrived.push(first);
		expect(arrived.at(expected.length)).toEqual(first);
	});

	it('an empty table arrives empty and still takes rows', () => {
		const empty = new ScenarioRows().toData();
		const arrived = ScenarioRows.fromData(
			structuredClone(empty, { transfer: ScenarioRows.transferList(empty) })
		);
		expect(arrived.length).toBe(0);
		const row = {
			declaration_id: 'SB-1',
			scenario_no: 7,
			scenario_tier: 2,
			counted_tier: 2,
			source_file: 'a.csv',
			source_line: 2,
			extra: null
		};
		arrived.push(row);
		expect(arrived.toArray()).toEqual([row]);
	});
});
