/**
 * SqlEngine on @duckdb/node-api, for Node: tests, prerendering and the summary CLI.
 * Registered texts are written to a private temporary folder.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlEngine, SqlSources } from './engine';

/**
 * schema.sql, views.sql and cube.sql, read from beside this module — or, when this module has been
 * bundled (the prerendering build), from the project's src/lib/db/.
 */
export function readSqlSources(): SqlSources {
	const read = (file: string) => {
		const beside = fileURLToPath(new URL(`./${file}`, import.meta.url));
		const path = existsSync(beside) ? beside : resolve('src/lib/db', file);
		return readFileSync(path, 'utf8');
	};
	return {
		schema: read('schema.sql'),
		views: read('views.sql'),
		cube: read('cube.sql'),
		drill: read('drill.sql')
	};
}

function plain(value: unknown): unknown {
	if (typeof value === 'bigint') return Number(value);
	if (value !== null && typeof value === 'object' && 'toDouble' in value) {
		return (value as { toDouble(): number }).toDouble();
	}
	return value;
}

export class NodeEngine implements SqlEngine {
	private readonly folder = mkdtempSync(join(tmpdir(), 'duckdb-texts-'));

	private constructor(
		private readonly instance: DuckDBInstance,
		private readonly connection: DuckDBConnection
	) {}

	static async create(): Promise<NodeEngine> {
		const instance = await DuckDBInstance.create(':memory:');
		return new NodeEngine(instance, await instance.connect());
	}

	async exec(sql: string): Promise<void> {
		await this.connection.run(sql);
	}

	async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
		const reader = await this.connection.runAndReadAll(sql);
		return reader
			.getRowObjectsJS()
			.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])) as T);
	}

	async registerText(name: string, text: string | Uint8Array): Promise<string> {
		const path = join(this.folder, name);
		writeFileSync(path, text);
		return path;
	}

	async unregister(path: string): Promise<void> {
		rmSync(path, { force: true });
	}

	close(): void {
		this.connection.closeSync();
		this.instance.closeSync();
		rmSync(this.folder, { recursive: true, force: true });
	}
}
