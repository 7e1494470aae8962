/**
 * What a published report says about when: the issuing body, the document's date (the data's
 * as-of date) and how the report's year is worded. A year that was over when the data was read
 * is "2025年底" / "2025年"; the year the data was read in is not over, so counts are "截至2026年
 * 12月2日" and flows within the year "2026年（截至12月2日）" — never "年底" for a year not yet
 * over. Dates are China Standard Time (UTC+8, no daylight saving): the as-of instant is stored in
 * UTC, and a build at 01:00 in Hohhot is already the next day there. Pure.
 */

/** Who publishes the reports: the plan's own issuer (行动计划, 保障措施 一). */
export const ISSUER = '内蒙古自治区工业和信息化厅';

export interface CalendarDate {
	year: number;
	month: number;
	day: number;
}

export interface ReportPeriod {
	year: number;
	/** The data's as-of date in China Standard Time. */
	asOf: CalendarDate;
	/** True when the year had ended before the data was read. */
	closed: boolean;
	/** "2026年12月2日": the document's date. */
	dateText: string;
	/** "2026-12-02": the same date for machines (data attributes, tests). */
	isoDate: string;
	/** For counts at a moment: "截至2025年底" / "截至2026年12月2日". */
	stock: string;
	/** For what happened within the year: "2025年" / "2026年（截至12月2日）". */
	flow: string;
	/** How far into the year the data goes: null for a closed year, else "截至12月2日". */
	within: string | null;
	/** The as-of moment said plainly: "2025年底" / "2026年12月2日" (no "截至"). */
	moment: string;
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date of an ISO 8601 instant in China Standard Time; a bare date is taken as is. */
export function chinaDate(iso: string): CalendarDate {
	const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
	if (bare) return { year: +bare[1]!, month: +bare[2]!, day: +bare[3]! };
	const time = Date.parse(iso);
	if (Number.isNaN(time)) throw new Error(`数据截至日期无法识别："${iso}"`);
	const d = new Date(time + CST_OFFSET_MS);
	return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "2026年12月2日". */
export function dateText(date: CalendarDate): string {
	return `${date.year}年${date.month}月${date.day}日`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** How a report of `year` words its period, given when its data was read (`asOf`, ISO 8601). */
export function reportPeriod(year: number, asOf: string): ReportPeriod {
	const date = chinaDate(asOf);
	const closed = year < date.year;
	const full = dateText(date);
	const within = date.year === year ? `${date.month}月${date.day}日` : full;
	return {
		year,
		asOf: date,
		closed,
		dateText: full,
		isoDate: `${date.year}-${pad(date.month)}-${pad(date.day)}`,
		stock: closed ? `截至${year}年底` : `截至${full}`,
		flow: closed ? `${year}年` : `${year}年（截至${within}）`,
		within: closed ? null : `截至${within}`,
		moment: closed ? `${year}年底` : full
	};
}
