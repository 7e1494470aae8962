/**
 * The data the site is built with: the department's CSVs from `DATA_DIR` (or the CSV files
 * directly in `data/`), else the bundled sample (`data/sample/`). Imported and loaded into
 * DuckDB in Node once per build, with the same code and SQL as the browser, and made into the
 * cube every prerendered figure is a slice of (shipped as `cube.bin` for the pages' filters).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Cube } from '../cube/cube';
import type { DrillRows } from '../cube/drill';
import { loadTables } from '../db/load';
import { makeCube, makeDrillRows } from '../db/make-cube';
import { NodeEngine, readSqlSources } from '../db/node-engine';
import { importFiles } from '../import/pipeline';

export interface BuildData {
	/** The build data's cube: every figure the site prerenders, and what its pages slice. */
	cube: Cube;
	/** The rows behind the figures (drill-through), shipped as `drill.bin`. */
	drill: DrillRows;
	/** 'sample' when the build fell back to the bundled 示例数据. */
	source: 'sample' | 'department';
	folder: string;
	files: string[];
	/** When the data was read (the build's as-of date), ISO 8601. */
	builtAt: string;
}

function csvFiles(folder: string): string[] {
	if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return [];
	return readdirSync(folder)
		.filter((name) => name.toLowerCase().endsWith('.csv'))
		.sort();
}

/** Which folder the build reads, and whether it is the sample. */
export function buildDataFolder(env: Record<string, string | undefined> = process.env): {
	folder: string;
	source: 'sample' | 'department';
} {
	const configured = env.DATA_DIR ? resolve(env.DATA_DIR) : resolve('data');
	if (csvFiles(configured).length > 0) return { folder: configured, source: 'department' };
	if (env.DATA_DIR) throw new Error(`DATA_DIR=${env.DATA_DIR} 中没有 CSV 文件`);
	return { folder: resolve('data/sample'), source: 'sample' };
}

let loaded: Promise<BuildData> | null = null;

export function buildData(): Promise<BuildData> {
	loaded ??= (async () => {
		const { folder, source } = buildDataFolder();
		const files = csvFiles(folder);
		const result = importFiles(
			files.map((name) => ({ name, bytes: readFileSync(join(folder, name)) }))
		);
		const refused = result.reports.filter(
			(r) => r.status === 'refused' || r.status === 'unrecognised'
		);
		if (refused.length > 0) {
			throw new Error(
				`构建数据中有被拒绝的文件：${refused.map((r) => r.file).join('、')}（用 npm run summary 查看原因）`
			);
		}
		const engine = await NodeEngine.create();
		const sql = readSqlSources();
		await loadTables(engine, sql, result.tables);
		const builtAt = new Date().toISOString();
		const origin = { data: source, asOf: builtAt, files };
		const cube = await makeCube(engine, sql.cube, origin);
		const drill = await makeDrillRows(engine, sql.drill, origin);
		engine.close();
		return { cube, drill, source, folder, files, builtAt };
	})();
	return loaded;
}
