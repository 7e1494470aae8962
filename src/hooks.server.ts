/** At prerendering: stylesheets before module preloads in every page's head (head-order.ts). */
import type { Handle } from '@sveltejs/kit';
import { stylesheetsFirst } from '$lib/server/head-order';

export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => stylesheetsFirst(html) });
