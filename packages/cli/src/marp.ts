/** Convert Marp Markdown to PDF and/or PPTX with marp-cli and the given browser. (stub) */
export async function convertDeck(
  _markdown: string,
  _formats: readonly ('pdf' | 'pptx')[],
  _options: { browserPath: string; lang: string },
): Promise<{ pdf?: Uint8Array; pptx?: Uint8Array }> {
  throw new Error('convertDeck: not implemented yet');
}
