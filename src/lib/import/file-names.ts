/**
 * Names that tell files (and columns) apart. Two files of one import may share a name (a 申报明细.csv from
 * each of two folders); every row keeps its file's name (`source_file`) and every report is
 * found by it, so a later file of a name already used gets its own: "申报明细 (2).csv".
 */

/**
 * Names made distinct in order: a later one already used gets " (2)", " (3)" … before its
 * extension (`extension`: how much of the end stays after the number), skipping any name an
 * input already has. Files: "申报明细 (2).csv"; unlisted columns kept in `extra`: "备注 (2)".
 */
export function uniqueNames(
	names: readonly string[],
	extension: (name: string) => string = () => ''
): string[] {
	const taken = new Set(names);
	const used = new Set<string>();
	return names.map((name) => {
		if (!used.has(name)) {
			used.add(name);
			return name;
		}
		const end = extension(name);
		const stem = name.slice(0, name.length - end.length);
		for (let n = 2; ; n++) {
			const candidate = `${stem} (${n})${end}`;
			if (!taken.has(candidate) && !used.has(candidate)) {
				used.add(candidate);
				return candidate;
			}
		}
	});
}

/** "名称.csv", "名称.csv" → "名称.csv", "名称 (2).csv"; a name some input already has is skipped. */
export function uniqueFileNames(names: readonly string[]): string[] {
	return uniqueNames(names, (name) => {
		const dot = name.lastIndexOf('.');
		return dot > 0 ? name.slice(dot) : '';
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
