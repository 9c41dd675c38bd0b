import { describe, expect, it } from 'vitest';
import {
  assertReport,
  contentWords,
  ledeRestatements,
  type ReportInput,
  report,
  reportInput,
  restates,
  topicWords,
} from '../src/index.js';

describe('restates', () => {
  it('cuts content words of four letters or more to five letters, stop words and topic words aside', () => {
    expect([...contentWords('The networks’ network of six big criminal groups, with their organisers')]).toEqual([
      'netwo',
      'crimi',
      'group',
      'organ',
    ]);
    expect([...contentWords('Myanmar networks of criminals', new Set(['myanm']))]).toEqual(['netwo', 'crimi']);
  });

  it('holds when the shorter text shares half or more of its words with the other', () => {
    // Shorter: {count, borde, becom, onlin, cross}; shared with the longer: 4 of 5.
    expect(
      restates(
        'A country that borders both India and China has become a hub for online fraud that crosses borders.',
        'Myanmar has India and China as neighbours, ever more connected online, open to cybercrime that crosses borders and can reach any country.',
      ),
    ).toBe(true);
    // Two of four shared: exactly half is enough.
    expect(restates('cheap labour abroad matters', 'labour abroad is plentiful and organised')).toBe(true);
    // One of four is not.
    expect(restates('cheap labour abroad matters', 'labour is plentiful and organised')).toBe(false);
  });

  it('does not count the topic words every text of the report shares, nor a text with no content words', () => {
    const topic = topicWords(report);
    // The title's words and the countries the report names (Myanmar, also called Burma; China; India).
    for (const w of ['myanm', 'burma', 'china', 'india', 'cyber', 'netwo', 'fraud']) expect(topic).toContain(w);
    expect(
      restates(
        'Myanmar, China and India: cybercrime networks',
        'Cybercrime networks in China, India and Myanmar',
        topic,
      ),
    ).toBe(false);
    expect(restates('It is so.', 'It is so.')).toBe(false);
  });
});

describe('ledeRestatements', () => {
  it('finds no lede of the packaged report restating the text under it', () => {
    expect(ledeRestatements(report)).toEqual([]);
  });

  it('names the lede and the field it restates, in a crafted report (a first lede that says its paragraph again)', () => {
    const input = structuredClone(reportInput) as ReportInput;
    // A first lede that says its paragraph again (the paragraph was shortened in issue 21).
    input.sections[0]!.lede = 'A country between the world’s most populous neighbours, ever more connected online.';
    // A list under a lede: its intro is what the lede is read against.
    input.sections[4]!.lede = 'The main schemes, one by one.';
    const list = input.sections[4]!.blocks[0]!;
    if (list.type !== 'list') throw new Error('fixture moved');
    list.intro = 'Among the main schemes:';
    expect(ledeRestatements(assertReport(input))).toEqual([
      { path: 'sections[0].lede', restates: 'sections[0].blocks[0].text' },
      { path: 'sections[4].lede', restates: 'sections[4].blocks[0].intro' },
    ]);
  });
});
