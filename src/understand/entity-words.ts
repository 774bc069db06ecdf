import type { AskLevel, AskMarket } from './types.js';
import type { Difficulty } from '../core/schema/common.js';

/**
 * The words of the entities that are not in the knowledge base: markets, levels, difficulty.
 * Phrases are normalised words (see text.ts). The data's own vocabulary (roles, skills, layer
 * and tier names) is read from the knowledge base in vocabulary.ts.
 */
export const MARKET_PHRASES: ReadonlyArray<readonly [string, AskMarket]> = [
  ...(['india', 'indian', 'inr', 'rupee', 'rupees', 'rs', '₹', 'lpa', 'lakh', 'lakhs', 'lac', 'lacs', 'crore', 'crores'] as const).map(
    (w) => [w, 'india'] as const,
  ),
  ...(
    [
      'bangalore',
      'bengaluru',
      'blr',
      'hyderabad',
      'hyd',
      'pune',
      'chennai',
      'mumbai',
      'bombay',
      'delhi',
      'ncr',
      'gurgaon',
      'gurugram',
      'noida',
      'kolkata',
      'ahmedabad',
      'kochi',
      'jaipur',
      'indore',
      'coimbatore',
    ] as const
  ).map((w) => [w, 'india'] as const),
  ...(
    [
      'uk',
      'britain',
      'british',
      'england',
      'scotland',
      'london',
      'manchester',
      'edinburgh',
      'cambridge',
      'gbp',
      'pound',
      'pounds',
      '£',
      'united kingdom',
    ] as const
  ).map((w) => [w, 'uk'] as const),
  ...(
    [
      'usa',
      'america',
      'american',
      'united states',
      'bay area',
      'silicon valley',
      'sf',
      'san francisco',
      'nyc',
      'new york',
      'seattle',
      'austin',
      'boston',
      'usd',
      'dollar',
      'dollars',
      '$',
    ] as const
  ).map((w) => [w, 'us'] as const),
];

/** "us" is a market only where it cannot be the pronoun: "in the US", "US salary", "us vs india". */
export const US_BEFORE = new Set([
  'in',
  'the',
  'to',
  'vs',
  'versus',
  'and',
  'or',
  'salary',
  'salaries',
  'pay',
  'comp',
  'ctc',
  'jobs',
  'job',
  'market',
  'engineer',
  'engineers',
  'scientist',
  'scientists',
  'developer',
  'developers',
  'manager',
  'roles',
]);
export const US_AFTER = new Set(['salary', 'salaries', 'pay', 'market', 'based', 'companies', 'company', 'jobs', 'job', 'vs', 'and', 'or']);

export const LEVEL_PHRASES: ReadonlyArray<readonly [string, AskLevel]> = [
  ...[
    'fresher',
    'freshers',
    'fresh graduate',
    'fresh grad',
    'new grad',
    'new graduate',
    'recent graduate',
    'just graduated',
    'entry level',
    'entry',
    'junior',
    'jr',
    'beginner',
    'beginners',
    'starting',
    'intern',
    'internship',
    'student',
    'final year',
    'college',
    'campus',
    'no experience',
    'zero experience',
  ].map((w) => [w, 'entry'] as const),
  ...['mid', 'mid level', 'midlevel', 'intermediate'].map((w) => [w, 'mid'] as const),
  ...['senior', 'sr', 'seniors'].map((w) => [w, 'senior'] as const),
  ...['staff', 'principal', 'distinguished'].map((w) => [w, 'staff'] as const),
];

/** Words for a number of years: "3 years", "four yrs", "5 yoe". */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
export const YEAR_WORDS = new Set(['year', 'years', 'yr', 'yrs', 'yoe']);

export const DIFFICULTY_PHRASES: ReadonlyArray<readonly [string, Difficulty]> = [
  ...[
    'easiest',
    'easy',
    'easier',
    'easily',
    'accessible',
    'beginner friendly',
    'entry friendly',
    'low barrier',
    'not too hard',
    'not hard',
    'not that hard',
    'not difficult',
    'not too difficult',
  ].map((w) => [w, 'accessible'] as const),
  ...['moderate', 'moderately', 'medium', 'medium difficulty'].map((w) => [w, 'moderate'] as const),
  ...['hard', 'harder', 'difficult', 'tough', 'tougher', 'challenging', 'advanced', 'very hard'].map((w) => [w, 'advanced'] as const),
  ...['hardest', 'toughest', 'most difficult', 'most challenging', 'most competitive', 'elite', 'extremely hard'].map((w) => [w, 'elite'] as const),
];

export const EDUCATION_PHRASES: ReadonlyArray<readonly [string, 'none']> = [
  ['no degree', 'none'],
  ['without a degree', 'none'],
  ['without degree', 'none'],
  ['without a cs degree', 'none'],
  ['no cs degree', 'none'],
];

/** Ordinals for "the second one", and for layers ("third layer"). */
export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  sixth: 6,
  '6th': 6,
  last: -1,
};

/** Common words that are never typos of a role, skill or cue word ("later" is no "layer"). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if so of to in on at by for from with without about into onto over under than then that this these those there here ' +
    'i im me my mine we us our you your yours he she it its they them their is am are was were be been being do does did done doing have has had ' +
    'having will would can could should shall may might must not no yes what whats which who whom whose why how when where whether ' +
    'very really just only also still even ever never always often some any many much more most less least few all each every both either ' +
    'other others another such same like want wants wanted wanting wanna need get gets got getting go goes going went make makes made take ' +
    'give see look looking know think feel try trying tried start started come came say said tell ask asked let put keep help ' +
    'good great best better bad well nice new old big small high low long short right wrong real sure true ' +
    'time times day days week weeks month months year years today now later soon before after during while since until ' +
    'thing things stuff way ways people person someone anyone everyone guys folks friend friends team work working worked job jobs role roles ' +
    'career careers field fields area areas life world place places country city cities number numbers lot lots bit ' +
    'please pls plz thanks thank hi hello hey ok okay yeah yep nope lol ' +
    'player players layer layers still skill skills stills paths maths math later latter tools tool data date model models ' +
    'should shouldnt dont doesnt didnt cant cannot wont isnt arent wasnt havent ive youre theyre thats theres heres lets ' +
    'advice question questions answer answers currently actually basically typically usually probably maybe kind kinds type types ' +
    'become becoming move moving switch switching learn learning study studying build building apply applying'
  ).split(' '),
);

/** Deep-dive parts by the words that name them (ids as `/deepdive` takes them; a test checks them against the command). */
export const DEEP_DIVE_CUES: ReadonlyArray<readonly [phrase: string, part: string]> = [
  ['day in the life', 'day'],
  ['daily life', 'day'],
  ['day to day', 'day'],
  ['typical day', 'day'],
  ['do all day', 'day'],
  ['roadmap', 'roadmap'],
  ['tech stack', 'stack'],
  ['stack', 'stack'],
  ['tools', 'stack'],
  ['career ladder', 'ladder'],
  ['ladder', 'ladder'],
  ['pay ladder', 'pay'],
  ['job market', 'market'],
  ['market', 'market'],
  ['demand', 'market'],
  ['kinds of', 'tiers'],
  ['types of', 'tiers'],
  ['three jobs', 'tiers'],
  ['fail', 'failure'],
  ['failure', 'failure'],
  ['disagree', 'disagreements'],
  ['disagreement', 'disagreements'],
  ['overview', 'overview'],
];
