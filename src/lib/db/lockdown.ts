/**
 * DuckDB's own lock on the page's database, the second of the SQL console's two locks (the
 * first is the guard in read-only.ts): no file, URL or database outside the loaded data, no
 * extension loaded or downloaded, and the configuration locked so no statement can undo it.
 *
 * `enable_external_access = false` also stops DuckDB reading the files the site registers for
 * its own loads (duckdb-wasm 1.32, engine 1.4.3: `Permission Error: Cannot access file`), and a
 * locked configuration cannot be opened again. So the lock is applied once, when the database
 * starts and before any data is loaded, with one private directory allowed
 * (`allowed_directories`): the site registers its CSV parts there (BrowserEngine.registerText)
 * and every later import loads through it; Arrow inserts need no file at all. Settings are
 * database-wide in DuckDB, so the console's own connection is locked with the rest.
 */

/** A directory name nobody can guess, for this page's registered files (`/load-<hex>/`). */
export function privateLoadDirectory(): string {
	// getRandomValues, not randomUUID: an intranet site over plain HTTP is not a secure context.
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	return `/load-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}/`;
}

/** The statements that lock the database; `loadDirectory` is the one place files may be read. */
export function lockdownSql(loadDirectory: string): string {
	if (!/^\/[a-z0-9-]+\/$/.test(loadDirectory)) throw new Error(`bad directory ${loadDirectory}`);
	return `
SET autoinstall_known_extensions = false;
SET autoload_known_extensions = false;
SET allow_community_extensions = false;
SET allow_persistent_secrets = false;
SET allowed_directories = ['${loadDirectory}'];
SET enable_external_access = false;
SET lock_configuration = true;
`;
}
