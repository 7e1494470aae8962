/**
 * What a table export carries besides its cells (issue #22): a file name with the year and the
 * filters, headers with their units, and notes saying the filters, the data's date and its
 * source — the same in the CSV and the .xlsx, laid out as a statistical table is printed: the
 * title (with the filters) above, the notes below. Pure: the DOM only saves what is built here.
 */
import { industryDivisions, regions, tiers } from '../domain/catalogue';
import type { DashboardFilters } from '../figures/types';
import { toExcelCsv } from '../import/csv';
import { STATUS_NAMES } from '../import/values';

export type CellValue = string | number | null;

export interface ExportColumn {
	label: string;
	/** The unit its numbers are in: '%' (numbers in percent, 3.4 = 3.4%), '家', '份', '个'… */
	unit?: string;
}

/** Whose data the figures are, and as of when (the cube's origin, or the build's). */
export interface ExportOrigin {
	data: 'sample' | 'department' | 'user';
	/** ISO 8601: when the build read its data, or when the user's files were imported. */
	asOf: string;
	files: readonly string[];
}

export interface TableExport {
	/** The table's name, usually with its year: "2026年各盟市覆盖率". */
	title: string;
	/** The filters the figures are for, as labels (`filterLabels`). */
	filters: readonly string[];
	origin: ExportOrigin | null;
	columns: readonly ExportColumn[];
	rows: readonly (readonly CellValue[])[];
}

/** The tier a filter names, as figures read it: coverage of that tier or above. */
function tierLabel(rank: number): string {
	const tier = tiers.find((t) => t.rank === rank);
	if (!tier) return '';
	return rank === tiers.length ? tier.name : `${tier.name}及以上`;
}

/**
 * The set filters as labels, in the filter bar's order: "2025年", "先进级及以上", "鄂尔多斯市",
 * "化学原料和化学制品制造业", "已认定". `omit`: filters the page does not have.
 */
export function filterLabels(
	filters: DashboardFilters,
	omit: readonly (keyof DashboardFilters)[] = []
): string[] {
	const shown = (key: keyof DashboardFilters) => filters[key] !== null && !omit.includes(key);
	const labels: string[] = [];
	if (shown('year')) labels.push(`${filters.year}年`);
	if (shown('tier')) labels.push(tierLabel(filters.tier as number));
	if (shown('region')) {
		labels.push(regions.find((r) => r.code === filters.region)?.name ?? String(filters.region));
	}
	if (shown('industry')) {
		const division = industryDivisions.find((d) => d.code === filters.industry);
		labels.push(division ? division.name : `行业${filters.industry}`);
	}
	if (shown('status') && filters.status) labels.push(STATUS_NAMES[filters.status]);
	return labels.filter((l) => l !== '');
}

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * "2026年各盟市覆盖率_先进级及以上_鄂尔多斯市.csv": the title, then each filter the title does not
 * already say (a year in the title is not repeated), joined by "_".
 */
export function exportFileName(
	title: string,
	filters: readonly string[],
	extension: 'csv' | 'xlsx' | 'png'
): string {
	const parts = [title, ...filters.filter((f) => !title.includes(f))];
	const name = parts
		.map((p) => p.replace(UNSAFE, '-').trim())
		.filter((p) => p !== '')
		.join('_');
	return `${name.slice(0, 150)}.${extension}`;
}

/** "覆盖率（%）", "覆盖企业（家）": the unit in full-width brackets, as the contract writes units. */
export function columnHeader(column: ExportColumn): string {
	return column.unit ? `${column.label}（${column.unit}）` : column.label;
}

/** The title line: the table's name and, in brackets, its filters. */
export function titleLine(table: Pick<TableExport, 'title' | 'filters'>): string {
	const extra = table.filters.filter((f) => !table.title.includes(f));
	return extra.length ? `${table.title}（${extra.join('，')}）` : table.title;
}

const DATA_NAMES: Record<ExportOrigin['data'], string> = {
	sample: '示例数据（合成数据，仅供演示）',
	department: '主管部门申报数据',
	user: '本机导入的数据'
};

/** "示例数据（合成数据，仅供演示）：申报明细.csv、…", or "未知" without an origin. */
export function sourceText(origin: ExportOrigin | null): string {
	if (!origin) return '未知';
	const files = origin.files.length ? `：${origin.files.join('、')}` : '';
	return `${DATA_NAMES[origin.data]}${files}；智能工厂梯度培育监测看板计算`;
}

/** "2026-12-02（构建时读取）" or "（导入日期）": the data's date, and what that date is. */
export function dataDateText(origin: ExportOrigin | null): string {
	if (!origin) return '未知';
	const day = origin.asOf.slice(0, 10);
	return `${day}（${origin.data === 'user' ? '导入日期' : '数据读取日期'}）`;
}

