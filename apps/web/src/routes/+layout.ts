// The old system's addresses end in a slash (/dashboard/, /login/); links people kept
// should keep working without a redirect.
export const trailingSlash = 'always';
