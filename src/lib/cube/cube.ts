/**
 * The cube: the small aggregates every figure is sliced from (src/lib/figures/), made by
 * DuckDB from src/lib/db/cube.sql, kept as bytes (codec.ts). What each table holds:
 * cube.sql and docs/cube.md. Pure.
 */
import { decodeTables, encodeTables, CubeFormatError } from './codec';
import type { CubeTable } from './table';

/**
 * Bumped whenever cube.sql or the slices' reading of it changes: a stored cube of another
 * version is not read (the pages say so and make it again from the stored files).
 */
export const CUBE_VERSION = 1;

export const CUBE_TABLES = [
	'years',
	'enterprises',
	'declarations',
	'basic_starts',
	'baseline',
	'baseline_region',
	'baseline_industry',
	'baseline_total',
	'scenarios',
	'assessment',
	'prior_title_enterprises',
	'pipeline',
	'region_targets'
] as const;
export type CubeTableName = (typeof CUBE_TABLES)[number];

/** Where a cube's figures come from, shown beside them. */
export interface CubeOrigin {
	/** The build's data (the department's, or the bundled sample), or files imported here. */
	data: 'sample' | 'department' | 'user';
	/** When the data was read (ISO 8601): the build's date, or the import's. */
	asOf: string;
	/** The source files' names. */
	files: string[];
	/** The stored files' checksum the cube was made from (a user's cube only; see store.ts). */
	filesChecksum?: string;
}

export interface Cube {
	version: number;
	origin: CubeOrigin;
	tables: Record<CubeTableName, CubeTable>;
}

interface CubeMeta {
	version: number;
	origin: CubeOrigin;
}

export function encodeCube(cube: Cube): Uint8Array {
	return encodeTables<CubeMeta>({ version: cube.version, origin: cube.origin }, cube.tables);
}

/** A cube from its bytes; `CubeFormatError` when they are not a cube of this version. */
export function decodeCube(buffer: ArrayBuffer): Cube {
	const { meta, tables } = decodeTables<CubeMeta>(buffer);
	if (meta?.version !== CUBE_VERSION)
		throw new CubeFormatError(`版本 ${String(meta?.version)}，需要 ${CUBE_VERSION}`);
	for (const name of CUBE_TABLES) if (!tables[name]) throw new CubeFormatError(`缺少 ${name}`);
	return { version: meta.version, origin: meta.origin, tables: tables as Cube['tables'] };
}
