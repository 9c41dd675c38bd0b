// A checklist written by hand from the source article (Talktails, 23 February 2024):
// every section, every list item and every fact or figure it states must be in the
// report. If an edit drops one, this test names it.
import { describe, expect, it } from 'vitest';
import { blockTexts, foldSpace, plainText, type Report, report } from '../src/index.js';

/** Source heading → the report section that carries it. */
const SECTIONS: Record<string, string> = {
  '(introduction)': 'context',
  'The Expansion of the Internet in China and India': 'internet-expansion',
  'The Emergence of Transnational Cybercriminal Networks': 'emergence-of-networks',
  'Factors Driving the Growth of Cybercrime Networks in Myanmar': 'drivers-in-myanmar',
  'Online Fraud Schemes Conducted from Myanmar': 'fraud-schemes',
  'Impacts of Transnational Cybercrime on India': 'impacts-on-india',
  'Responses by China and India to Cybercriminal Activity': 'responses',
  'Outlook on Fighting Transnational Cybercrime': 'outlook',
};

/** Each list of the source, by section: the words every item must contain (lower case). */
const LISTS: Record<string, string[][]> = {
  'drivers-in-myanmar': [
    ['governance', 'rule of law', 'shan'],
    ['proximity', 'china', 'yunnan', 'migrant'],
    ['poverty', 'unemployment', 'jobs'],
    ['conflict', 'displace', 'ethnic armed groups', 'military'],
    ['corruption', 'bribes', 'launder'],
    ['cryptocurrency', 'china and myanmar'],
  ],
  'fraud-schemes': [
    ['romance', 'trust', 'money'],
    ['tech support', 'remote access', 'sensitive information'],
    ['investment', 'high returns'],
    ['phishing', 'email', 'sms', 'credentials', 'bank'],
    ['business email compromise', 'transfers of funds'],
    ['stolen data', 'bank account', 'credit card', 'dark-web'],
  ],
  'impacts-on-india': [
    ['financial losses', 'tech support', 'phishing', 'extortion', 'jao bolenge fraud gang'],
    ['reputational damage', 'trust in digital services'],
    ['national security', 'terrorists', 'hostile states'],
    ['domestic cybercrime', 'fraud'],
  ],
  responses: [
    ['police cybercrime units'],
    ['cybersecurity training'],
    ['awareness', 'cyber-hygiene'],
    ['know-your-customer (kyc)', 'transaction monitoring'],
    ['fintech', 'threat intelligence'],
  ],
  outlook: [
    ['cryptocurrency', 'laundering'],
    ['awareness', 'cyber-hygiene', 'education campaigns', 'media reporting'],
    ['training', 'investigate', 'prosecute'],
    ['ai', 'big-data', 'detect', 'block attacks'],
    ['diplomatic', 'harbour', 'cooperate'],
    ['law enforcement', 'cybersecurity firms', 'threat intelligence'],
  ],
};

/** Facts and figures of the source, by section: phrases the section's text must contain. */
const FACTS: Record<string, string[]> = {
  context: ['burma', 'india', 'china', 'weak rule of law', 'poverty', 'conflicts', 'frequent targets'],
  'internet-expansion': ['1 billion', '70%', '600 million', '50%', '4g', 'hundreds of millions', 'anonymity'],
  'emergence-of-networks': ['hundreds or even thousands', 'malware', 'outsourced', 'job advertisements', 'money mules'],
  'fraud-schemes': ['thousands of dollars', 'billions of dollars', 'telecom fraud'],
  'impacts-on-india': ['over 600 million'],
  responses: [
    'arrests',
    'haphazard',
    'embarrassing',
    'geopolitical',
    'military',
    'bilateral agreements',
    'low priority',
  ],
  outlook: ['multi-pronged', 'public–private partnerships', 'keeping pace', 'safer and more trusted'],
};

function sectionText(r: Report, id: string): string {
  const section = r.sections.find((s) => s.id === id);
  if (!section) return '';
  const parts = [section.title, section.lede ? plainText(section.lede) : ''];
  for (const block of section.blocks) parts.push(...blockTexts(block, r.meta.lang));
  // The article's outlook closes with its conclusion, which the report holds after its last section.
  if (section === r.sections.at(-1) && r.conclusion) parts.push(plainText(r.conclusion.text));
  return foldSpace(parts.join(' ')).toLowerCase();
}

describe('the report keeps everything the source article says', () => {
  it.each(Object.entries(SECTIONS))('keeps the section "%s"', (_heading, id) => {
    expect(report.sections.map((s) => s.id)).toContain(id);
  });

  it('keeps the sections in the order of the article', () => {
    expect(report.sections.map((s) => s.id)).toEqual(Object.values(SECTIONS));
  });

  for (const [id, items] of Object.entries(LISTS)) {
    it(`keeps all ${items.length} list items of "${id}"`, () => {
      const section = report.sections.find((s) => s.id === id);
      const lists = section?.blocks.filter((b) => b.type === 'list') ?? [];
      const texts = lists.flatMap((l) =>
        l.items.map((item) => `${item.term ?? ''} ${plainText(item.text)}`.toLowerCase()),
      );
      expect(texts).toHaveLength(items.length);
      items.forEach((words, i) => {
        for (const word of words) expect(texts[i], `item ${i + 1} of ${id}`).toContain(word);
      });
    });
  }

  for (const [id, facts] of Object.entries(FACTS)) {
    it(`keeps the facts of "${id}"`, () => {
      const text = sectionText(report, id);
      for (const fact of facts) expect(text, `${id} should mention "${fact}"`).toContain(fact);
    });
  }

  it('keeps the internet-user figures as chart data', () => {
    const chart = report.sections.flatMap((s) => s.blocks).find((b) => b.type === 'chart');
    expect(chart?.type === 'chart' && chart.data).toEqual([
      { label: 'China', value: 1_000_000_000, qualifier: 'about', share: 70 },
      { label: 'India', value: 600_000_000, qualifier: 'over', share: 50 },
    ]);
  });

  it('attributes the source', () => {
    expect(report.meta.basedOn).toMatchObject({ publisher: 'Talktails', published: '2024-02-23' });
    expect(report.sources[0]).toMatchObject({ publisher: 'Talktails', date: '2024-02-23' });
    expect(report.sources[0]?.url).toMatch(/^https:\/\/talktails\.in\//);
  });

  it('the checklist itself catches a dropped item', () => {
    const copy = structuredClone(report);
    const list = copy.sections.find((s) => s.id === 'fraud-schemes')?.blocks[0];
    if (list?.type !== 'list') throw new Error('fixture moved');
    list.items.splice(2, 1);
    expect(sectionText(copy, 'fraud-schemes')).not.toContain('high returns');
  });
});
