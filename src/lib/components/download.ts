import type { ExportScope } from '$lib/exports/export-scope.svelte';
import { chartCaption, exportFileName } from '$lib/exports/table-export';

/** Save text as a file from the browser (nothing is sent anywhere: a local object URL). */
export function downloadText(
	fileName: string,
	text: string,
	type = 'text/csv;charset=utf-8'
): void {
	downloadBlob(fileName, new Blob([text], { type }));
}

/** Save bytes (a workbook) as a file from the browser. */
export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
	downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
}

/** Save a `data:` URL (a PNG drawn here) as a file. */
export function downloadUrl(fileName: string, url: string): void {
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
}

function downloadBlob(fileName: string, blob: Blob): void {
	const url = URL.createObjectURL(blob);
	downloadUrl(fileName, url);
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Save a chart's picture (a `data:` URL at `scale` pixels a CSS pixel) as a PNG with its title,
 * the filters, the data's date and its source drawn in (exports/png.ts).
 */
export async function downloadChartPng(
	picture: string,
	title: string,
	scope: ExportScope,
	scale: number
): Promise<void> {
	const caption = chartCaption(title, scope);
	const { captionedPng } = await import('$lib/exports/png');
	downloadUrl(
		exportFileName(caption.title, scope.filters, 'png'),
		await captionedPng(picture, caption, scale)
	);
}
