import { type FaceSetName, NAMED_FACES } from '../../layout/faces.js';
import type { Template } from './read.js';

// The faces a plan for a template is measured in. On a template the slides' text is set in
// the theme's faces (+mj-lt for headings, +mn-lt for text: fit.ts `themed`), so the plan
// measures in them where the layout has their metrics: the design faces (Inter, Source Serif
// 4), the office faces and their metric-compatible equivalents (Arial, Arimo and Liberation
// Sans share advance widths; Georgia and Gelasio do), and DejaVu Sans and DejaVu Serif, the
// substitute every PPTX plan leaves room for (faces.ts `reserve`: each width is the wider of
// the face's and DejaVu's, so a box holds its text in DejaVu as measured). A theme face
// outside these is drawn with the line breaks of the face the plan measured, within the room
// left for DejaVu: the caller is told, once per face.

type Role = 'heading' | 'body';

/** The families measured, by role: the face set that measures them, or the reserve (DejaVu). */
const MEASURED: Record<Role, Record<string, FaceSetName | 'reserve'>> = {
  heading: {
    [NAMED_FACES.design.serif.family]: 'design',
    [NAMED_FACES.office.serif.family]: 'office',
    Gelasio: 'office',
    'DejaVu Serif': 'reserve',
  },
  body: {
    [NAMED_FACES.design.sans.family]: 'design',
    [NAMED_FACES.office.sans.family]: 'office',
    Arimo: 'office',
    'Liberation Sans': 'office',
    'DejaVu Sans': 'reserve',
  },
};

const measuredBy = (role: Role, family: string) =>
  Object.hasOwn(MEASURED[role], family) ? MEASURED[role][family] : undefined;

/**
 * The face set a plan on `template` measures in: the one that measures the theme's body face,
 * else its heading face, else `asked` (the caller's choice, when neither is one the layout
 * measures or both are DejaVu).
 */
export function faceSetFor(template: Template, asked: FaceSetName): FaceSetName {
  const body = measuredBy('body', template.faces.body);
  const heading = measuredBy('heading', template.faces.heading);
  if (body && body !== 'reserve') return body;
  if (heading && heading !== 'reserve') return heading;
  return asked;
}

/** What a plan measured in `set` does with each theme face it does not measure: one line each. */
export function faceNotes(template: Template, set: FaceSetName): string[] {
  const named = NAMED_FACES[set];
  const notes: string[] = [];
  for (const role of ['heading', 'body'] as const) {
    const face = template.faces[role];
    const by = measuredBy(role, face);
    if (!face || by === set || by === 'reserve') continue;
    const own = role === 'heading' ? named.serif.family : named.sans.family;
    const dejavu = role === 'heading' ? 'DejaVu Serif' : 'DejaVu Sans';
    const what = by
      ? `is measured, but not with the template's ${role === 'heading' ? 'body' : 'heading'} face`
      : 'is not one briefing measures';
    notes.push(
      `the template's ${role} face "${face}" ${what}: its slides keep the line breaks of ${own}, with room in each box for a face as wide as ${dejavu}`,
    );
  }
  return notes;
}
