/**
 * The build's cube's core as a static file of the site (`cube.bin`): every viewing page fetches
 * it to slice figures for any filters without DuckDB (docs/cube.md).
 */
import { binaryFile } from '$lib/server/binary-file';

export const prerender = true;

export const GET = () => binaryFile('core');
