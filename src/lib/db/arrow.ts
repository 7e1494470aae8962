/**
 * 建设场景明细 rows as an Arrow IPC stream, for duckdb-wasm's `insertArrowFromIPCStream`: in the
 * browser the import worker hands the scenario table over this way instead of as CSV. A million
 * rows are ~13 MB of Arrow instead of ~28 MB of CSV, made from the rows' typed columns without
 * writing a character, and DuckDB takes them in without parsing text.
 *
 * The columns are the scenarios table's, in its order and of its types, so that DuckDB appends
 * them to the table itself (no staging table copied over): declaration_id as a dictionary (each
 * 申报编号 once), scenario_no / scenario_tier / counted_tier as 8-bit integers (counted_tier
 * null where not counted), source_file as a dictionary of the one file name (DuckDB casts it to
 * the load's ENUM of file names), source_line as a 32-bit integer, extra as text (of Arrow's
 * null type when no row has unlisted columns: nothing to send).
 */
import {
	Dictionary,
	Int32,
	Int8,
	Null,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	vectorFromArray
} from 'apache-arrow';
import { writeUtf8 } from '../import/csv';
import type { ScenarioColumns } from '../import/scenario-rows';

const asInt8 = (values: Uint8Array) =>
	makeVector(new Int8Array(values.buffer, values.byteOffset, values.length));

/**
 * Strings as Arrow UTF-8 data, written straight into one buffer: apache-arrow's own builder
 * (`vectorFromArray`) left ~20 MB of garbage behind for the 105k 申报编号 of a million rows.
 */
function utf8Data(values: readonly string[]) {
	let room = 0;
	for (const value of values) room += value.length * 3;
	const bytes = new Uint8Array(room);
	const offsets = new Int32Array(values.length + 1);
	let at = 0;
	for (let i = 0; i < values.length; i++) {
		at = writeUtf8(values[i] as string, bytes, at);
		offsets[i + 1] = at;
	}
	return makeData({
		type: new Utf8(),
		length: values.length,
		nullCount: 0,
		valueOffsets: offsets,
		data: bytes.subarray(0, at)
	});
}

export function scenarioColumnsToArrowIpc(
	columns: ScenarioColumns,
	sourceFile: string
): Uint8Array {
	const { length, idIndexes, countedTiers } = columns;
	// The table's own dictionary: each 申报编号 once, each row's index into it (below 2^31).
	const declarationId = makeData({
		type: new Dictionary(new Utf8(), new Int32()),
		length,
		nullCount: 0,
		data: new Int32Array(idIndexes.buffer, idIndexes.byteOffset, idIndexes.length),
		dictionary: makeVector(utf8Data(columns.ids))
	});
	// Counted tier 0 (附件4 "/") is null in the table: a validity bit per row.
	const counted = new Uint8Array((length + 7) >> 3);
	let notCounted = 0;
	for (let i = 0; i < length; i++) {
		if (countedTiers[i]) counted[i >> 3] = (counted[i >> 3] as number) | (1 << (i & 7));
		else notCounted += 1;
	}
	const countedTier = makeData({
		type: new Int8(),
		length,
		nullCount: notCounted,
		nullBitmap: counted,
		data: new Int8Array(countedTiers.buffer, countedTiers.byteOffset, length)
	});
	const fileName = makeData({
		type: new Dictionary(new Utf8(), new Int8()),
		length,
		nullCount: 0,
		data: new Int8Array(length),
		dictionary: makeVector(utf8Data([sourceFile]))
	});
	const extra = columns.extras
		? vectorFromArray(columns.extras, new Utf8())
		: makeVector(makeData({ type: new Null(), length, nullCount: length }));
	const table = new Table({
		declaration_id: makeVector(declarationId),
		scenario_no: asInt8(columns.scenarioNos),
		scenario_tier: asInt8(columns.scenarioTiers),
		counted_tier: makeVector(countedTier),
		source_file: makeVector(fileName),
		source_line: makeVector(
			new Int32Array(
				columns.sourceLines.buffer,
				columns.sourceLines.byteOffset,
				columns.sourceLines.length
			)
		),
		extra
	});
	return tableToIPC(table, 'stream');
}
