import { buildRule } from '$lib/server/reports';

/** The preview applies the rule the build publishes with. */
export const load = () => ({ rule: buildRule() });
