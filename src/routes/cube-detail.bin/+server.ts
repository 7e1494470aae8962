/**
 * The build's cube's detail (`cube-detail.bin`: the scenario and maturity tables), fetched only
 * by the pages that slice it — 场景, a 盟市's page, 能力评估, the reports (docs/cube.md).
 */
import { encodeCube } from '$lib/cube/cube';
import { buildData } from '$lib/server/build-data';

export const prerender = true;

export async function GET() {
	const bytes = encodeCube((await buildData()).cube).detail;
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/octet-stream' }
	});
}
