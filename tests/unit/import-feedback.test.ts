import { describe, expect, it } from 'vitest';
import { ImportProgress, type ImportProgressMessage } from '../../src/lib/data/import-progress';
import { readingText } from '../../src/lib/data/run-import';
import { FILE_KINDS } from '../../src/lib/import/file-kinds';
import { readInputFile, ROWS_PER_PROGRESS } from '../../src/lib/import/read-file';
import { TABLE_COLUMNS, TABLE_LABELS } from '../../src/lib/import/tables';

describe('progress within a file', () => {
	it('moves with the rows read, weighted by file size, at most once per interval', () => {
		const posted: ImportProgressMessage[] = [];
		let clock = 0;
		const progress = new ImportProgress(
			[100, 300],
			(m) => posted.push(m),
			() => clock,
			100
		);
		progress.rows(0, 'a.csv', 0, 10);
		clock = 50;
		progress.rows(0, 'a.csv', 5, 10); // too soon: not told
		expect(posted).toHaveLength(1);
		clock = 150;
		progress.rows(0, 'a.csv', 5, 10);
		expect(posted.at(-1)).toMatchObject({ fraction: 50 / 400, rows: 5, rowsTotal: 10 });
		progress.fileDone(0, 'a.csv', 10); // always told
		expect(posted.at(-1)).toMatchObject({ fraction: 100 / 400, done: 1, total: 2 });
		clock = 300;
		progress.rows(1, 'b.csv', 150, 300);
		expect(posted.at(-1)?.fraction).toBeCloseTo((100 + 150) / 400);
		progress.fileDone(1, 'b.csv');
		expect(posted.at(-1)?.fraction).toBe(1);
		const fractions = posted.map((m) => m.fraction);
		expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
	});

	it('a large file tells its rows as it reads them, from 0 up to its last', () => {
		const rows = 3 * ROWS_PER_PROGRESS + 5;
		const lines = ['年度,盟市,规上工业企业数'];
		for (let i = 0; i < rows; i++) lines.push(`2026,呼和浩特市,${i}`);
		const told: [number, number][] = [];
		readInputFile(
			{ name: 'b.csv', bytes: new TextEncoder().encode(lines.join('\n')) },
			{ onRows: (done, total) => told.push([done, total]) }
		);
		expect(told.map(([done]) => done)).toEqual([0, 1, 2, 3].map((k) => k * ROWS_PER_PROGRESS));
		expect(told.every(([, total]) => total === rows)).toBe(true);
	});

	it('says rows read of the file, in Chinese, with the user’s file name', () => {
		const text = readingText({
			type: 'progress',
			fraction: 0.3,
			file: '申报明细.csv',
			rows: 50000,
			rowsTotal: 440000,
			done: 0,
			total: 2
		});
		expect(text).toBe('正在校验 申报明细.csv：已读 50,000 / 440,000 行（已完成 0/2 个文件）');
	});
});

describe('only Chinese names on screen', () => {
	const internal = [...Object.keys(TABLE_COLUMNS), ...FILE_KINDS.map((k) => k.kind)];

	it('every table and file kind has a Chinese name with no internal name in it', () => {
		for (const table of Object.keys(TABLE_COLUMNS) as (keyof typeof TABLE_COLUMNS)[]) {
			expect(TABLE_LABELS[table], table).toMatch(/^[\u4e00-\u9fff]+$/);
		}
		for (const kind of FILE_KINDS) expect(kind.label, kind.kind).toMatch(/^[\u4e00-\u9fff]+$/);
		expect(TABLE_LABELS.region_targets).toBe('盟市目标');
		expect(internal).toContain('region_targets');
	});
});
