import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../scripts/serve.js';
import type { Server } from 'node:http';

declare module 'vitest' {
	export interface ProvidedContext {
		siteUrl: string;
	}
}

let server: Server | undefined;

/** Serves build/ on a free port for the browser tests; the build must exist (npm test builds it). */
export async function setup(project: TestProject) {
	const started = await startStaticServer({ dir: 'build' });
	server = started.server;
	project.provide('siteUrl', started.url);
}

export async function teardown() {
	await new Promise((resolve) => server?.close(resolve));
}
