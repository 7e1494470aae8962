import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../src/lib/import/pipeline';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('privacy guard on awkward paths', () => {
	it('names the line of an identifying value even after blank rows', () => {
		const text = [
			'申报编号,企业编码,申报年度,盟市,行业代码,规上企业,申报层级,审核状态,认定层级,备注',
			'D1,E1,2025,呼和浩特市,C26,是,基础级,已认定,基础级,',
			'',
			'D2,E2,2025,包头市,C31,是,基础级,已认定,基础级,13912345678'
		].join('\n');
		const [report] = importFiles([{ name: 'decl.csv', bytes: bytes(text) }]).reports;
		expect(report!.status).toBe('refused');
		expect(report!.identifyingColumns[0]).toMatchObject({ header: '备注' });
		expect(report!.identifyingColumns[0]!.reason).toBe('第 4 行的值形如电话号码');
	});

	it('refuses a value past the header even when the user chose to drop identifying columns', () => {
		const text = [
			'申报编号,企业编码,申报年度,盟市,行业代码,规上企业,申报层级,审核状态,认定层级',
			'D1,E1,2025,呼和浩特市,C26,是,基础级,已认定,基础级',
			'D2,E2,2025,包头市,C31,是,基础级,已认定,基础级,,138 1234 5678'
		].join('\n');
		for (const drop of [false, true]) {
			const result = importFiles([{ name: 'decl.csv', bytes: bytes(text) }], {
				dropIdentifyingColumns: new Set(drop ? ['decl.csv'] : [])
			});
			const [report] = result.reports;
			expect(report!.status).toBe('refused');
			expect(report!.identifyingColumns).toEqual([
				{ index: 10, header: '第 11 列（表头之外）', reason: '第 3 行的值形如电话号码' }
			]);
			expect(report!.problems[0]!.reason).toContain('无法按列删除');
			// Nowhere to be found: not in a rejected row, not in what is kept for a reload.
			expect(JSON.stringify(report)).not.toContain('1234 5678');
			expect(result.sanitizedTexts).toEqual([]);
		}
	});

	it('a dropped column stays out of the rejected rows of a file that is then not recognised', () => {
		const text = ['企业名称,随便一列', '某某稀土有限公司,x', '另一家煤业有限公司,y'].join('\n');
		const result = importFiles([{ name: 'odd.csv', bytes: bytes(text) }], {
			dropIdentifyingColumns: new Set(['odd.csv'])
		});
		const [report] = result.reports;
		expect(report!.status).toBe('unrecognised');
		expect(report!.rowsRejected).toBe(2);
		expect(JSON.stringify(report!.rejectedRows)).not.toContain('有限公司');
	});
});

describe('what is kept for a reload', () => {
	const fixtures = ['tests/fixtures/import', 'tests/fixtures/hostile'].flatMap((dir) =>
		readdirSync(dir)
			.filter((name) => name.endsWith('.csv'))
			.map((name) => `${dir}/${name}`)
	);

	it('is, where kept as the input bytes, exactly the text it stands for, in every fixture that loads', () => {
		let reused = 0;
		for (const name of fixtures) {
			const input = { name, bytes: new Uint8Array(readFileSync(name)) };
			for (const drop of [false, true]) {
				const result = importFiles([input], {
					dropIdentifyingColumns: new Set(drop ? [name] : [])
				});
				for (const kept of result.sanitizedTexts) {
					if (kept.storedFromInputByte === null) continue;
					reused += 1;
					const stored = input.bytes.subarray(kept.storedFromInputByte);
					expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(stored), name).toBe(
						kept.text
					);
				}
			}
		}
		expect(reused).toBeGreaterThan(10);
	});

	it('names the input each kept file comes from by position, even when two share a name', () => {
		const read = (path: string) => new Uint8Array(readFileSync(`tests/fixtures/import/${path}`));
		const result = importFiles([
			{ name: 'same.csv', bytes: read('decl-gbk.csv') },
			{ name: 'empty.csv', bytes: new Uint8Array(0) },
			{ name: 'same.csv', bytes: read('decl-utf8-bom.csv') }
		]);
		expect(result.sanitizedTexts.map((kept) => [kept.input, kept.storedFromInputByte])).toEqual([
			[0, null],
			[2, 3]
		]);
	});

	it('never reuses the input bytes of a file whose identifying column was dropped, nor of a GBK file', () => {
		const dropped = importFiles(
			[
				{
					name: 'decl-company-name.csv',
					bytes: new Uint8Array(readFileSync('tests/fixtures/import/decl-company-name.csv'))
				}
			],
			{ dropIdentifyingColumns: new Set(['decl-company-name.csv']) }
		);
		expect(dropped.sanitizedTexts).toHaveLength(1);
		expect(dropped.sanitizedTexts[0]?.storedFromInputByte).toBeNull();
		const gbk = importFiles([
			{
				name: 'decl-gbk.csv',
				bytes: new Uint8Array(readFileSync('tests/fixtures/import/decl-gbk.csv'))
			}
		]);
		expect(gbk.sanitizedTexts[0]?.storedFromInputByte).toBeNull();
	});
});
