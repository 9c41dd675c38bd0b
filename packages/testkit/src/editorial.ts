// A small report written the way the editorial check wants a deck (one idea a slide, short
// lines, full slides), for its tests: clean as it is, each rule's test breaks it in one place.
import { assertReport, type Report, type ReportInput, reportInput } from '@briefing/content';

type Section = ReportInput['sections'][number];

/** Two sections a presenter could give as they are: no editorial finding. */
export function cleanSections(): Section[] {
  return [
    {
      id: 'berths',
      title: 'Crowded berths',
      point: 'Most dock accidents happen at crowded berths',
      lede: 'Injury logs from three ports, 2019 to 2024.',
      blocks: [
        {
          type: 'list',
          items: [
            { term: 'Night shifts', text: 'Fatigue peaks after midnight, when crews are thinnest.' },
            { term: 'Forklifts', text: 'Reversing vehicles hit walkers they cannot see.' },
            { term: 'Mooring lines', text: 'A snapped rope whips faster than anyone can duck.' },
            { term: 'Weather', text: 'Rain makes steel decks slick within minutes.' },
            { term: 'Noise', text: 'Shouted warnings are lost under engine roar.' },
          ],
        },
      ],
    },
    {
      id: 'cranes',
      title: 'Ageing cranes',
      point: 'Cranes older than twenty years fail twice as often',
      blocks: [
        {
          type: 'paragraph',
          text: 'Inspectors found worn cables on half the old machines. Replacement budgets have stalled since the last audit, which found the same faults.',
          onScreen: 'Inspectors found worn cables on half the old machines.',
        },
        {
          type: 'callout',
          tone: 'key',
          title: 'Cost',
          text: 'One collapse costs more than ten years of upkeep.',
        },
        {
          type: 'list',
          intro: 'Three demands from the dockworkers’ union:',
          items: [
            { text: 'Yearly load tests by an outside engineer.' },
            { text: 'Logbooks kept on paper beside each cab.' },
            { text: 'Retirement at thirty years, whatever the state.' },
          ],
        },
      ],
    },
  ];
}

/**
 * A small validated report (the packaged report's metadata and sources, a harbour-safety
 * title) with `sections` (default: the clean ones), edited by `edit` before validation.
 */
export function craftedReport(
  sections: Section[] = cleanSections(),
  edit: (input: ReportInput) => void = () => {},
): Report {
  const input = structuredClone(reportInput) as ReportInput;
  input.meta.title = 'Safer Harbours: What Port Authorities Can Change';
  input.meta.shortTitle = 'Safer harbours';
  input.takeaways = [
    'Most accidents happen where berths are crowded, at night and in the rain.',
    'Old cranes fail twice as often; replacing them costs less than one collapse.',
  ];
  input.sections = sections;
  edit(input);
  return assertReport(input);
}
