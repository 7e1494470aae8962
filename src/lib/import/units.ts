/**
 * Units written in a header's brackets. The contract gives 数字化投入规模 in 万元; a file whose
 * header says another unit of money — 数字化投入规模（元） — holds its amounts in that unit, and
 * they are converted (3,687,000 元 is 368.7 万元, not 3,687,000 万元). A unit that is no unit of
 * money cannot be converted: its amounts are refused (rows.ts).
 */

/** Columns the contract gives in a unit, and that unit. */
export const CONTRACT_UNITS: Readonly<Record<string, string>> = { digital_investment: '万元' };

/** Units of money as 万元: the amount times `times`, divided by `over` (exact for whole amounts). */
const IN_WAN_YUAN: Readonly<Record<string, { times: number; over: number }>> = {
	元: { times: 1, over: 10_000 },
	千元: { times: 1, over: 10 },
	万元: { times: 1, over: 1 },
	百万元: { times: 100, over: 1 },
	千万元: { times: 1_000, over: 1 },
	亿元: { times: 10_000, over: 1 }
};

/** How a column's amounts become the contract's unit. */
export type UnitConversion =
	| { unit: string; times: number; over: number }
	/** A unit that cannot be converted. */
	| { unit: string; times: null; over: null };

/** The unit in a header's last brackets ("数字化投入规模（元）" → "元"), or null. */
export function headerUnit(header: string): string | null {
	const match = /\(([^()]*)\)$/.exec(header.normalize('NFKC').trim());
	const unit = match?.[1]?.replace(/\s+/g, '') ?? '';
	return unit === '' ? null : unit;
}

/** The conversion a column `key` under `header` needs; null when it is in the contract's unit. */
export function unitConversion(key: string, header: string): UnitConversion | null {
	const contract = CONTRACT_UNITS[key];
	const unit = headerUnit(header);
	if (contract === undefined || unit === null || unit === contract) return null;
	const factor = IN_WAN_YUAN[unit];
	return factor ? { unit, ...factor } : { unit, times: null, over: null };
}

/** An amount in the contract's unit, or null when the unit cannot be converted. */
export function inContractUnit(value: number, conversion: UnitConversion): number | null {
	return conversion.times === null ? null : (value * conversion.times) / conversion.over;
}
