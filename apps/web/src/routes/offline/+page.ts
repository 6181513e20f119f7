// The service worker keeps this page from the moment it installs and shows it when a page
// cannot be reached. Prerendered, so it is the same for everyone and holds nobody's data;
// no JavaScript, so it needs nothing beyond the HTML and the stylesheet it links.
export const prerender = true;
export const csr = false;
