// Set by the proxy on every request it passes: the path and query the browser asked for.
export const REQUEST_PATH_HEADER = 'x-panel-request-path';
