/**
 * The build's cube's core as a static file of the site (`cube.bin`): every viewing page fetches
 * it to slice figures for any filters without DuckDB (docs/cube.md).
 */
import { encodeCube } from '$lib/cube/cube';
import { buildData } from '$lib/server/build-data';

export const prerender = true;

export async function GET() {
	const bytes = encodeCube((await buildData()).cube).core;
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/octet-stream' }
	});
}
