/**
 * Sheets (table-export.ts's `SheetLayout`) → an .xlsx file: numbers as number cells, fractions
 * with a percentage format, text as inline strings, bold headers, frozen top rows, column
 * widths. The smallest SpreadsheetML Excel, WPS and LibreOffice open; zipped with fflate's
 * synchronous `zipSync` (its asynchronous zip starts blob: workers, which the CSP refuses —
 * decisions.md, 2026-12-02). Pure: bytes out, for the browser (loaded by `import()` only when a
 * user saves a workbook) and Node.
 *
 * A text cell that a spreadsheet would run as a formula (`looksLikeFormula`, the CSV
 * neutraliser's own test) is written with Excel's quote prefix (`quotePrefix`, what typing a
 * leading ' does): shown and kept as the text it is, even after the cell is edited.
 */
import { strToU8, zipSync } from 'fflate';
import { looksLikeFormula } from '../import/csv';
import type { SheetCell, SheetLayout } from './table-export';

export interface WorkbookSheet {
	name: string;
	layout: SheetLayout;
}

/** XML 1.0 cannot hold C0 controls other than tab, LF and CR, lone surrogates, U+FFFE/U+FFFF. */
const NOT_XML =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '\ufffd')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** 0 → "A", 27 → "AB". */
export function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
		name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	}
	return name;
}

/** Cell styles (cellXfs, by index): see STYLES. */
const STYLE = { plain: 0, bold: 1, percent: 2, quoted: 3, boldQuoted: 4 } as const;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function cellXml(cell: SheetCell, ref: string): string {
	if (cell.kind === 'number' || cell.kind === 'percent') {
		if (!Number.isFinite(cell.value)) return '';
		const style = cell.kind === 'percent' ? ` s="${STYLE.percent}"` : '';
		return `<c r="${ref}"${style}><v>${cell.value}</v></c>`;
	}
	const quoted = looksLikeFormula(cell.value);
	const style = cell.bold
		? quoted
			? STYLE.boldQuoted
			: STYLE.bold
		: quoted
			? STYLE.quoted
			: STYLE.plain;
	const s = style === STYLE.plain ? '' : ` s="${style}"`;
	return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell.value)}</t></is></c>`;
}

function sheetXml({ rows, frozenRows, widths }: SheetLayout): string {
	const pane =
		frozenRows > 0
			? `<pane ySplit="${frozenRows}" topLeftCell="A${frozenRows + 1}" activePane="bottomLeft" state="frozen"/>`
			: '';
	const cols = widths.length
		? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
		: '';
	const body = rows
		.map((row, r) => {
			const cells = row
				.map((cell, c) => (cell ? cellXml(cell, `${columnName(c)}${r + 1}`) : ''))
				.join('');
			return cells ? `<row r="${r + 1}">${cells}</row>` : '';
		})
		.join('');
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
		`<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
		`<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${body}</sheetData></worksheet>`
	);
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique. */
function sheetNames(names: readonly string[]): string[] {
	const used = new Set<string>();
	return names.map((raw, i) => {
		let name = raw.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || `Sheet${i + 1}`;
		while (used.has(name)) name = `${name.slice(0, 28)}(${i + 1})`;
		used.add(name);
		return name;
	});
}

export function workbookBytes(sheets: readonly WorkbookSheet[]): Uint8Array {
	const names = sheetNames(sheets.map((s) => s.name));
	const files: Record<string, Uint8Array> = {
		'[Content_Types].xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
				'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
				'<Default Extension="xml" ContentType="application/xml"/>' +
				'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
				'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
				names
					.map(
						(_, i) =>
							`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
					)
					.join('') +
				'</Types>'
		),
		'_rels/.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
				'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
				'</Relationships>'
		),
		'xl/workbook.xml': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
				names
					.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
					.join('') +
				'</sheets></workbook>'
		),
		'xl/_rels/workbook.xml.rels': strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
				names
					.map(
						(_, i) =>
							`<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
					)
					.join('') +
				`<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
				'</Relationships>'
		),
		'xl/styles.xml': strToU8(STYLES)
	};
	sheets.forEach((sheet, i) => {
		files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet.layout));
	});
	return zipSync(files, { level: 6 });
}
