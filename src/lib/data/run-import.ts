/**
 * The import worker run from the page: the files go over by reference, progress comes back as
 * the rows are read (import-progress.ts), then the result. And what the progress bar says of it,
 * in Chinese.
 */
import type { ImportRequest, SourceFile, WorkerMessage } from './import-messages';
import type { ImportProgressMessage } from './import-progress';

export async function runImportWorker(
	sources: SourceFile[],
	drop: string[],
	onProgress: (message: ImportProgressMessage) => void
): Promise<Extract<WorkerMessage, { type: 'done' }>> {
	// The Blobs go over by reference: the worker reads each file's bytes itself when its turn
	// comes, and this thread never holds them.
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
			const message = event.data;
			if (message.type === 'progress') onProgress(message);
			else {
				worker.terminate();
				if (message.type === 'done') resolve(message);
				else reject(new Error(message.message));
			}
		};
		worker.onerror = (event) => {
			worker.terminate();
			reject(new Error(event.message || '导入线程出错'));
		};
		const request: ImportRequest = { files: sources, dropIdentifyingColumns: drop };
		worker.postMessage(request);
	});
}

const count = (n: number) => n.toLocaleString('zh-CN');

/**
 * "正在校验 申报明细.csv：已读 50,000 / 440,000 行（第 1/3 个文件）", or "已校验 …" at its
 * end. The file's own name is shown (the user's), never an internal table or kind name.
 */
export function readingText(message: ImportProgressMessage): string {
	const { file, rows, rowsTotal, done, total } = message;
	const files = total > 1 ? `（已完成 ${done}/${total} 个文件）` : '';
	if (rowsTotal > 0 && rows < rowsTotal)
		return `正在校验 ${file}：已读 ${count(rows)} / ${count(rowsTotal)} 行${files}`;
	return `已校验 ${file}${files}`;
}
