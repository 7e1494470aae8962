/**
 * The bundled sample data (data/sample/, made by scripts/make-sample.ts), emitted by Vite as
 * the site's own files and fetched through the same import as the department's files.
 */
import baselineUrl from '../../../data/sample/规上工业企业基数.csv?url';
import scenariosUrl from '../../../data/sample/建设场景明细.csv?url';
import declarationsUrl from '../../../data/sample/申报明细.csv?url';

const SAMPLE_FILES: readonly { name: string; url: string }[] = [
	{ name: '申报明细.csv', url: declarationsUrl },
	{ name: '建设场景明细.csv', url: scenariosUrl },
	{ name: '规上工业企业基数.csv', url: baselineUrl }
];

export async function fetchSampleFiles(): Promise<{ name: string; blob: Blob }[]> {
	return Promise.all(
		SAMPLE_FILES.map(async ({ name, url }) => {
			const response = await fetch(url);
			if (!response.ok) throw new Error(`示例数据 ${name} 加载失败（HTTP ${response.status}）`);
			return { name, blob: await response.blob() };
		})
	);
}
