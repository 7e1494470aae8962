/** Save text as a file from the browser (nothing is sent anywhere: a local object URL). */
export function downloadText(
	fileName: string,
	text: string,
	type = 'text/csv;charset=utf-8'
): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
