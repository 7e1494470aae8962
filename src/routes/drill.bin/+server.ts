/**
 * The rows behind the build's figures (drill-through) as a static file of the site: fetched only
 * when a user asks what makes a figure (docs/cube.md).
 */
import { binaryFile } from '$lib/server/binary-file';

export const prerender = true;

export const GET = () => binaryFile('drill');
