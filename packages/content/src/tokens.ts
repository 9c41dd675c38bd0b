/**
 * Design tokens: the one source of colour, type and font files for both outputs.
 * The Marp theme and the PDF layout read these; neither keeps its own copy.
 */
export const tokens = {
  color: {
    /** Body text. */
    ink: '#1b2430',
    /** Secondary text: captions, running heads, footers. */
    muted: '#4a5565',
    /** Headings, rules, chart bars. */
    accent: '#12355b',
    /** Highlights: section numbers, the key-takeaways rule. */
    highlight: '#b4461b',
    /** Page and slide background. */
    paper: '#ffffff',
    /** Panels: takeaways, callouts. */
    panel: '#eef2f7',
    /** Hairlines and chart grid. */
    rule: '#c5cdd8',
    /** Links. */
    link: '#1f5fa8',
  },
  /** Sizes in points (PDF) and the same ratios for slides. */
  type: {
    body: 10.5,
    small: 8.5,
    lead: 12,
    h3: 11.5,
    h2: 15,
    h1: 24,
    title: 30,
    lineGap: 3.2,
  },
  font: {
    serif: {
      family: 'Source Serif 4',
      package: '@expo-google-fonts/source-serif-4',
      files: {
        regular: '400Regular/SourceSerif4_400Regular.ttf',
        italic: '400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
        bold: '700Bold/SourceSerif4_700Bold.ttf',
      },
      /**
       * The slide deck's copy: WOFF2 subsets (per face, per fontsource subset name) that the
       * Marp theme embeds as data: URLs. Only the faces the theme draws: headings are bold.
       */
      web: {
        package: '@fontsource/source-serif-4',
        files: {
          bold: {
            latin: 'files/source-serif-4-latin-700-normal.woff2',
            'latin-ext': 'files/source-serif-4-latin-ext-700-normal.woff2',
          },
        },
      },
    },
    sans: {
      family: 'Inter',
      package: '@expo-google-fonts/inter',
      files: {
        regular: '400Regular/Inter_400Regular.ttf',
        italic: '400Regular_Italic/Inter_400Regular_Italic.ttf',
        bold: '700Bold/Inter_700Bold.ttf',
        semibold: '600SemiBold/Inter_600SemiBold.ttf',
      },
      /**
       * The slide deck's copy (see serif.web): body text, strong emphasis and emphasis. The
       * italic carries the latin subset only (about 50 KB of HTML saved); emphasised text
       * outside it falls back to the next family of the stack.
       */
      web: {
        package: '@fontsource/inter',
        files: {
          regular: {
            latin: 'files/inter-latin-400-normal.woff2',
            'latin-ext': 'files/inter-latin-ext-400-normal.woff2',
          },
          italic: {
            latin: 'files/inter-latin-400-italic.woff2',
          },
          bold: {
            latin: 'files/inter-latin-700-normal.woff2',
            'latin-ext': 'files/inter-latin-ext-700-normal.woff2',
          },
        },
      },
    },
  },
} as const;

export type DesignTokens = typeof tokens;

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => {
    const c = Number.parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
