// Links are normalised once, in the schema: what no output can write faithfully is refused
// with a message that says why, and every other link is stored in one canonical spelling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHref, Href, hrefProblem, parseReport, type ReportInput, reportInput } from '../src/index.js';

/** The problems of the packaged report with its first source's url set to `href`. */
function sourceUrl(href: string) {
  const copy = structuredClone(reportInput) as ReportInput;
  copy.sources[0]!.url = href;
  return parseReport(copy);
}

const problem = (href: string) => {
  const result = sourceUrl(href);
  return result.ok ? undefined : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('Href refuses', () => {
  it('tab, carriage return, line feed and other white space, naming the character and where it is', () => {
    expect(problem('https://a.example/x\ty')).toEqual([
      'sources[0].url: must not contain white space, control or invisible characters (U+0009 at character 20): write a space as %20',
    ]);
    expect(problem('https://a.example/x\r\nz')?.[0]).toContain('(U+000D at character 20)');
    expect(problem('https://a.example/x\nz')?.[0]).toContain('(U+000A at character 20)');
    expect(problem('https://a.example/a b')?.[0]).toContain('(U+0020 at character 20)');
    expect(problem('https://a.example/a\u00a0b')?.[0]).toContain('(U+00A0 at character 20)');
    expect(problem(' https://a.example/')?.[0]).toContain('(U+0020 at character 1)');
  });

  it('control and invisible characters (a zero-width space, a soft hyphen)', () => {
    expect(problem('https://a.example/\u200bx')?.[0]).toContain('U+200B');
    expect(problem('https://ex\u00adample.org/')?.[0]).toContain('U+00AD');
    expect(problem('https://a.example/\u0085')?.[0]).toContain('U+0085');
  });

  it('backslashes, which the URL parser reads as slashes (https:\\\\evil.example\\x is https://evil.example/x)', () => {
    for (const href of ['https:\\\\evil.example\\x', 'https://good.example\\@evil.example/', 'https://a.example/a\\b'])
      expect(problem(href)).toEqual([
        'sources[0].url: must not contain a backslash: write / in a path, or %5C for a literal backslash',
      ]);
  });

  it('a user name or password, a host that is no host name, and a % that starts no escape', () => {
    expect(problem('https://trusted.example@evil.example/')).toEqual([
      'sources[0].url: must not contain a user name or password (in user@host the host is easy to misread)',
    ]);
    for (const href of ['http://[::1]/', 'https://a!b.example/', "https://a'b.example/"])
      expect(problem(href), href).toEqual([
        'sources[0].url: must name its host with letters, digits, hyphens and dots (or an IPv4 address)',
      ]);
    expect(problem('https://a.example/100%')).toEqual([
      'sources[0].url: must use % only to start a %XX escape (a literal % is %25)',
    ]);
  });

  it('anything but an absolute http(s) or mailto link', () => {
    for (const href of [
      'javascript:alert(1)',
      'data:text/html,x',
      '/relative',
      'ftp://a.example/',
      'mailto:',
      'https://',
    ])
      expect(problem(href), href).toEqual(['sources[0].url: must be an absolute http(s) or mailto link']);
  });
});

describe('Href stores the canonical spelling', () => {
  it.each([
    ['HTTPS://Example.ORG', 'https://example.org/'],
    ['https://example.org:443/a/../b/./c?q=1&r=2#frag', 'https://example.org/b/c?q=1&r=2#frag'],
    ['https://example.org:8443/path?x=a&amp;b=c', 'https://example.org:8443/path?x=a&amp;b=c'],
    ['https://bücher.example/straße?q=ü#ä', 'https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC#%C3%A4'],
    ['https://example.org/a|b^c{d}`e[f]"g<h>', 'https://example.org/a%7Cb%5Ec%7Bd%7D%60e%5Bf%5D%22g%3Ch%3E'],
    ['https://example.org/?q=`x`&y=[1]|2', 'https://example.org/?q=%60x%60&y=%5B1%5D%7C2'],
    ['https://example.org/%41%e9', 'https://example.org/%41%e9'],
    ['mailto:editor@example.org?subject=Briefing%20feedback', 'mailto:editor@example.org?subject=Briefing%20feedback'],
    ['mailto:José@bücher.example?subject=Grüße', 'mailto:Jos%C3%A9@b%C3%BCcher.example?subject=Gr%C3%BC%C3%9Fe'],
    ['https://example.org/a_(b)', 'https://example.org/a_(b)'],
    ['http://192.0.2.1:8080/x', 'http://192.0.2.1:8080/x'],
  ])('%s as %s', (input, canonical) => {
    expect(Href.parse(input)).toBe(canonical);
    const result = sourceUrl(input);
    expect(result.ok && result.report.sources[0]?.url).toBe(canonical);
  });

  it('is its own canonical spelling, and made of characters no output changes (property)', () => {
    const start = fc.constantFrom(
      'https://example.org',
      'HTTP://Example.ORG:80',
      'https://bücher.example',
      'https://xn--bcher-kva.example:8443',
      'http://192.0.2.1',
      'mailto:editor@example.org',
      'mailto:José@bücher.example',
    );
    const tail = fc.string({
      unit: fc.constantFrom(...'aZ09-._~!$&\'()*+,;=:@/?#|^{}[]"<>`éü€', '%20', '%c3%a9', '😀', '/../', '/./'),
      maxLength: 30,
    });
    let accepted = 0;
    fc.assert(
      fc.property(start, tail, (head, rest) => {
        const href = `${head}${head.startsWith('mailto:') ? '' : '/'}${rest}`;
        if (hrefProblem(href) !== undefined) return;
        const canonical = canonicalHref(href);
        expect(hrefProblem(canonical)).toBeUndefined();
        expect(canonicalHref(canonical)).toBe(canonical);
        expect(canonical).toMatch(/^[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]+$/u);
        accepted++;
      }),
      { seed: 19, numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(150);
  });
});
