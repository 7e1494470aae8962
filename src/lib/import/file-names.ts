/**
 * Names that tell files apart. Two files of one import may share a name (a 申报明细.csv from
 * each of two folders); every row keeps its file's name (`source_file`) and every report is
 * found by it, so a later file of a name already used gets its own: "申报明细 (2).csv".
 */

/** "名称.csv", "名称.csv" → "名称.csv", "名称 (2).csv"; a name some input already has is skipped. */
export function uniqueFileNames(names: readonly string[]): string[] {
	const taken = new Set(names);
	const used = new Set<string>();
	return names.map((name) => {
		if (!used.has(name)) {
			used.add(name);
			return name;
		}
		const dot = name.lastIndexOf('.');
		const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
		for (let n = 2; ; n++) {
			const candidate = `${stem} (${n})${extension}`;
			if (!taken.has(candidate) && !used.has(candidate)) {
				used.add(candidate);
				return candidate;
			}
		}
	});
}

/** Files under names that tell them apart; a renamed one says what it was called (`renamedFrom`). */
export function withUniqueNames<T extends { name: string; renamedFrom?: string }>(
	files: readonly T[]
): T[] {
	const names = uniqueFileNames(files.map((file) => file.name));
	return files.map((file, i) => {
		const name = names[i] as string;
		return name === file.name
			? file
			: { ...file, name, renamedFrom: file.renamedFrom ?? file.name };
	});
}
