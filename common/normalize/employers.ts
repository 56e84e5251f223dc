
/** Well-known employers and the other names they go by; the rest are created as they come. */
const KNOWN: Record<string, string[]> = {
  Meta: ['Facebook', 'Meta Platforms', 'Instagram', 'WhatsApp', 'Oculus'],
  Google: ['Alphabet', 'Google LLC', 'YouTube', 'DeepMind'],
  Amazon: ['Amazon.com', 'AWS', 'Amazon Web Services', 'Twitch', 'Whole Foods'],
  Microsoft: ['MSFT', 'LinkedIn', 'GitHub', 'Activision Blizzard'],
  Apple: ['Apple Computer'],
  X: ['Twitter', 'X Corp'],
  Salesforce: ['Slack', 'Tableau', 'MuleSoft'],
  Intel: ['Intel Corporation'],
  IBM: ['International Business Machines'],
  Cisco: ['Cisco Systems'],
  Dell: ['Dell Technologies', 'Dell EMC'],
  HP: ['Hewlett-Packard', 'HP Inc', 'Hewlett Packard Enterprise', 'HPE'],
  Oracle: ['Oracle Corporation'],
  SAP: ['SAP SE'],
  Spotify: [],
  Shopify: [],
  Stripe: [],
  Netflix: [],
  Uber: ['Uber Technologies'],
  Lyft: [],
  Airbnb: [],
  Snap: ['Snapchat', 'Snap Inc'],
  PayPal: ['eBay'],
  Zoom: ['Zoom Video Communications'],
  Coinbase: [],
  Robinhood: ['Robinhood Markets'],
  Peloton: ['Peloton Interactive'],
  Tesla: ['Tesla Motors'],
  Wayfair: [],
  Unity: ['Unity Technologies'],
  Atlassian: [],
  Dropbox: [],
  Twilio: [],
  Okta: [],
  Zillow: [],
  Redfin: [],
  DoorDash: [],
  Indeed: ['Recruit Holdings'],
  Chegg: [],
  Vimeo: [],
};

/** Legal-form words that say nothing about which company it is. */
const SUFFIXES = /\b(inc|incorporated|llc|l l c|ltd|limited|corp|corporation|co|company|gmbh|ag|sa|plc|bv|nv|pty|holdings?)\b/g;

/** "Meta Platforms, Inc." and "meta platforms" meet at "meta platforms". */
export function employerKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(SUFFIXES, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const knownByKey = new Map<string, string>();
for (const [canonical, aliases] of Object.entries(KNOWN)) {
  for (const name of [canonical, ...aliases]) knownByKey.set(employerKey(name), canonical);
}

/** The canonical name of a well-known employer, by the key of any of its names. */
export const knownEmployerName = (key: string): string | undefined => knownByKey.get(key);

/** The well-known employers and their other names, for suggestions before anyone has typed them. */
export const knownEmployers = (): Array<{ name: string; aliases: string[] }> =>
  Object.entries(KNOWN).map(([name, aliases]) => ({ name, aliases }));
