// The files `briefing new <id>` writes: a workspace package that is one briefing. Kept apart
// from the command so that what a new briefing looks like can be read (and changed) in one
// place. Everything here is text; new.ts writes it.

/** The package's version and its dependencies' (the workspace's own packages, linked by npm). */
const VERSION = '0.1.0';

export function packageJson(id: string, versions: { content: string; cli: string }): string {
  const pkg = {
    name: `@briefing/report-${id}`,
    version: VERSION,
    private: true,
    description: `The briefing "${id}" as typed, validated data (@briefing/content's schema), JSON and JSON Schema; its outputs are built into out/.`,
    type: 'module',
    sideEffects: false,
    exports: {
      '.': {
        '@briefing/source': './src/report.ts',
        types: './dist/report.d.ts',
        default: './dist/report.js',
      },
      './report.json': './dist/report.json',
      './report.schema.json': './dist/report.schema.json',
      './report.ts': './src/report.ts',
      './package.json': './package.json',
    },
    files: ['dist', 'src'],
    scripts: {
      // --force: dist/report.schema.json is this build's own, replaced when the schema changes.
      build: `tsc -p tsconfig.json && briefing export --report ${id} --json --out dist/report.json --force`,
      artifacts: `briefing build --report ${id}`,
      typecheck: 'tsc -p tsconfig.json --noEmit',
    },
    dependencies: { '@briefing/content': versions.content },
    devDependencies: { briefing: versions.cli },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function tsconfigJson(): string {
  const config = {
    extends: '../../tsconfig.base.json',
    compilerOptions: { rootDir: 'src', outDir: 'dist' },
    include: ['src'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * The report to fill in. It is a real report that validates, builds and checks, and every
 * string in it says what belongs there, so an unfinished briefing reads as one rather than
 * passing for content.
 */
export function reportTs(id: string, today: string): string {
  return `import { assertReport, type Report, type ReportInput } from '@briefing/content';

/**
 * The briefing "${id}". Its fields are typed by @briefing/content's schema, so your editor
 * completes and checks them; the README's "Authoring" section says what each one is for.
 * Replace every text below with your own, add sections, then:
 *
 *   npx briefing check --report ${id}   proves every section reaches the PDF and both decks
 *   npx briefing watch --report ${id}   live preview while you write
 *   npm run build                        builds this briefing into reports/${id}/out with the others
 */
export const reportInput = {
  meta: {
    title: 'The title of the ${id} briefing: what it argues, in a line',
    shortTitle: '${id}',
    date: '${today}',
    lang: 'en-GB',
    summary: 'The summary on the cover: two or three sentences on what the briefing finds and for whom.',
    basedOn: {
      publisher: 'The publisher of the work this briefing is adapted from',
      title: 'The title of that work',
      published: '${today}',
    },
  },
  takeaways: ['The one thing a reader should remember, as a sentence.'],
  sections: [
    {
      id: 'background',
      title: 'Background',
      blocks: [
        {
          type: 'paragraph',
          text: 'What a reader needs to know first. A block is a paragraph, a list, a chart, a callout or a table.',
        },
      ],
    },
  ],
  sources: [{ id: 'source', publisher: 'Who published the source', title: 'The title of the source' }],
} satisfies ReportInput;

/** The validated briefing: \`import { report } from '@briefing/report-${id}'\`. */
export const report: Report = assertReport(reportInput);
`;
}
