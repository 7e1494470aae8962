import { buildData } from '$lib/server/build-data';

/** Which data the prerendered figures come from, for every page's source note. */
export const load = async () => {
	const data = await buildData();
	return { build: { source: data.source, builtAt: data.builtAt, files: data.files } };
};
