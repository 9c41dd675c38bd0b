/** One slide of the plan: its kind, Markdown body and speaker notes. */
export interface PlannedSlide {
  kind: 'title' | 'agenda' | 'divider' | 'content' | 'chart' | 'table' | 'takeaways' | 'sources';
  /** Section id for dividers, content, chart and table slides. */
  section?: string;
  markdown: string;
  notes: string[];
}

/** What a continuation slide's heading adds to the first slide's. */
export const CONTINUED = ' (continued)';
