/**
 * Why the in-browser database could not start, told to the user in Chinese: what happened and
 * what to do. Pure: the browser engine throws an EngineStartError where it knows the cause,
 * and anything else is read from the error's name and message.
 */

export type EngineFailureKind =
	'no-webassembly' | 'wasm-mime' | 'wasm-download' | 'memory' | 'other';

export interface EngineFailure {
	kind: EngineFailureKind;
	/** What happened, in one sentence. */
	what: string;
	/** What the user (or the site's administrator) can do. */
	todo: string;
}

/** A start-up failure whose cause the engine established itself. */
export class EngineStartError extends Error {
	constructor(
		readonly kind: EngineFailureKind,
		detail: string
	) {
		super(detail);
		this.name = 'EngineStartError';
	}
}

const MESSAGES: Record<Exclude<EngineFailureKind, 'other'>, Omit<EngineFailure, 'kind'>> = {
	'no-webassembly': {
		what: '此浏览器不支持 WebAssembly，本机数据库（DuckDB）无法启动。',
		todo: '请改用新版 Chrome、Edge 或 Firefox；360、QQ 等双核浏览器请切换到“极速模式”。'
	},
	'wasm-mime': {
		what: '网站服务器发送数据库组件（.wasm 文件）时的文件类型不对，浏览器拒绝运行它。',
		todo: '请联系网站管理员：在 Web 服务器上把 .wasm 文件的 MIME 类型设为 application/wasm（见 README 的部署说明）。'
	},
	'wasm-download': {
		what: '未能从网站服务器下载数据库组件（.wasm 文件）。',
		todo: '请检查与服务器的网络连接后刷新页面；如仍不行，请联系网站管理员。'
	},
	memory: {
		what: '浏览器可用内存不足，本机数据库无法启动。',
		todo: '请关闭其他标签页和程序后刷新页面；32 位浏览器请改用 64 位版本。'
	}
};

/** The kind of a start-up failure, from what was thrown. */
export function failureKind(error: unknown): EngineFailureKind {
	if (error instanceof EngineStartError) return error.kind;
	const name = error instanceof Error ? error.name : '';
	const message = error instanceof Error ? error.message : String(error);
	if (name === 'RangeError' || /out of memory|cannot allocate|allocation failed/i.test(message))
		return 'memory';
	if (/mime type/i.test(message)) return 'wasm-mime';
	if (/WebAssembly is not defined/i.test(message)) return 'no-webassembly';
	if (/status code is not ok|failed to fetch|networkerror/i.test(message)) return 'wasm-download';
	return 'other';
}

export function describeEngineFailure(error: unknown): EngineFailure {
	const kind = failureKind(error);
	if (kind !== 'other') return { kind, ...MESSAGES[kind] };
	const detail = error instanceof Error ? error.message : String(error);
	return {
		kind,
		what: `本机数据库（DuckDB）未能启动：${detail}`,
		todo: '请刷新页面；如仍不行，请改用新版 Chrome 或 Edge，或联系网站管理员。'
	};
}