/** The notes under the table: the filters, the data's date and its source. */
export function contextNotes(table: Pick<TableExport, 'filters' | 'origin'>): string[] {
	const filters = table.filters.length
		? table.filters.join('；')
		: '无（全区、全部行业、全部层级）';
	return [
		`筛选条件：${filters}`,
		`数据日期：${dataDateText(table.origin)}`,
		`数据来源：${sourceText(table.origin)}`
	];
}

/**
 * The CSV: the title line, the header with units, the rows, a blank line, the notes. Through
 * `toExcelCsv`, so formula-looking cells are neutralised here too.
 */
export function tableCsv(table: TableExport): string {
	return toExcelCsv(
		[titleLine(table)],
		[
			table.columns.map(columnHeader),
			...table.rows,
			[],
			...contextNotes(table).map((note) => [note])
		]
	);
}

/** A cell of the workbook: a number with its format, or text. */
export type SheetCell =
	| { kind: 'text'; value: string; bold?: boolean }
	| { kind: 'number'; value: number }
	/** A fraction shown as a percentage (0.034 → 3.4%). */
	| { kind: 'percent'; value: number };

export interface SheetLayout {
	rows: (SheetCell | null)[][];
	/** Rows kept in view when scrolling: the title and the header. */
	frozenRows: number;
	/** Each column's width in characters. */
	widths: number[];
}

/** A character's width in a spreadsheet column: CJK and full-width count two. */
const charWidth = (ch: string) => (/[\u1100-\uffef]/.test(ch) ? 2 : 1);
const textWidth = (text: string) => [...text].reduce((n, ch) => n + charWidth(ch), 0);

/**
 * The workbook's one sheet, laid out as the CSV: numbers as numbers, a '%' column's values as
 * fractions with a percentage format, the header bold and frozen with the title above it.
 */
export function tableSheet(table: TableExport): SheetLayout {
	const header = table.columns.map(columnHeader);
	const cellOf = (value: CellValue, column: ExportColumn | undefined): SheetCell | null => {
		if (value === null || value === '') return null;
		if (typeof value === 'number' && Number.isFinite(value)) {
			return column?.unit === '%'
				? { kind: 'percent', value: value / 100 }
				: { kind: 'number', value };
		}
		return { kind: 'text', value: String(value) };
	};
	const rows: (SheetCell | null)[][] = [
		[{ kind: 'text', value: titleLine(table), bold: true }],
		header.map((h) => ({ kind: 'text', value: h, bold: true })),
		...table.rows.map((row) => row.map((v, i) => cellOf(v, table.columns[i]))),
		[],
		...contextNotes(table).map((note): SheetCell[] => [{ kind: 'text', value: note }])
	];
	const widths = header.map((h, i) => {
		let widest = textWidth(h);
		for (const row of table.rows) {
			const v = row[i];
			if (v !== null && v !== undefined) widest = Math.max(widest, textWidth(String(v)));
		}
		return Math.min(Math.max(widest + 2, 8), 60);
	});
	return { rows, frozenRows: 2, widths };
}

/** What a chart's PNG says around the chart: its title above with the filters, source below. */
export interface ChartCaption {
	title: string;
	above: string[];
	below: string[];
}

/**
 * A chart's caption: "2026年各盟市覆盖率地图", the filters on the line under it, and the data's
 * date and source under the chart (`contextNotes`' lines).
 */
export function chartCaption(
	title: string,
	scope: { year: number | null; filters: readonly string[]; origin: ExportOrigin | null }
): ChartCaption {
	const titled =
		scope.year !== null && !title.includes(`${scope.year}年`) ? `${scope.year}年${title}` : title;
	const [filters, date, source] = contextNotes({ filters: scope.filters, origin: scope.origin });
	return { title: titled, above: [filters as string], below: [date as string, source as string] };
}

/**
 * A plain table as a sheet (the validation report's downloads): the header bold and frozen,
 * numbers as numbers, text as text — a rejected row's cells stay the text the file had.
 */
export function plainSheet(
	header: readonly string[],
	rows: readonly (readonly CellValue[])[]
): SheetLayout {
	const cell = (value: CellValue): SheetCell | null =>
		value === null || value === ''
			? null
			: typeof value === 'number'
				? { kind: 'number', value }
				: { kind: 'text', value };
	return {
		rows: [
			header.map((h) => ({ kind: 'text', value: h, bold: true })),
			...rows.map((r) => r.map(cell))
		],
		frozenRows: 1,
		widths: header.map((h) => Math.min(Math.max(textWidth(h) + 2, 10), 60))
	};
}
