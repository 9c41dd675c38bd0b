import { type OutlineEntry, outline, type Report } from '@briefing/content';
import { HTML_METRICS } from '../layout/faces.js';
import { balancedLines, CONTINUED, styles } from '../layout/layout.js';
import { roomWidth, withMetrics } from '../layout/measure.js';
import { lineHeight } from '../layout/metrics.js';
import { type DeckOptions, type DeckPlan, type DeckSlide, WORDS_PER_MINUTE } from './plan.js';
import { agendaSlides, closingSlides, sectionSlides, sourceSlides, takeawaySlides } from './slides.js';
import { titleSize, titleSlide } from './title.js';

const words = (texts: readonly string[]) => texts.join(' ').split(/\s+/u).filter(Boolean).length;
const minutesOf = (count: number) => Math.max(1, Math.round(count / WORDS_PER_MINUTE));

/**
 * The deck as a typed plan: the title, the key takeaways (the bottom line first), the agenda,
 * each section's slides, the closing slide and the sources, every slide with speaker notes. Pure; takes a report
 * already validated at content's boundary (`parseReport`/`assertReport`).
 */
export function planDeck(report: Report, options: DeckOptions = {}): DeckPlan {
  const metrics = options.metrics ?? HTML_METRICS;
  return withMetrics(metrics, () => {
    const plan = planIn(report, options);
    // Each heading's lines (the title slide's title too), balanced once here for both outputs
    // (no lone word or "(continued)").
    // The title slide's title at its scale, in the slide's width, as the renderers set it.
    const title = (fontSize: number) => ({ fontSize, line: fontSize * lineHeight.heading, width: roomWidth() });
    for (const slide of plan.slides) {
      const style =
        slide.kind === 'title'
          ? title(titleSize(slide.classes))
          : slide.kind === 'divider' && !slide.classes.includes('long')
            ? styles.divider
            : styles.heading;
      const lines = balancedLines(slide.heading + (slide.continued ? CONTINUED : ''), style);
      if (lines) slide.headingLines = lines;
    }
    return { ...plan, metrics };
  });
}

function planIn(report: Report, options: DeckOptions): DeckPlan {
  const entries = outline(report);
  const sections = new Map(entries.map((entry) => [entry.id, sectionSlides(entry, report.meta.lang, options)]));
  const sectionWords = (entry: OutlineEntry) => words((sections.get(entry.id) ?? []).flatMap((s) => s.notes));
  const body: DeckSlide[] = [
    ...takeawaySlides(report),
    ...agendaSlides(entries, (entry) => minutesOf(sectionWords(entry))),
    ...entries.flatMap((entry) => sections.get(entry.id) ?? []),
    ...closingSlides(report),
    ...sourceSlides(report),
  ];
  body.forEach((slide, i) => {
    if (slide.notes.length === 0) slide.notes = [cue(slide, body[i + 1])];
  });
  const talkWords = words(body.flatMap((s) => s.notes));
  const minutes = minutesOf(talkWords);
  const title = titleSlide(report);
  const { meta } = report;
  const author = meta.authors.map((a) => a.name).join(', ');
  // The title slide opens with the subject; the summary opens the takeaways slide after it.
  title.notes = [
    `${(meta.subtitle ?? meta.title).replace(/[.!?…]$/u, '')}.`,
    ...title.notes,
    `A talk of about ${minutes} minutes: the notes run to ${talkWords} words at ${WORDS_PER_MINUTE} words a minute.`,
  ];
  return {
    lang: meta.lang,
    title: meta.title,
    ...(meta.summary ? { description: meta.summary } : {}),
    ...(author ? { author } : {}),
    keywords: meta.keywords,
    footer: options.footer ?? meta.shortTitle,
    slides: [title, ...body],
    talk: { words: talkWords + words(title.notes), minutes },
  };
}

/** A presenter's cue for a slide whose text is all on screen: what it continues and what comes next. */
function cue(slide: DeckSlide, next: DeckSlide | undefined): string {
  const where = slide.kicker ? `${slide.kicker}: ` : '';
  const continues = slide.continued ? `${where}${slide.heading}${CONTINUED}.` : `${where}${slide.heading}.`;
  if (!next) return continues;
  return `${continues} Next: ${next.heading}${next.continued ? CONTINUED : ''}.`;
}
