// Every output the CLI can make, in one table: `build` produces from it and lists it in its
// help, `watch` takes the formats that need no browser, and the preview serves each file
// with its media type.

/** How an output is made; outputs.ts's produce() handles each kind (exhaustively). */
export type Producer =
  | { by: 'pdf' }
  | { by: 'markdown' }
  | { by: 'marp-cli' }
  /** The editable PowerPoint, made natively from the deck plan (renderPptx): no browser. */
  | { by: 'pptx' }
  /** In one Chromium session shared by every browser format of a build. */
  | { by: 'browser'; as: 'pdf' | 'pptx' };

export interface FormatSpec {
  /** The file in the output folder. */
  file: string;
  /** Content-Type the preview serves it with. */
  mediaType: string;
  /** What it is, for --help. */
  description: string;
  /** Whether making it starts Chromium (watch never does; build skips it without one). */
  browser: boolean;
  produce: Producer;
}

/** Every format, in build order. */
export const FORMATS = {
  pdf: {
    file: 'briefing.pdf',
    mediaType: 'application/pdf',
    description: 'PDF briefing',
    browser: false,
    produce: { by: 'pdf' },
  },
  md: {
    file: 'slides.md',
    mediaType: 'text/markdown; charset=utf-8',
    description: 'Marp Markdown deck',
    browser: false,
    produce: { by: 'markdown' },
  },
  html: {
    file: 'slides.html',
    mediaType: 'text/html; charset=utf-8',
    description: 'HTML deck with presenter view',
    browser: false,
    produce: { by: 'marp-cli' },
  },
  'slides-pdf': {
    file: 'slides.pdf',
    mediaType: 'application/pdf',
    description: 'PDF of the slides',
    browser: true,
    produce: { by: 'browser', as: 'pdf' },
  },
  pptx: {
    file: 'slides.pptx',
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    description: 'PowerPoint deck, editable (text, chart, tables, notes)',
    browser: false,
    produce: { by: 'pptx' },
  },
  'pptx-images': {
    file: 'slides-images.pptx',
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    description: 'PowerPoint deck of slide pictures + notes (only when asked for)',
    browser: true,
    produce: { by: 'browser', as: 'pptx' },
  },
} as const satisfies Record<string, FormatSpec>;

export type Format = keyof typeof FORMATS;
export const ALL_FORMATS = Object.keys(FORMATS) as Format[];

/**
 * What `briefing build` makes when no --format is given: every format but the picture PPTX,
 * which costs a browser capture of every slide and is there for the rare viewer that must
 * see the HTML deck's exact pixels (see the README).
 */
export const DEFAULT_FORMATS = ALL_FORMATS.filter((f) => f !== 'pptx-images');

/** The formats made without a browser: the ones watch rebuilds. */
export const BROWSERLESS_FORMATS = ALL_FORMATS.filter((f) => !FORMATS[f].browser);

/** `pdf`, `slides.pdf`, `slides-pdf`, `briefing.pdf`...: what a user may type after --format. */
export function parseFormat(name: string): Format | undefined {
  const n = name.trim().toLowerCase();
  if (Object.hasOwn(FORMATS, n)) return n as Format;
  return ALL_FORMATS.find((f) => FORMATS[f].file === n);
}

/** The media type of an output file, by its name; undefined for a file no format makes. */
export function mediaTypeOf(file: string): string | undefined {
  return Object.values(FORMATS).find((f) => f.file === file)?.mediaType;
}

/** The formats as --help lists them: name, file, what it is, and whether it needs Chromium. */
export function formatsHelp(formats: readonly Format[] = ALL_FORMATS, indent = '  '): string {
  const width = Math.max(...formats.map((f) => f.length));
  const fileWidth = Math.max(...formats.map((f) => FORMATS[f].file.length));
  return formats
    .map((f) => {
      const { file, description, browser } = FORMATS[f];
      return `${indent}${f.padEnd(width)}  ${file.padEnd(fileWidth)}  ${description}${browser ? ' (needs Chromium)' : ''}`;
    })
    .join('\n');
}
