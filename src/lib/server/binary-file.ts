/**
 * The build's binary files (`cube.bin`, `cube-detail.bin`, `drill.bin`): prerendered from the
 * build's data, served as static files of the site (docs/cube.md).
 */
import { encodeCube } from '../cube/cube';
import { encodeDrillRows } from '../cube/drill';
import { buildData } from './build-data';

/** What each file holds: the cube's core, its detail, the rows behind the figures. */
const FILES = {
	core: async () => encodeCube((await buildData()).cube).core,
	detail: async () => encodeCube((await buildData()).cube).detail,
	drill: async () => encodeDrillRows((await buildData()).drill)
};

/** The response of a prerendered `+server.ts` for one of the files. */
export async function binaryFile(file: keyof typeof FILES): Promise<Response> {
	const bytes = await FILES[file]();
	return new Response(bytes as Uint8Array<ArrayBuffer>, {
		headers: { 'content-type': 'application/octet-stream' }
	});
}
