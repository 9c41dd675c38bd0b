import { tokens } from '@briefing/content';
import { fontFaceCss } from '../layout/fonts.js';
import {
  bulletIndent,
  bulletPad,
  callout,
  chartBox,
  divider,
  edgeBar,
  footer,
  gap,
  headingRule,
  kickerStyle,
  lineHeight,
  linkUnderline,
  listSlide,
  size,
  slide,
  table,
  titleSlide,
} from '../layout/metrics.js';
import { kicker } from '../plan/kicker.js';

export const THEME_NAME = 'briefing';

const { color } = tokens;
/** The bold faces' weight (the sans and the serif bold share it). */
const bold = tokens.font.sans.faces.bold.weight;

/**
 * Font stacks: the design's families first, embedded by the theme as WOFF2 subsets (Latin,
 * Greek, Cyrillic and Vietnamese, see fonts.ts), so every deck draws the PDF's typefaces on
 * any machine. A report holds only characters the subsets draw (the content package's
 * charset); the system fonts after them are for text that is not the report's.
 */
export const fontStack = {
  sans: `'${tokens.font.sans.family}', 'Liberation Sans', Arial, 'DejaVu Sans', sans-serif`,
  serif: `'${tokens.font.serif.family}', 'Liberation Serif', Georgia, 'DejaVu Serif', serif`,
} as const;

let cache: string | undefined;

/**
 * The Marp theme, generated from the shared design tokens and slide metrics, with the web
 * fonts embedded. Built on first use (the font files are read once) and the same string
 * after that.
 */
export function themeCss(): string {
  cache ??= `${themeHead}${fontFaceCss()}\n${themeRules}`;
  return cache;
}

const themeHead = `/* @theme ${THEME_NAME} */
/* @size 16:9 ${slide.width}px ${slide.height}px */
`;

