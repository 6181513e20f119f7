// The landing page has nothing interactive, so it ships as plain server-rendered HTML
// with no JavaScript. Remove this line if it gains interactive parts.
export const csr = false;
