/**
 * The build's cube as a static file of the site (`cube.bin`): the viewing pages fetch it to
 * slice figures for any filters without DuckDB (docs/cube.md).
 */
import { encodeCube } from '$lib/cube/cube';
import { buildData } from '$lib/server/build-data';

export const prerender = true;

export async function GET() {
	const bytes = encodeCube((await buildData()).cube);
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/octet-stream' }
	});
}
