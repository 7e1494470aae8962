// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		// interface PageData {}
		interface PageState {
			/**
			 * A dashboard page's filters as a query string, set when the filters change (a shallow
			 * history entry: the URL shows the same query, but the page is not navigated to again).
			 */
			filterSearch?: string;
		}
		// interface Platform {}
	}
}

export {};
