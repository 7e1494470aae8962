/**
 * How much CSV one tab can take. The import holds a file several times over while it parses,
 * validates and loads it: measured in Chromium (docs/benchmarks.md), 100 MB of declarations
 * peaked at about 3 GB of renderer memory and 200 MB crashed the tab. Above the limit the files
 * are refused with a message instead. Raise it when the import streams.
 */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;

/**
 * How much a workbook's parts read may unpack to (its sheet's XML, shared strings and styles),
 * checked before they are inflated: the sizes above are of the files as given, and an .xlsx is
 * a ZIP archive several times smaller than its XML, which is itself several times its CSV.
 */
export const MAX_UNPACKED_WORKBOOK_BYTES = 4 * MAX_IMPORT_BYTES;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Why files of these sizes (everything to be loaded together) are refused; null when they fit. */
export function importSizeProblem(
	sizes: readonly number[],
	limit: number = MAX_IMPORT_BYTES
): string | null {
	const total = sizes.reduce((n, s) => n + s, 0);
	if (total <= limit) return null;
	return (
		`要导入的文件合计 ${mb(total)}，超过本机浏览器能可靠处理的 ${mb(limit)}，继续可能使页面因内存不足而崩溃，未导入。` +
		`请只导入需要分析的年度或盟市的数据（已导入的文件一并计入），或在电脑上用 npm run summary 汇总。`
	);
}
