/**
 * The rows behind the figures (drill-through, issue #21): every anonymised declaration and every
 * enterprise as of each year, made by DuckDB from src/lib/db/drill.sql beside the cube and kept
 * as bytes the same way (codec.ts), but read only when a user asks what makes a figure — a page
 * load reads the cube alone. Pure.
 */
import { CubeFormatError, decodeTables, encodeTables } from './codec';
import type { CubeOrigin } from './cube';
import type { CubeTable } from './table';

/** Bumped whenever drill.sql or its reading (figures/drill.ts) changes. */
export const DRILL_VERSION = 1;

export const DRILL_TABLES = ['declarations', 'enterprises'] as const;
export type DrillTableName = (typeof DRILL_TABLES)[number];

export interface DrillRows {
	version: number;
	origin: CubeOrigin;
	tables: Record<DrillTableName, CubeTable>;
}

export function encodeDrillRows(rows: DrillRows): Uint8Array {
	return encodeTables({ kind: 'drill', version: rows.version, origin: rows.origin }, rows.tables);
}

/** Drill rows from their bytes; `CubeFormatError` when they are not rows of this version. */
export function decodeDrillRows(buffer: ArrayBuffer): DrillRows {
	const { meta, tables } = decodeTables<{ kind: string; version: number; origin: CubeOrigin }>(
		buffer
	);
	if (meta?.kind !== 'drill' || meta.version !== DRILL_VERSION)
		throw new CubeFormatError(`明细版本 ${String(meta?.version)}，需要 ${DRILL_VERSION}`);
	for (const name of DRILL_TABLES) if (!tables[name]) throw new CubeFormatError(`缺少 ${name}`);
	return { version: meta.version, origin: meta.origin, tables: tables as DrillRows['tables'] };
}
