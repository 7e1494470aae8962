/**
 * How far the import worker has come, as one fraction over every file, weighted by the files'
 * sizes: the files already read, plus the share of the file being read whose rows are done. The
 * rows of a large file are told as they are read, at most once per `intervalMs` (a progress
 * message per row would cost more than the reading); a file's end is always told. Two files
 * may be read at once (the second worker's). Pure but for the clock it is given.
 */
export interface ImportProgressMessage {
	type: 'progress';
	/** 0–1 over all files, by size. */
	fraction: number;
	/** The file being read (its name as the import knows it). */
	file: string;
	/** Files read so far, of `total`. */
	done: number;
	total: number;
	/** Data rows of `file` read so far, of `rowsTotal` (its records after the header). */
	rows: number;
	rowsTotal: number;
}

export class ImportProgress {
	private readonly read: number[];
	private readonly finished = new Set<number>();
	private readonly totalBytes: number;
	private lastPost = -Infinity;

	constructor(
		private readonly sizes: readonly number[],
		private readonly post: (message: ImportProgressMessage) => void,
		private readonly now: () => number = () => performance.now(),
		private readonly intervalMs = 100
	) {
		this.read = sizes.map(() => 0);
		this.totalBytes = sizes.reduce((n, s) => n + Math.max(s, 1), 0);
	}

	private fraction(): number {
		let bytes = 0;
		for (const [i, size] of this.sizes.entries())
			bytes += Math.max(size, 1) * (this.finished.has(i) ? 1 : (this.read[i] as number));
		return this.totalBytes > 0 ? bytes / this.totalBytes : 1;
	}

	private send(file: string, rows: number, rowsTotal: number) {
		this.lastPost = this.now();
		this.post({
			type: 'progress',
			fraction: this.fraction(),
			file,
			done: this.finished.size,
			total: this.sizes.length,
			rows,
			rowsTotal
		});
	}

	/** Rows `rows` of `rowsTotal` of file `index` are read; told when `intervalMs` has passed. */
	rows(index: number, file: string, rows: number, rowsTotal: number): void {
		if (this.finished.has(index)) return;
		this.read[index] = rowsTotal > 0 ? Math.min(1, rows / rowsTotal) : 0;
		if (this.now() - this.lastPost >= this.intervalMs) this.send(file, rows, rowsTotal);
	}

	/** File `index` is read: always told. */
	fileDone(index: number, file: string, rowsTotal = 0): void {
		this.finished.add(index);
		this.send(file, rowsTotal, rowsTotal);
	}
}
