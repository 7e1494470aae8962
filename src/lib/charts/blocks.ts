/**
 * A long chart or table cut into blocks of rows, each drawn in an element of its own that keeps
 * what it shows while far from the window (BlocksWhileNear in components/near-window.svelte.ts):
 * a filter change then updates the rows a user can see, the others as they come near. Pure.
 */

/**
 * `items` in order, cut into blocks: an item joins the last block while `joins(block, item)`
 * says so, and always once there are `maxBlocks` (the last takes the rest).
 */
export function blocksOf<T>(
	items: readonly T[],
	maxBlocks: number,
	joins: (block: readonly T[], item: T) => boolean
): T[][] {
	const blocks: T[][] = [];
	for (const item of items) {
		const last = blocks.at(-1);
		if (last !== undefined && (blocks.length === maxBlocks || joins(last, item))) last.push(item);
		else blocks.push([item]);
	}
	return blocks;
}

/** `items` in runs of `size`, at most `maxBlocks` of them (the last takes the rest). */
export function runsOf<T>(items: readonly T[], size: number, maxBlocks: number): T[][] {
	return blocksOf(items, maxBlocks, (block) => block.length < size);
}
