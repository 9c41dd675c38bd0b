import { assertReport } from './parse.js';
import type { Report, ReportInput } from './schema.js';

const SOURCE_URL = 'https://talktails.in/the-growth-of-transnational-cybercrime-networks-between-china-and-myanmar/';
const SOURCE = {
  publisher: 'Talktails',
  title: 'The Growth of Transnational Cybercrime Networks Between China and Myanmar',
  url: SOURCE_URL,
} as const;

/** An on-screen line: a bold term, then its phrase after a dash. */
function strong(term: string, phrase: string) {
  return [
    { type: 'text' as const, text: term, emphasis: 'strong' as const },
    { type: 'text' as const, text: ` – ${phrase}` },
  ];
}

/**
 * The briefing, written once. Adapted from Talktails, "The Growth of Transnational
 * Cybercrime Networks Between China and Myanmar" (23 February 2024, no author named): every
 * section, fact, figure and list item of the article is kept, and every statement rests on
 * one of its sentences; the wording is this briefing's own (no ten consecutive words of the
 * article but its title: test/contract/wording.test.ts). No organisation or author is named
 * because none stands behind the adaptation; the "About this briefing" note says so.
 *
 * `point` and `onScreen` are the deck's lines (slides only): a section's point heads its
 * slides, and an on-screen line stands in for a text's first sentence where that sentence
 * alone would leave a number or a name of the text off the slides.
 *
 * This is the author's input; `index.ts` validates it when the module loads.
 */
