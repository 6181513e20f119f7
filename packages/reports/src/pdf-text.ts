// The text a PDF reader finds in a statement, page by page: what tests check it by.
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  // The reader takes the bytes over; the caller keeps its own.
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: false });
  return text;
}
