/**
 * A classic worker that runs duckdb-wasm's worker script inside itself and turns an unhandled
 * promise rejection there (out of memory while compiling the wasm is one) into an uncaught
 * error, which the page sees as the Worker's `error` event. Without it the page would wait for
 * an answer that never comes. The first message names the script to run; every later message
 * goes to duckdb-wasm's own handler.
 */
declare const importScripts: (...urls: string[]) => void;

self.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
	const reason: unknown = event.reason;
	setTimeout(() => {
		throw reason instanceof Error ? reason : new Error(String(reason));
	});
});

self.onmessage = (event: MessageEvent<{ duckdbWorker: string }>) => {
	self.onmessage = null;
	importScripts(event.data.duckdbWorker);
};
