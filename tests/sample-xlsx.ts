/**
 * The sample's CSV files as Excel workbooks, written by write-excel-file (a writer this project
 * does not ship: the reader under test meets a workbook made by someone else's code). Cells that
 * read as plain numbers become number cells, as a spreadsheet would store them; the rest text.
 */
import { readFileSync } from 'node:fs';
import writeXlsxFile, { type Row, type SheetData } from 'write-excel-file/node';
import { readCsvRecords } from '../src/lib/import/csv-records';

const NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;

/** A CSV text's records as sheet rows: numbers as numbers, empty cells as none. */
export function csvToSheetData(csv: string): SheetData {
	const records = readCsvRecords(csv);
	const rows: Row[] = [];
	for (let i = 0; i < records.length; i++) {
		rows.push(
			records.at(i).map((cell) => (cell === '' ? null : NUMBER.test(cell) ? Number(cell) : cell))
		);
	}
	return rows;
}

/** An .xlsx file of the given sheets (the first is the one read). */
export async function workbookOf(sheets: { name: string; data: SheetData }[]): Promise<Uint8Array> {
	const buffer = await writeXlsxFile(
		sheets.map((s) => ({ sheet: s.name, data: s.data }))
	).toBuffer();
	return new Uint8Array(buffer);
}

/** A sample CSV file (data/sample/) as a one-sheet workbook. */
export async function sampleWorkbook(csvName: string): Promise<Uint8Array> {
	const csv = readFileSync(`data/sample/${csvName}`, 'utf8');
	return workbookOf([{ name: csvName.replace(/\.csv$/, ''), data: csvToSheetData(csv) }]);
}
