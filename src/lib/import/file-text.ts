/**
 * What the CSV path reads of a file's bytes (read-file.ts): the decoded text, or — for an .xlsx
 * workbook — its first sheet written as CSV (xlsx-read.ts), or why neither can be had.
 */
import { MAX_IMPORT_BYTES, MAX_UNPACKED_WORKBOOK_BYTES } from '../data/size-limit';
import { decodeCsvBytes, workbookKind, XLSX_KIND, type DecodedText } from './decode';
import { readFirstSheet, WorkbookError, type SheetText } from './xlsx-read';

/** What the CSV path reads: the file's text, or a workbook's first sheet written as CSV. */
export interface FileText {
	decoded: DecodedText;
	/** The sheet read, and every sheet's name (a workbook only). */
	sheet?: SheetText;
	/** Known when the text was written here (a workbook's sheet), else guessed. */
	delimiter?: string;
}

/** The bytes as text: decoded, or a workbook's first sheet; a string says why they are not read. */
export function fileText(bytes: Uint8Array): FileText | string {
	const workbook = workbookKind(bytes);
	if (workbook === null) return { decoded: decodeCsvBytes(bytes) };
	if (workbook !== XLSX_KIND) {
		return `文件是${workbook}，无法直接读取：请在 Excel 或 WPS 中“另存为” .xlsx 工作簿或 CSV（UTF-8）后再导入`;
	}
	try {
		const sheet = readFirstSheet(bytes, MAX_UNPACKED_WORKBOOK_BYTES);
		if (sheet.text.length > MAX_IMPORT_BYTES) {
			return `工作表“${sheet.sheetName}”的数据超过本机浏览器能可靠处理的大小，未导入：请只保留需要分析的年度或盟市的行`;
		}
		const decoded = {
			text: sheet.text,
			encoding: 'Excel 工作簿（.xlsx）' as const,
			undecodable: []
		};
		return { decoded, sheet, delimiter: ',' };
	} catch (error) {
		if (error instanceof WorkbookError) return `无法读取 Excel 工作簿：${error.message}`;
		throw error;
	}
}
