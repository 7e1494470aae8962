/**
 * The rows behind the build's figures (drill-through) as a static file of the site: fetched only
 * when a user asks what makes a figure (docs/cube.md).
 */
import { encodeDrillRows } from '$lib/cube/drill';
import { buildData } from '$lib/server/build-data';

export const prerender = true;

export async function GET() {
	const bytes = encodeDrillRows((await buildData()).drill);
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/octet-stream' }
	});
}
