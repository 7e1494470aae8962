/**
 * The build's cube's detail (`cube-detail.bin`: the scenario and maturity tables), fetched only
 * by the pages that slice it — 场景, a 盟市's page, 能力评估, the reports (docs/cube.md).
 */
import { binaryFile } from '$lib/server/binary-file';

export const prerender = true;

export const GET = () => binaryFile('detail');
