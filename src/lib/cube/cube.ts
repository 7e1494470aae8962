/**
 * The cube: the small aggregates every figure is sliced from (src/lib/figures/), made by
 * DuckDB from src/lib/db/cube.sql, kept as bytes (codec.ts). What each table holds:
 * cube.sql and docs/cube.md. Pure.
 */
import { decodeTables, encodeTables, CubeFormatError } from './codec';
import type { CubeTable } from './table';

/**
 * Bumped whenever cube.sql, the slices' reading of it or the way it is kept changes: a stored
 * cube of another version is not read (the pages say so and make it again from the stored
 * files). 2: kept in two parts, core and detail.
 */
export const CUBE_VERSION = 2;

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

/**
 * The tables only 场景, a 盟市's page, 能力评估 and the reports read: a row per declaration key
 * and scenario or maturity, so nearly all of a cube's bytes (~3.98 of 4.28 MB at a million
 * scenario rows). Kept and fetched apart from the rest (the core), so that 总览, 盟市, 行业 and
 * 计划落实 read a few hundred kilobytes on a page load.
 */
export const CUBE_DETAIL_TABLES = ['scenarios', 'assessment'] as const;
export type CubeDetailTableName = (typeof CUBE_DETAIL_TABLES)[number];
export type CubeCoreTableName = Exclude<CubeTableName, CubeDetailTableName>;
export const CUBE_CORE_TABLES = CUBE_TABLES.filter(
	(name): name is CubeCoreTableName => !(CUBE_DETAIL_TABLES as readonly string[]).includes(name)
);

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

/** A cube without its detail tables: all that the pages but 场景, a 盟市's, 能力评估 read. */
export interface CubeCore {
	version: number;
	origin: CubeOrigin;
	tables: Record<CubeCoreTableName, CubeTable>;
}

export interface Cube extends CubeCore {
	tables: Record<CubeTableName, CubeTable>;
}

/** A cube as it is kept and fetched: two buffers (`cube.bin` and `cube-detail.bin` of a build). */
export interface CubeBytes {
	core: Uint8Array;
	detail: Uint8Array;
}

interface CubeMeta {
	version: number;
	origin: CubeOrigin;
	part: 'core' | 'detail';
}

const pick = <N extends CubeTableName>(cube: Cube, names: readonly N[]) =>
	Object.fromEntries(names.map((name) => [name, cube.tables[name]])) as Record<N, CubeTable>;

export function encodeCube(cube: Cube): CubeBytes {
	const meta = (part: CubeMeta['part']): CubeMeta => ({
		version: cube.version,
		origin: cube.origin,
		part
	});
	return {
		core: encodeTables(meta('core'), pick(cube, CUBE_CORE_TABLES)),
		detail: encodeTables(meta('detail'), pick(cube, CUBE_DETAIL_TABLES))
	};
}

/** One part's tables, checked; `CubeFormatError` when they are not that part of this version. */
function decodePart<N extends CubeTableName>(
	buffer: ArrayBuffer,
	part: CubeMeta['part'],
	names: readonly N[]
): { meta: CubeMeta; tables: Record<N, CubeTable> } {
	const { meta, tables } = decodeTables<CubeMeta>(buffer);
	if (meta?.version !== CUBE_VERSION)
		throw new CubeFormatError(`版本 ${String(meta?.version)}，需要 ${CUBE_VERSION}`);
	if (meta.part !== part) throw new CubeFormatError(`不是${part === 'core' ? '主体' : '明细'}部分`);
	for (const name of names) if (!tables[name]) throw new CubeFormatError(`缺少 ${name}`);
	return { meta, tables: tables as Record<N, CubeTable> };
}

/** A cube's core from its bytes; `CubeFormatError` when they are not a core of this version. */
export function decodeCubeCore(buffer: ArrayBuffer): CubeCore {
	const { meta, tables } = decodePart(buffer, 'core', CUBE_CORE_TABLES);
	return { version: meta.version, origin: meta.origin, tables };
}

/**
 * The whole cube: `core` and the detail in `buffer`, which must have been made with it (the same
 * origin); `CubeFormatError` otherwise.
 */
export function withDetail(core: CubeCore, buffer: ArrayBuffer): Cube {
	const { meta, tables } = decodePart(buffer, 'detail', CUBE_DETAIL_TABLES);
	if (JSON.stringify(meta.origin) !== JSON.stringify(core.origin))
		throw new CubeFormatError('明细与主体不是同一份数据');
	return { ...core, tables: { ...core.tables, ...tables } };
}

/** A cube from its two parts' bytes (tests, scripts). */
export function decodeCube(bytes: CubeBytes): Cube {
	const buffer = (array: Uint8Array) =>
		array.buffer.slice(array.byteOffset, array.byteOffset + array.byteLength) as ArrayBuffer;
	return withDetail(decodeCubeCore(buffer(bytes.core)), buffer(bytes.detail));
}
