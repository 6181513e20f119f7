// WhatsApp's message formatting (*bold*, _italic_, ~strike~, `code`, ```monospace```) read
// into plain data the chat simulator draws with elements. Nothing here produces HTML: the
// text stays text, so a message can never inject markup.

export interface Span {
  text: string;
  bold?: true;
  italic?: true;
  strike?: true;
  code?: true;
}

export type Block =
  /** A run of ordinary lines, with their inline styles. */
  | { kind: 'text'; spans: Span[] }
  /** A ``` block: fixed-width, whitespace kept, no styles inside. */
  | { kind: 'mono'; text: string };

const STYLES = { '*': 'bold', _: 'italic', '~': 'strike' } as const;
type Marker = keyof typeof STYLES;
type Style = Pick<Span, 'bold' | 'italic' | 'strike'>;

const isMarker = (char: string | undefined): char is Marker =>
  char === '*' || char === '_' || char === '~';
const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

// WhatsApp styles a run only when the markers hug it (no space just inside) and stand
// apart from words outside: "2*3*4" and "snake_case_name" stay as typed.
function closingIndex(line: string, open: number): number {
  const marker = line[open];
  for (let i = open + 2; i < line.length; i += 1) {
    if (line[i] !== marker) continue;
    if (!isSpace(line[i - 1]) && !isWordChar(line[i + 1])) return i;
  }
  return -1;
}

function inline(line: string, style: Style, out: Span[]): void {
  let plain = '';
  const flush = () => {
    if (plain) out.push({ text: plain, ...style });
    plain = '';
  };
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    const opens =
      (isMarker(char) || char === '`') &&
      !isWordChar(line[i - 1]) &&
      line[i + 1] !== undefined &&
      !isSpace(line[i + 1]) &&
      line[i + 1] !== char;
    const close = opens ? closingIndex(line, i) : -1;
    if (close > 0) {
      flush();
      const inner = line.slice(i + 1, close);
      if (char === '`') out.push({ text: inner, ...style, code: true });
      else inline(inner, { ...style, [STYLES[char as Marker]]: true }, out);
      i = close + 1;
    } else {
      plain += char;
      i += 1;
    }
  }
  flush();
}

/** Styles within lines: a marker never pairs with one on another line. */
function textBlock(text: string): Block {
  const spans: Span[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) spans.push({ text: '\n' });
    inline(line, {}, spans);
  });
  return { kind: 'text', spans };
}

/** A message's text as blocks of styled spans and ``` blocks. */
export function formatWhatsApp(text: string): Block[] {
  const blocks: Block[] = [];
  const parts = text.split('```');
  // An odd number of fences leaves the last one unpaired: it is shown as typed.
  const paired =
    parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), parts.slice(-2).join('```')];
  paired.forEach((part, index) => {
    if (index % 2 === 1) {
      // The fence lines themselves carry no text: drop the line breaks right inside them.
      blocks.push({ kind: 'mono', text: part.replace(/^\n/, '').replace(/\n$/, '') });
    } else {
      const trimmed = index > 0 ? part.replace(/^\n/, '') : part;
      const body = index < paired.length - 1 ? trimmed.replace(/\n$/, '') : trimmed;
      if (body) blocks.push(textBlock(body));
    }
  });
  return blocks;
}
