// Every page is prerendered into a static file; `page/index.html` for any web server.
export const prerender = true;
export const trailingSlash = 'always';
