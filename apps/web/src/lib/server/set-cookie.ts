// The api signs people in and out with Set-Cookie on its GraphQL responses. When the web
// server calls the api for a browser (form actions, page loads), those cookies must reach
// the browser, so each header is parsed into what SvelteKit's `cookies.set` takes.

export interface ParsedCookie {
  name: string;
  value: string;
  options: {
    path: string;
    httpOnly: boolean;
    secure: boolean;
    sameSite?: 'lax' | 'strict' | 'none';
    expires?: Date;
    maxAge?: number;
  };
}

export function parseSetCookie(header: string): ParsedCookie | null {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const cookie: ParsedCookie = {
    name: pair.slice(0, eq),
    value: decodeURIComponent(pair.slice(eq + 1)),
    options: { path: '/', httpOnly: false, secure: false },
  };
  for (const attribute of attributes) {
    const [rawKey = '', ...rest] = attribute.split('=');
    const key = rawKey.toLowerCase();
    const value = rest.join('=');
    if (key === 'path') cookie.options.path = value || '/';
    else if (key === 'httponly') cookie.options.httpOnly = true;
    else if (key === 'secure') cookie.options.secure = true;
    else if (key === 'samesite') {
      const same = value.toLowerCase();
      if (same === 'lax' || same === 'strict' || same === 'none') cookie.options.sameSite = same;
    } else if (key === 'expires') {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) cookie.options.expires = date;
    } else if (key === 'max-age' && /^-?\d+$/.test(value)) {
      cookie.options.maxAge = Number(value);
    }
  }
  return cookie;
}