export const reportInput = {
  meta: {
    title: 'Fraud Centres Next Door: Chinese-Led Cybercrime Networks in Myanmar and What They Mean for India',
    subtitle: 'A policy briefing on transnational cyber-enabled fraud across the China–Myanmar–India region',
    shortTitle: 'Myanmar cybercrime networks and India',
    date: '2026-11-25',
    lang: 'en-GB',
    summary:
      'Chinese-organised criminal groups have turned Myanmar into a base for online fraud aimed at victims worldwide, and Indians are frequent targets. This briefing sets out why the networks grew there, how they operate, what they mean for India, how China and India have responded so far, and which priorities could limit the harm.',
    about: [
      [
        { type: 'text', text: 'What this is. ', emphasis: 'strong' },
        {
          type: 'text',
          text: 'A policy briefing adapted from a single online article, for readers who want its argument and evidence in a short, structured form. It is not original research: it adds no facts of its own, and no organisation or named author stands behind it.',
        },
      ],
      [
        { type: 'text', text: 'Source. ', emphasis: 'strong' },
        { type: 'text', text: 'The article ' },
        { type: 'link', text: `“${SOURCE.title}”`, href: SOURCE_URL },
        {
          type: 'text',
          text: ', published by Talktails on 23 February 2024 without a named author. Every fact, figure, name and example in this briefing comes from it and has not been checked against other sources; the figures are as the article reported them in February 2024.',
        },
      ],
      [
        { type: 'text', text: 'How it was prepared. ', emphasis: 'strong' },
        {
          type: 'text',
          text: 'The article was reorganised into eight numbered sections, condensed and reworded throughout; the headings, summary, key takeaways, chart and table present its content in a new form. Each statement was checked against the original, and apart from its title no ten consecutive words of the article are reproduced.',
        },
      ],
      [
        { type: 'text', text: 'Licence. ', emphasis: 'strong' },
        {
          type: 'text',
          text: 'The wording of this briefing is released under the MIT licence, like the software that produces it. The facts and figures remain those reported by Talktails; the original article belongs to Talktails and is not covered by that licence.',
        },
      ],
    ],
    keywords: [
      'cybercrime',
      'Myanmar',
      'China',
      'India',
      'online fraud',
      'fraud centres',
      'cryptocurrency',
      'cybersecurity policy',
    ],
    basedOn: {
      publisher: 'Talktails',
      title: SOURCE.title,
      published: '2024-02-23',
      url: SOURCE_URL,
    },
  },

  takeaways: [
    'Chinese-organised networks defraud people worldwide from bases in Myanmar, and Indians are frequent targets.',
    'About 1 billion internet users in China and over 600 million in India, many first brought online by 4G, are a vast pool of victims.',
    'Weak rule of law, China next door, poverty, conflict, corruption and cryptocurrency suit the networks; telecom fraud operations have earned billions.',
    'India risks money, trust, security and more fraud at home, yet cybercrime still ranks low between India and Myanmar.',
    'The threat looks set to grow; enforcement at home, work across borders and public–private partnerships can still reduce the harm.',
  ],

  sections: [
    {
      id: 'context',
      title: 'Why Myanmar matters',
      point: 'Myanmar has become a hub for fraud aimed at the world, India included',
      lede: 'Fraud organised in one country, run from another and aimed at people everywhere: Myanmar sits in the middle of that chain, and India is within its reach.',
      blocks: [
        {
          type: 'paragraph',
          text: 'Myanmar, also called Burma, has India and China as neighbours: two of the world’s most populous countries, and ever more connected online.',
          onScreen: strong('Two giant neighbours', 'Myanmar, or Burma, borders India and China'),
        },
        {
          type: 'paragraph',
          text: 'That connectivity cuts both ways: it has brought real benefits, but it has also made room for new kinds of cybercrime that cross borders and can reach people anywhere.',
          onScreen: strong('Ever more connected', 'real benefits, and crime that crosses borders'),
        },
        {
          type: 'paragraph',
          text: 'In recent years, Chinese-organised criminal networks have made Myanmar a hub from which they target victims worldwide. They exploit the country’s weak rule of law, its poverty and its conflicts to set up centres running many kinds of cyber-enabled fraud.',
          onScreen: strong('Chinese-organised', 'fraud centres feed on weak rule of law, poverty, conflict'),
        },
        {
          type: 'callout',
          tone: 'key',
          title: 'India in range',
          text: 'India feels the effects too: its citizens are frequent targets.',
          onScreen: 'Indians are among the networks’ frequent targets.',
        },
      ],
      notes: [
        'Set the scene: Myanmar shares a border with each of India and China, both among the world’s most populous countries.',
      ],
    },
    {
      id: 'internet-expansion',
      title: 'China and India come online',
      point: 'Mass connectivity next door means a vast pool of victims',
      lede: 'The boom in internet use next door gives fraud centres in Myanmar a vast, often inexperienced pool of potential victims.',
      blocks: [
        {
          type: 'paragraph',
          text: 'Over recent decades, internet access and digital connectivity have spread fast in both countries. China has around 1 billion internet users, some 70% of its population; India has over 600 million, around 50% of its people (Figure 1). With the arrival of 4G mobile networks, hundreds of millions in each country have come online for the first time. Growth on this scale also hands criminals new openings. Every extra user is someone they might target, and the anonymity and borderlessness of the internet make cybercrime pay: with a device and a connection, an offender anywhere can reach victims all over the world.',
          onScreen: strong('4G', 'hundreds of millions newly online, each a potential target'),
        },
        {
          type: 'chart',
          id: 'internet-users-chart',
          kind: 'bar',
          title: 'Internet users in China and India',
          point: 'China has about 1 billion people online, India over 600 million',
          unit: 'internet users',
          asOf: '2024-02-23',
          reported: true,
          source: SOURCE,
          data: [
            { label: 'China', value: 1_000_000_000, qualifier: 'about', share: 70 },
            { label: 'India', value: 600_000_000, qualifier: 'over', share: 50 },
          ],
        },
      ],
      notes: [
        'Walk through both panels of the chart: about 1 billion users in China and over 600 million in India, around 70% and 50% of their populations, as the article reported them in February 2024.',
      ],
    },
    {
      id: 'emergence-of-networks',
      title: 'How the networks took shape',
      point: 'Chinese organisers supply the skills and offshore the labour',
      lede: 'Those who direct the fraud and those who carry it out are seldom in the same country.',
      blocks: [
        {
          type: 'paragraph',
          text: 'China in particular has seen sophisticated cybercriminal networks grow alongside its boom in internet access. It is now seen as one of the world’s major sources of cybercrime groups that attack and defraud targets abroad, and many of the networks involve hundreds or even thousands of people.',
          onScreen: strong('A major source', 'groups of hundreds or thousands attack and defraud abroad'),
        },
        {
          type: 'paragraph',
          text: 'Technically skilled Chinese nationals play key parts in building the hacking tools, malware and infrastructure these operations rely on.',
          onScreen: strong('Chinese specialists', 'build the hacking tools, malware and infrastructure'),
        },
        {
          type: 'paragraph',
          text: 'Much of the lower-level criminal work, however, is outsourced to countries where labour comes cheap.',
          onScreen: strong('Cheap labour', 'the lower-level criminal work is outsourced abroad'),
        },
        {
          type: 'callout',
          tone: 'key',
          title: 'Offshore base',
          text: 'Myanmar has become a key base for Chinese groups that offshore such work. They recruit people in Myanmar and neighbouring countries through job advertisements and other schemes; once recruited, these people serve as money mules laundering stolen funds, or carry out online fraud on the orders of Chinese organisers.',
          onScreen: 'job ads recruit mules and fraudsters from Myanmar and nearby',
        },
      ],
    },
    {
      id: 'drivers-in-myanmar',
      title: 'What makes Myanmar a base',
      point: 'Six conditions make Myanmar an ideal base for the networks',
      lede: 'Some of these conditions are Myanmar’s own troubles; others come from what it shares with China.',
      blocks: [
        {
          type: 'list',
          items: [
            {
              term: 'Weak governance',
              text: 'Myanmar has long struggled to govern effectively and uphold the rule of law, above all in outlying ethnic states such as Shan. With little policing and weak regulation, illegal activity goes unpunished.',
              onScreen: 'rule of law weakest in ethnic states such as Shan',
            },
            {
              term: 'Proximity to China',
              text: 'Myanmar borders China’s Yunnan province, which eases the flow of people, goods and information across the border, and Chinese migrant communities live in parts of the country. These cultural links make it easier to recruit and coordinate mules based in Myanmar.',
              onScreen: 'Yunnan next door; Chinese migrants ease recruiting mules',
            },
            {
              term: 'Poverty',
              text: 'Much of the population lives with poverty and unemployment. Many young people are desperate to earn money, and promises of well-paid jobs can lure them into working as mules.',
              onScreen: 'jobless young people lured in by promises of well-paid work',
            },
            {
              term: 'Conflict and displacement',
              text: 'Fighting between the military and ethnic armed groups in border areas such as Shan State has displaced many people within the country, and, marginalised, they are vulnerable to being recruited by criminal groups.',
              onScreen: 'the displaced of Shan State are easy to recruit',
            },
            {
              term: 'Corruption',
              text: 'Officials and police who take bribes and look away let the networks operate, and laundering the proceeds depends on corruption too.',
              onScreen: 'bribed officials and police look away; laundering needs them too',
            },
            {
              term: 'Cryptocurrency',
              text: 'Cryptocurrency makes illicit money easier to move and helps offenders escape regulation and detection; its wide uptake in both China and Myanmar smooths their transactions.',
              onScreen: 'moves illicit money undetected; popular in China and Myanmar',
            },
          ],
        },
      ],
    },
    {
      id: 'fraud-schemes',
      title: 'The frauds run from Myanmar',
      point: 'Most schemes trick victims out of money or data',
      lede: 'Chinese-led groups in Myanmar run many kinds of cyber-enabled fraud; most work by deceiving people, and the rest steal outright.',
      blocks: [
        {
          type: 'list',
          items: [
            {
              term: 'Romance scams',
              text: 'The offender poses as a new partner online, wins the victim’s trust and then asks for money.',
              onScreen: 'a fake partner online wins trust, then asks for money',
            },
            {
              term: 'Tech support scams',
              text: 'Bogus calls or pop-ups in the name of technology companies trick users into allowing remote access or giving up sensitive information to “fix” problems that do not exist.',
              onScreen: 'bogus calls or pop-ups gain remote access or data',
            },
            {
              term: 'Investment scams',
              text: 'Fake websites and accounts promote sham investments that promise high returns.',
              onScreen: 'sham offers of high returns from fake sites and accounts',
            },
            {
              term: 'Email and SMS phishing',
              text: 'Messages posing as legitimate companies push users to enter their credentials or bank details on fake sites.',
              onScreen: 'fake company messages harvest logins and bank details',
            },
            {
              term: 'Business email compromise',
              text: 'Hacked employee mailboxes are used to trick colleagues into making unauthorised transfers of funds.',
              onScreen: 'hacked mailboxes get staff to pay out',
            },
            {
              term: 'Reselling stolen data',
              text: 'Bank account and credit card details stolen through hacking and malware are sold on in dark-web markets.',
              onScreen: 'card and account details sold on dark-web markets',
            },
          ],
        },
        {
          type: 'callout',
          tone: 'warning',
          title: 'Losses',
          text: 'Together, the scams are hugely profitable. Individual victims often lose thousands of dollars or more, and telecom fraud operations, which are widespread, have brought in billions of dollars in criminal earnings.',
          onScreen: 'victims lose thousands of dollars; telecom fraud operations, billions',
        },
      ],
      notes: [
        'Be precise about the billions: the article credits them to the telecom fraud operations, not to every scheme on the list.',
      ],
    },
    {
      id: 'impacts-on-india',
      title: 'What it means for India',
      point: 'Over 600 million users, many new online, leave India exposed',
      lede: 'The harm to India goes beyond the money its citizens lose: trust, security and the growth of crime at home are also at stake.',
      blocks: [
        {
          type: 'paragraph',
          text: 'Chinese cybercrime run from Myanmar is a threat to India as well. Over 600 million people in India use the internet, many of them recently connected and unaware of cybersecurity, which gives scammers inside and outside the country a vast pool of targets.',
          onScreen: strong('From Myanmar', 'Chinese cybercrime joins scammers inside India and out'),
        },
        {
          type: 'list',
          intro: 'The main effects on India:',
          onScreen: 'The costs go beyond money:',
          items: [
            {
              term: 'Financial losses',
              text: 'Indian victims lose large sums to tech support scams, to phishing, to extortion gangs such as the Jao Bolenge Fraud Gang and to other schemes directed, in the end, by groups in Myanmar.',
              onScreen: 'scams, phishing and the Jao Bolenge Fraud Gang',
            },
            {
              term: 'Reputational damage',
              text: 'Compromised Indian businesses and infrastructure undermine trust in digital services and in the economy.',
              onScreen: 'hacked Indian firms erode trust in digital services',
            },
            {
              term: 'National security risks',
              text: 'Terrorists and hostile states can turn the same criminal tools and infrastructure to disruptive attacks.',
              onScreen: 'terrorists and hostile states can reuse the tools',
            },
            {
              term: 'Growth of domestic cybercrime',
              text: 'The know-how and businesses built for transnational organised cybercrime could be redirected into more fraud within India.',
              onScreen: 'the know-how could turn to fraud at home',
            },
          ],
        },
      ],
    },
    {
      id: 'responses',
      title: 'The responses so far',
      point: 'Each country acts at home; little reaches across into Myanmar',
      lede: 'Each country has acted mostly at home, and each runs into limits once the trail leads into Myanmar.',
      blocks: [
        {
          type: 'paragraph',
          text: 'The governments of China and India are both increasingly concerned about the spread of cybercriminal activity and the harm it does to their reputations. So far, though, meaningful cooperation and law enforcement across borders have been limited. Table 1 compares what each country has done.',
          onScreen: strong('Rising concern', 'both worry about the damage to their reputations'),
        },
        {
          type: 'list',
          intro: 'At home, India’s measures to strengthen cybersecurity and protect people from cyber-fraud include:',
          onScreen: 'India’s steps so far:',
          items: [
            { text: 'Expanding police cybercrime units' },
            { text: 'Government-run cybersecurity training' },
            { text: 'Public awareness campaigns on cyber-hygiene' },
            { text: 'Tighter regulation of know-your-customer (KYC) norms and transaction monitoring' },
            { text: 'Working with the fintech industry to share threat intelligence' },
          ],
        },
        {
          type: 'table',
          caption: 'China’s and India’s responses compared',
          point: 'China cracks down, India builds defences; neither presses Myanmar',
          columns: [{ header: 'Area' }, { header: 'China' }, { header: 'India' }],
          rows: [
            [
              'At home',
              'Recent crackdowns at home on cybercrime and online fraud rings, with many arrests.',
              'Five measures to strengthen cybersecurity and protect people from cyber-fraud at home.',
            ],
            [
              'Critics and limits',
              'Critics call the crackdowns haphazard, driven largely by embarrassing incidents rather than by a systematic effort against the root causes of cybercrime.',
              'Offenders based in Myanmar are hard to pursue: its military rulers have little capacity, and little incentive, to move against the Chinese-linked transnational organised cybercrime groups operating there.',
            ],
            [
              'Across borders',
              'Geopolitical tensions limit the pressure China can put on groups in Myanmar, whose military government, though tied to China diplomatically and economically, wants to balance those ties with relations elsewhere.',
              'India has pressed for more international cooperation on cybersecurity, including bilateral agreements signed with countries around the world; with Myanmar, though, cybercrime still appears to be a low priority.',
            ],
          ],
          source: SOURCE,
        },
      ],
    },
    {
      id: 'outlook',
      title: 'Limiting the harm',
      point: 'Six priorities could blunt a lasting threat',
      lede: 'No single actor can do this alone: the priorities in this section call on police, regulators, technology companies and other countries.',
      blocks: [
        {
          type: 'paragraph',
          text: 'Given present conditions, cybercrime by groups based in Myanmar seems likely to persist and grow. Its harm could still be reduced by a multi-pronged strategy that joins law enforcement at home, collaboration between countries and public–private partnerships.',
          onScreen: strong('A multi-pronged strategy', 'police, partners abroad, industry'),
        },
        {
          type: 'list',
          intro: 'Priorities for stronger cybersecurity and for countering transnational organised cybercrime:',
          onScreen: 'Against transnational organised cybercrime:',
          items: [
            {
              term: 'Cryptocurrency oversight',
              text: 'Tighten the oversight and regulation of cryptocurrency so that it is harder to use for laundering money.',
              onScreen: 'make laundering through it harder',
            },
            {
              term: 'Public awareness',
              text: 'Spread awareness of cyber-hygiene and of how to recognise fraud, through education campaigns and media reporting.',
              onScreen: 'cyber-hygiene taught through education and the media',
            },
            {
              term: 'Law enforcement capacity',
              text: 'Give law enforcement more training and institutional capacity, so that it can investigate cybercrime cases and prosecute them.',
              onScreen: 'training to investigate and prosecute',
            },
            {
              term: 'AI and big data',
              text: 'Have technology companies use AI and big-data analytics to detect cybercrime operations quickly and block attacks.',
              onScreen: 'tech companies detecting operations and blocking attacks',
            },
            {
              term: 'Diplomatic pressure',
              text: 'Press the countries that harbour cybercriminal groups to cooperate and to take real action against them.',
              onScreen: 'on the countries that harbour the groups',
            },
            {
              term: 'Public–private partnerships',
              text: 'Bring law enforcement and cybersecurity firms together to gather threat intelligence and watch criminal infrastructure more closely.',
              onScreen: 'police and security firms sharing threat intelligence',
            },
          ],
        },
      ],
      notes: ['Take the six priorities in turn; ask which of them India can act on alone.'],
    },
  ],

  conclusion: {
    point: 'The networks will not be eliminated, but their harm can be cut',
    text: 'Connectivity in India, China and Myanmar is likely to keep growing, so containing these threats will mean keeping pace with criminals as they innovate. Eliminating transnational cybercriminal groups is unlikely, but well-aimed efforts can do much to make online spaces safer and more trusted for the huge populations of these countries that rely on digital access.',
    onScreen: [
      strong('Keep pace', 'connectivity keeps growing and criminals keep innovating'),
      strong('Act on the six priorities', 'crypto, awareness, police, AI, diplomacy, partnerships'),
      strong('Aim well', 'safer, more trusted online spaces for everyone relying on them'),
    ],
  },

  sources: [
    {
      id: 'talktails-2024',
      publisher: 'Talktails',
      title: SOURCE.title,
      date: '2024-02-23',
      url: SOURCE_URL,
      note: 'The only source of this briefing: every fact and figure in it comes from this article.',
    },
  ],
} satisfies ReportInput;

/** The briefing, validated when this module loads: a broken report fails the build with every problem listed. */
export const report: Report = assertReport(reportInput);