const themeRules = `section {
  width: ${slide.width}px;
  height: ${slide.height}px;
  box-sizing: border-box;
  padding: ${slide.padTop}px ${slide.padX}px ${slide.padBottom}px;
  background: ${color.paper};
  color: ${color.ink};
  font-family: ${fontStack.sans};
  font-size: ${size.body}px;
  line-height: ${lineHeight.body};
  display: flex;
  flex-direction: column;
  justify-content: flex-start;
  overflow: hidden;
  overflow-wrap: anywhere;
  word-break: normal;
  position: relative;
  font-variant-ligatures: no-contextual;
}
section > * { flex: none; }
h1, h2, h3 {
  font-family: ${fontStack.serif};
  color: ${color.accent};
  line-height: ${lineHeight.heading};
  margin: 0;
  font-weight: ${bold};
  text-wrap: balance;
}
h2 {
  font-size: ${size.heading}px;
  margin-bottom: ${gap.afterHeading}px;
  padding-bottom: ${headingRule.gap}px;
  border-bottom: ${headingRule.width}px solid ${color.rule};
}
p { margin: 0 0 ${gap.para}px; }
/* The kicker: the section's number and title in small capitals above the slide's point. */
section.kicked > p:has(+ h2) {
  font-size: ${kicker.size}px;
  line-height: ${lineHeight.body};
  margin: 0 0 ${kicker.gap}px;
  color: ${color.highlight};
  font-weight: ${bold};
  letter-spacing: ${kickerStyle.tracking}em;
  text-transform: uppercase;
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
/* A section's lede and a list's intro: the muted opening line. */
section > h2 + p, section > p:has(+ ul), section > p:has(+ ol) { color: ${color.muted}; }
strong { font-weight: ${bold}; color: ${color.accent}; }
em { font-style: italic; }
a { color: ${color.link}; text-decoration: underline; text-underline-offset: ${linkUnderline}px; }
ul, ol { margin: 0; padding-left: ${bulletIndent}px; }
li { margin: 0 0 ${gap.item}px; padding-left: ${bulletPad}px; }
li::marker { color: ${color.highlight}; }
ul > li { list-style-type: square; }
blockquote {
  margin: ${callout.top}px 0 ${gap.para}px;
  padding: ${callout.padY}px ${callout.padX}px;
  background: ${color.panel};
  border-left: ${callout.rule}px solid ${color.highlight};
  border-radius: 0 ${callout.radius}px ${callout.radius}px 0;
}
blockquote p { margin: 0; }
footer {
  position: absolute;
  left: ${slide.padX}px;
  right: ${footer.right}px;
  bottom: ${footer.bottom}px;
  font-size: ${size.small}px;
  color: ${color.muted};
  white-space: nowrap;
  overflow: hidden;
  text-overflow: ellipsis;
}
section::after {
  position: absolute;
  top: auto;
  left: auto;
  width: auto;
  height: auto;
  padding: 0;
  margin: 0;
  line-height: ${footer.numberLine};
  background: none;
  right: ${slide.padX}px;
  bottom: ${footer.bottom}px;
  font-size: ${size.small}px;
  color: ${color.muted};
  font-variant-numeric: tabular-nums;
}
section::before {
  content: '';
  position: absolute;
  padding: 0;
  height: auto;
  left: 0; top: 0; bottom: 0;
  width: ${edgeBar}px;
  background: ${color.accent};
}

/* Title slide */
section.title { justify-content: center; padding-top: ${titleSlide.pad}px; padding-bottom: ${titleSlide.pad}px; }
section.title::before { width: auto; right: 0; height: ${edgeBar}px; bottom: auto; }
section.title h1 {
  font-size: ${size.title}px;
  margin-bottom: ${titleSlide.titleAfter}px;
}
section.title.long h1 { font-size: ${size.titleLong}px; }
section.title p { color: ${color.muted}; font-size: ${size.body}px; margin-bottom: ${titleSlide.bylineAfter}px; }
section.title:not(.no-subtitle) h1 + p {
  color: ${color.ink};
  font-size: ${size.lead}px;
  margin-bottom: ${titleSlide.subtitleAfter}px;
}
section.title p:last-child { font-size: ${size.small}px; margin-top: ${titleSlide.sourceBefore}px; }
section.title.dense h1 { font-size: ${size.titleDense}px; margin-bottom: ${titleSlide.dense.titleAfter}px; }
section.title.dense p { font-size: ${size.bodyDense}px; }
section.title.dense:not(.no-subtitle) h1 + p { font-size: ${size.leadDense}px; margin-bottom: ${titleSlide.dense.subtitleAfter}px; }
section.title.dense p:last-child { font-size: ${size.smallDense}px; }

/* Section dividers */
section.divider {
  background: ${color.accent};
  color: ${color.paper};
  justify-content: center;
}
section.divider::before { background: ${color.highlight}; }
section.divider h1 { color: ${color.paper}; font-size: ${size.divider}px; margin-bottom: ${divider.after}px; }
section.divider h1::before {
  content: '';
  display: block;
  width: ${divider.barWidth}px;
  height: ${divider.barHeight}px;
  margin-bottom: ${divider.barGap}px;
  background: ${color.highlight};
}
section.divider.long h1 { font-size: ${size.heading}px; }
section.divider p { color: ${color.panel}; font-size: ${size.lead}px; max-width: ${divider.textWidth}px; }
section.divider footer, section.divider::after { color: ${color.panel}; }

/* Agenda, takeaways, closing, sources */
section.agenda ul, section.sources ul { list-style: none; padding-left: 0; }
section.agenda li { list-style: none; padding: ${listSlide.agendaTop}px 0 ${listSlide.agendaBottom}px; margin: 0; border-bottom: ${listSlide.agendaRule}px solid ${color.rule}; }
section.takeaways { font-size: ${size.takeaway}px; }
section.takeaways li, section.closing li { margin-bottom: ${listSlide.takeaway}px; }
section.sources li { list-style: none; margin-bottom: ${listSlide.source}px; }
section.sources p { color: ${color.muted}; }

/* Chart */
section.chart figure { margin: 0; }
section.chart svg.briefing-chart { display: block; width: 100%; height: auto; }
section.chart figcaption {
  font-size: ${size.small}px;
  color: ${color.muted};
  margin-top: ${chartBox.captionGap}px;
}

/* Table: header row on the accent colour, ruled rows, set at the size and column widths
   the planner measured (classes t<px> and c<column>w<percent> on the slide). */
section.table table {
  width: 100%;
  table-layout: fixed;
  border-collapse: collapse;
  font-size: ${table.size}px;
  line-height: ${lineHeight.table};
  margin: 0;
}
section.table th, section.table td {
  padding: ${table.padY}px ${table.padX}px;
  vertical-align: top;
  text-align: left;
}
section.table th {
  background: ${color.accent};
  color: ${color.paper};
  font-weight: ${bold};
  border-bottom: ${table.headRule}px solid ${color.highlight};
}
section.table th a { color: inherit; }
section.table td { border-bottom: ${table.rowRule}px solid ${color.rule}; }
section.table tbody tr:nth-child(even) td { background: ${color.panel}; }
section.table > p {
  font-size: ${size.small}px;
  color: ${color.muted};
  margin: ${table.sourceGap}px 0 0;
}
${tableSizeRules()}
${tableWidthRules()}
`;

/** One rule per type size a table may be set at. */
function tableSizeRules(): string {
  const rules: string[] = [];
  for (let px = table.minSize; px <= table.size; px++) rules.push(`section.table.t${px} table { font-size: ${px}px; }`);
  return rules.join('\n');
}

/** One rule per column and width step (the first row's cells set the widths of a fixed-layout table). */
function tableWidthRules(): string {
  const rules: string[] = [];
  for (let c = 1; c <= table.maxColumns; c++) {
    for (let w = table.widthStep; w <= 100; w += table.widthStep) {
      rules.push(`section.table.c${c}w${w} th:nth-child(${c}) { width: ${w}%; }`);
    }
  }
  return rules.join('\n');
}
