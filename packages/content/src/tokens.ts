/**
 * Design tokens: the one source of colour, type sizes and type faces for both outputs.
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
  /**
   * The type families and the faces (weight and style, as CSS names them) of the design.
   * Each renderer maps these to the font files it embeds, in its own fonts module: the PDF
   * to TTFs, the slides to WOFF2 subsets. A renderer draws only faces named here.
   */
  font: {
    /** For reading: the PDF's body text; the slides' headings. */
    serif: {
      family: 'Source Serif 4',
      faces: {
        regular: { weight: 400, style: 'normal' },
        italic: { weight: 400, style: 'italic' },
        bold: { weight: 700, style: 'normal' },
      },
    },
    /** For headings, labels and the chart in the PDF; body text on the slides. */
    sans: {
      family: 'Inter',
      faces: {
        regular: { weight: 400, style: 'normal' },
        italic: { weight: 400, style: 'italic' },
        semibold: { weight: 600, style: 'normal' },
        bold: { weight: 700, style: 'normal' },
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
