import { assertReport } from './parse.js';
import type { Report, ReportInput } from './schema.js';

const SOURCE_URL = 'https://talktails.in/the-growth-of-transnational-cybercrime-networks-between-china-and-myanmar/';
const SOURCE = {
  publisher: 'Talktails',
  title: 'The Growth of Transnational Cybercrime Networks Between China and Myanmar',
  url: SOURCE_URL,
} as const;

/**
 * The briefing, written once. Adapted from Talktails, "The Growth of Transnational
 * Cybercrime Networks Between China and Myanmar" (23 February 2024): every section, fact,
 * figure and list item of the article is kept; the wording is this briefing's own.
 *
 * This is the author's input; `index.ts` validates it when the module loads.
 */
export const reportInput = {
  meta: {
    title: 'Scam Compounds Next Door: Chinese-Led Cybercrime Networks in Myanmar and What They Mean for India',
    subtitle: 'A policy briefing on transnational cyber-enabled fraud across the China–Myanmar–India region',
    shortTitle: 'Myanmar cybercrime networks and India',
    date: '2026-11-25',
    lang: 'en-GB',
    organisation: { name: 'Briefing project' },
    authors: [{ name: 'Briefing editorial team', role: 'Adaptation and analysis' }],
    summary:
      'Chinese-organised criminal groups have turned Myanmar into a base for online fraud aimed at victims worldwide, Indians prominent among them. This briefing sets out why the networks grew, how they operate, what they cost India, how China and India have responded so far, and the priorities that could limit the harm.',
    keywords: [
      'cybercrime',
      'Myanmar',
      'China',
      'India',
      'online fraud',
      'scam compounds',
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
    'Myanmar has become a hub for Chinese-organised cybercrime networks that defraud victims around the world, and Indians are frequent targets.',
    'Mass internet access is the enabler: about 1 billion users in China (about 70% of the population) and over 600 million in India (about 50%), with 4G bringing hundreds of millions online for the first time.',
    'Weak rule of law, proximity to China, poverty, armed conflict, corruption and cryptocurrency make Myanmar an ideal base; six kinds of fraud run from there have earned billions of dollars.',
    'India risks financial losses, reputational damage, national-security exposure and a spill-over into domestic fraud, while cybercrime remains a low priority in India–Myanmar relations.',
    'The threat is likely to persist; a multi-pronged strategy of domestic enforcement, international collaboration and public–private partnership can still reduce the harm.',
  ],

  sections: [
    {
      id: 'context',
      title: 'Why Myanmar matters',
      lede: 'A neighbour of both India and China has become the base of a cross-border fraud industry.',
      blocks: [
        {
          type: 'paragraph',
          text: 'Myanmar, also called Burma, borders India and China, two of the most populous countries in the world and two of the fastest to come online. Connectivity has brought real benefits, but it has also opened the door to forms of cybercrime that cross borders and reach people everywhere.',
        },
        {
          type: 'paragraph',
          text: 'Over recent years Chinese-organised criminal networks have made Myanmar a hub from which they target victims worldwide. They exploit the country’s weak rule of law, its poverty and its conflicts to set up centres that run a range of cyber-enabled fraud schemes. India is directly exposed: its citizens are frequent targets.',
        },
        {
          type: 'paragraph',
          text: [
            { type: 'text', text: 'This briefing adapts and condenses ' },
            { type: 'link', text: 'an article published by Talktails on 23 February 2024', href: SOURCE_URL },
            { type: 'text', text: '. Facts and figures are the article’s; the framing and wording are ours.' },
          ],
        },
      ],
      notes: ['Open with the geography: Myanmar sits between the two largest online populations in the world.'],
    },
    {
      id: 'internet-expansion',
      title: 'The expansion of the internet in China and India',
      lede: 'More people online means more potential victims.',
      blocks: [
        {
          type: 'paragraph',
          text: 'Internet access and digital connectivity have grown fast in both countries over recent decades. China now counts around 1 billion internet users, roughly 70% of its population; India has more than 600 million, around 50% of its population. The roll-out of 4G mobile networks has brought hundreds of millions of people in each country online for the first time.',
        },
        {
          type: 'chart',
          id: 'internet-users-chart',
          kind: 'bar',
          title: 'Internet users in China and India',
          unit: 'million internet users',
          asOf: '2024-02-23',
          source: SOURCE,
          data: [
            { label: 'China', value: 1000, qualifier: 'about', share: 70 },
            { label: 'India', value: 600, qualifier: 'over', share: 50 },
          ],
        },
        {
          type: 'paragraph',
          text: 'The same growth hands criminals new tools. Every new user is a potential target, and the internet’s anonymity and lack of borders make fraud lucrative: with a device and a connection, an offender anywhere can reach a global pool of victims.',
        },
      ],
      notes: ['Point to the chart: the two countries together account for well over 1.5 billion users.'],
    },
    {
      id: 'emergence-of-networks',
      title: 'The emergence of transnational cybercriminal networks',
      blocks: [
        {
          type: 'paragraph',
          text: 'In China especially, the boom in internet access has been matched by the rise of sophisticated cybercriminal networks. China is now regarded as a major global source of groups that mount attacks and frauds abroad, and many of these operations involve hundreds or even thousands of people.',
        },
        {
          type: 'paragraph',
          text: 'Technically skilled Chinese nationals build the hacking tools, the malware and the infrastructure behind these operations. Much of the low-level criminal work, however, is outsourced to countries where labour is cheap.',
        },
        {
          type: 'callout',
          tone: 'key',
          title: 'Myanmar as the offshore base',
          text: 'Myanmar has become a key base for Chinese groups offshoring this work. They recruit people from Myanmar and neighbouring countries through job advertisements and other schemes; the recruits end up as money mules laundering stolen funds or running online frauds under the direction of Chinese organisers.',
        },
      ],
    },
    {
      id: 'drivers-in-myanmar',
      title: 'Factors driving the growth of cybercrime networks in Myanmar',
      lede: 'Six conditions combine to make Myanmar an ideal base for transnational cybercrime.',
      blocks: [
        {
          type: 'list',
          items: [
            {
              term: 'Limited governance and rule of law',
              text: 'Myanmar has long struggled to govern effectively and uphold the rule of law, above all in peripheral ethnic states such as Shan. Thin policing and weak regulation let illegal activity go unpunished.',
            },
            {
              term: 'Proximity and cultural ties to China',
              text: 'Its border with China’s Yunnan province eases the cross-border movement of people, goods and information, and Chinese migrant communities live in parts of Myanmar. These cultural links make it easier to recruit and coordinate mules based in Myanmar.',
            },
            {
              term: 'Poverty and limited economic opportunities',
              text: 'Much of the population lives with poverty and unemployment. Many young people are desperate for income and can be lured into serving as mules by promises of well-paid jobs.',
            },
            {
              term: 'Conflict and displacement',
              text: 'Continuing fighting between ethnic armed groups and the military in border areas such as Shan State has displaced many people inside the country, and these marginalised people are easy prey for criminal recruiters.',
            },
            {
              term: 'Corruption',
              text: 'Officials and police who take bribes and look the other way let the networks operate; laundering the proceeds also depends on corruption.',
            },
            {
              term: 'Cryptocurrency',
              text: 'Cryptocurrency makes illicit funds easier to move and helps criminals evade regulation and detection; its wide uptake in both China and Myanmar smooths the transactions.',
            },
          ],
        },
      ],
    },
    {
      id: 'fraud-schemes',
      title: 'Online fraud schemes conducted from Myanmar',
      lede: 'Chinese-led groups in Myanmar run a wide range of cyber-enabled fraud against victims worldwide.',
      blocks: [
        {
          type: 'list',
          intro: 'The major schemes include:',
          items: [
            {
              term: 'Romance scams',
              text: 'The offender feigns an online relationship, wins the victim’s trust and then asks for money.',
            },
            {
              term: 'Tech support scams',
              text: 'Bogus calls or pop-ups in the name of technology companies trick users into granting remote access or handing over sensitive information to “fix” problems that do not exist.',
            },
            {
              term: 'Investment scams',
              text: 'Fake websites and accounts promote sham investments that promise high returns.',
            },
            {
              term: 'Email and SMS phishing',
              text: 'Messages posing as legitimate companies push users to enter their credentials or bank details on fake sites.',
            },
            {
              term: 'Business email compromise',
              text: 'Hacked employee mailboxes are used to trick colleagues into making unauthorised transfers of funds.',
            },
            {
              term: 'Reselling stolen data',
              text: 'Bank account and credit card details stolen through hacking and malware are sold on through dark-web markets.',
            },
          ],
        },
        {
          type: 'callout',
          tone: 'warning',
          title: 'The scale of the losses',
          text: 'Together these scams are hugely profitable. Individual victims often lose thousands of dollars or more, and the widespread telecom fraud operations have earned billions of dollars.',
        },
      ],
    },
    {
      id: 'impacts-on-india',
      title: 'Impacts of transnational cybercrime on India',
      lede: 'India’s huge, newly connected online population is a prime target.',
      blocks: [
        {
          type: 'paragraph',
          text: 'Chinese cybercriminal activity run from Myanmar threatens India too. India has over 600 million internet users, many of them new to the internet and unaware of basic cybersecurity, which gives scammers at home and abroad an enormous pool of targets.',
        },
        {
          type: 'list',
          intro: 'The main impacts on India are:',
          items: [
            {
              term: 'Financial losses',
              text: 'Indian victims lose substantial sums to tech support scams, phishing, extortion by groups such as the Jao Bolenge Fraud Gang, and other schemes ultimately directed from Myanmar.',
            },
            {
              term: 'Reputational damage',
              text: 'When Indian businesses and infrastructure are compromised in these campaigns, trust in digital services and in the economy suffers.',
            },
            {
              term: 'National security risks',
              text: 'Terrorists and hostile states can use the same criminal tools and infrastructure to mount disruptive attacks.',
            },
            {
              term: 'Growth of domestic cybercrime',
              text: 'The skills and enterprises built to serve transnational organised cybercrime could also be turned to more fraud inside India.',
            },
          ],
        },
      ],
    },
    {
      id: 'responses',
      title: 'Responses by China and India to cybercriminal activity',
      lede: 'Both governments are worried, but cross-border cooperation and enforcement remain limited.',
      blocks: [
        {
          type: 'paragraph',
          text: 'Beijing and New Delhi are both increasingly concerned about the growth of cybercrime and the reputational damage it causes. So far, however, meaningful cooperation and law enforcement across borders have been limited.',
        },
        {
          type: 'table',
          caption: 'How China and India have responded',
          columns: [{ header: 'Where' }, { header: 'China' }, { header: 'India' }],
          rows: [
            [
              'At home',
              'Crackdowns on cybercrime and online fraud groups inside China, with many arrests.',
              'Measures to harden cybersecurity and protect people against cyber-fraud (listed below).',
            ],
            [
              'How well it works',
              'Critics call the crackdowns haphazard: prompted mostly by embarrassing incidents rather than by a systematic effort against the root causes.',
              'Offenders based in Myanmar are hard to pursue: its military rulers have little capacity, and little incentive, to move against the Chinese-linked transnational organised cybercrime groups on their soil.',
            ],
            [
              'Beyond its borders',
              'Geopolitical tensions limit the pressure China can put on groups in Myanmar, whose military government has diplomatic and economic ties to China yet wants to weigh them against links with other countries.',
              'India has pressed for wider international cybersecurity cooperation, including bilateral agreements with countries around the world, yet cybercrime still seems a low priority in India–Myanmar relations.',
            ],
          ],
          source: {
            publisher: 'Talktails',
            title: 'The growth of transnational cybercrime networks between China and Myanmar',
            url: 'https://talktails.in/the-growth-of-transnational-cybercrime-networks-between-china-and-myanmar/',
          },
        },
        {
          type: 'list',
          intro: 'At home, India has worked to strengthen cybersecurity and protection against cyber-fraud by:',
          items: [
            { text: 'Expanding police cybercrime units' },
            { text: 'Government cybersecurity training initiatives' },
            { text: 'Public awareness campaigns on cyber-hygiene' },
            { text: 'Tighter regulation of know-your-customer (KYC) norms and transaction monitoring' },
            { text: 'Collaboration with the fintech industry on sharing threat intelligence' },
          ],
        },
      ],
    },
    {
      id: 'outlook',
      title: 'Outlook on fighting transnational cybercrime',
      lede: 'The threat will persist, but targeted action can still make a difference.',
      blocks: [
        {
          type: 'paragraph',
          text: 'Under present conditions, cybercrime by groups based in Myanmar is likely to continue and to grow. A multi-pronged strategy that combines domestic law enforcement, international collaboration and public–private partnerships could nonetheless reduce the harm.',
        },
        {
          type: 'list',
          intro: 'Priorities for better cybersecurity and for countering transnational organised cybercrime:',
          items: [
            {
              term: 'Cryptocurrency oversight',
              text: 'Strengthen oversight and regulation of cryptocurrency to curb its use in laundering funds.',
            },
            {
              term: 'Public awareness',
              text: 'Raise awareness of cyber-hygiene and of how to spot fraud through education campaigns and media reporting.',
            },
            {
              term: 'Law enforcement capacity',
              text: 'Increase training and institutional capacity to investigate and prosecute cybercrime cases.',
            },
            {
              term: 'AI and big data',
              text: 'Have technology companies use AI and big-data analytics to detect cybercrime operations quickly and block attacks.',
            },
            {
              term: 'Diplomatic pressure',
              text: 'Press the countries that harbour cybercriminal groups to cooperate and to act against them in earnest.',
            },
            {
              term: 'Public–private partnerships',
              text: 'Build partnerships between law enforcement and cybersecurity firms to gather threat intelligence and monitor criminal infrastructure more closely.',
            },
          ],
        },
        {
          type: 'paragraph',
          text: 'Digital connectivity in India, China and Myanmar will keep growing, so managing these threats means keeping pace with criminals’ own innovation. Wiping out transnational cybercriminal groups is unlikely, but targeted efforts can go a long way towards making online spaces safer and more trusted for the vast populations that depend on them.',
        },
      ],
      notes: ['Close on the six priorities; invite questions on which of them India can act on alone.'],
    },
  ],

  sources: [
    {
      id: 'talktails-2024',
      publisher: 'Talktails',
      title: SOURCE.title,
      date: '2024-02-23',
      url: SOURCE_URL,
      note: 'Source of every fact and figure in this briefing.',
    },
  ],
} satisfies ReportInput;

/** The briefing, validated when this module loads: a broken report fails the build with every problem listed. */
export const report: Report = assertReport(reportInput);
