/**
 * Units written in a header's brackets. The contract gives a column its unit (`ColumnSpec.unit`,
 * from the catalogue: 数字化投入规模 in 万元); a file whose header says another unit of money —
 * 数字化投入规模（元） — holds its amounts in that unit, and they are converted (3,687,000 元 is
 * 368.7 万元, not 3,687,000 万元). A unit that is no unit of money cannot be converted: its
 * amounts are refused (row-reader.ts).
 */
import type { ColumnSpec } from './file-kinds';

/** Units of money, in 元 (powers of ten, so a conversion is one exact factor). */
const IN_YUAN: Readonly<Record<string, number>> = {
	元: 1,
	千元: 1_000,
	万元: 10_000,
	百万元: 1_000_000,
	千万元: 10_000_000,
	亿元: 100_000_000
};

/**
 * How a column's amounts become the contract's unit: times `times`, divided by `over` (one of
 * them 1); both null for a unit that cannot be converted.
 */
export type UnitConversion = { unit: string; contractUnit: string } & (
	{ times: number; over: number } | { times: null; over: null }
);

/** The unit in a header's last brackets ("数字化投入规模（元）" → "元"), or null. */
export function headerUnit(header: string): string | null {
	const match = /\(([^()]*)\)$/.exec(header.normalize('NFKC').trim());
	const unit = match?.[1]?.replace(/\s+/g, '') ?? '';
	return unit === '' ? null : unit;
}

/** The conversion `column` under `header` needs; null when it is in the contract's unit. */
export function unitConversion(column: ColumnSpec, header: string): UnitConversion | null {
	const contractUnit = column.unit;
	const unit = headerUnit(header);
	if (contractUnit === undefined || unit === null || unit === contractUnit) return null;
	const from = IN_YUAN[unit];
	const to = IN_YUAN[contractUnit];
	if (from === undefined || to === undefined) {
		return { unit, contractUnit, times: null, over: null };
	}
	return from >= to
		? { unit, contractUnit, times: from / to, over: 1 }
		: { unit, contractUnit, times: 1, over: to / from };
}

/** An amount in the contract's unit, or null when the unit cannot be converted. */
export function inContractUnit(value: number, conversion: UnitConversion): number | null {
	return conversion.times === null ? null : (value * conversion.times) / conversion.over;
}
