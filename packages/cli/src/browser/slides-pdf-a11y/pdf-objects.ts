// Small helpers over pdf-lib objects that every pass uses.
import { type PDFDict, PDFHexString, PDFName, type PDFObject, PDFString } from 'pdf-lib';

export const name = (n: string) => PDFName.of(n);
export const text = (value: string) => PDFHexString.fromText(value);

/** The text of a PDF string object, or undefined. */
export function stringOf(value: PDFObject | undefined): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** Whether a dictionary has a non-blank text under `key`. */
export const hasText = (dict: PDFDict, key: string) => {
  const value = stringOf(dict.get(name(key)));
  return value !== undefined && value.trim() !== '';
};

export /** Text as read aloud: no soft hyphens or invisible joiners, spaces folded. */
const clean = (value: string) =>
  value
    .replace(/[\u00AD\u200B-\u200D\u2060]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
