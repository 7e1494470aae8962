/** Buffered CSV output for the sample: CRLF like Excel, quoting only where needed. */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const csvField = (value: string) =>
	/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

export type CsvWriter = {
	rows: number;
	write: (fields: readonly string[]) => void;
	close: () => void;
};

/** A CSV file written in 64 KB chunks, CRLF, no BOM; `rows` counts rows below the header. */
export function csvWriter(dir: string, [name, ...header]: readonly string[]): CsvWriter {
	const fd = openSync(join(dir, name ?? ''), 'w');
	let chunk = '';
	const flush = () => {
		writeSync(fd, chunk);
		chunk = '';
	};
	const writer: CsvWriter = {
		rows: -1,
		write(fields) {
			chunk += fields.map(csvField).join(',') + '\r\n';
			writer.rows += 1;
			if (chunk.length > 1 << 16) flush();
		},
		close() {
			flush();
			closeSync(fd);
		}
	};
	writer.write(header);
	return writer;
}
