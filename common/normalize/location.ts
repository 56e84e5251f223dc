/**
 * Countries as ISO 3166-1 alpha-2 codes, from a code or a name as people write it in the
 * languages lists are made in ("Germany", "Deutschland", "Alemania", "Allemagne", "Alemanha"),
 * and locations as people write them ("Seattle, WA", "Toronto, Ontario, Canada", "Berlin, Alemania").
 */
const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
  'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
  'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
  'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
  'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES);

const fold = (value: string) =>
  value.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/[.'’]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The languages whose country names are known, by the platform's own CLDR data
 * (Intl.DisplayNames): no folded name means two countries across them.
 */
const NAME_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl'];

/** What CLDR does not spell the way people do. */
const ALIASES: Record<string, string> = {
  usa: 'US', 'united states of america': 'US', america: 'US', 'u s': 'US', 'u s a': 'US', eeuu: 'US', 'ee uu': 'US',
  eua: 'US', 'estados unidos da america': 'US', 'estados unidos de america': 'US', 'etats unis d amerique': 'US',
  uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  inglaterra: 'GB', angleterre: 'GB', grossbritannien: 'GB', 'gran bretana': 'GB', 'gra bretanha': 'GB', 'grande bretagne': 'GB',
  holland: 'NL', holanda: 'NL', hollande: 'NL', 'the netherlands': 'NL', korea: 'KR', 'republic of korea': 'KR',
  'corea del sur': 'KR', 'coreia do sul': 'KR', 'coree du sud': 'KR', sudkorea: 'KR', russia: 'RU', 'czech republic': 'CZ',
  turkey: 'TR', turkiye: 'TR', uae: 'AE', eau: 'AE', 'viet nam': 'VN', 'ivory coast': 'CI', 'cote d ivoire': 'CI',
  'hong kong sar': 'HK', 'mainland china': 'CN', prc: 'CN', 'the philippines': 'PH', eswatini: 'SZ', brd: 'DE',
};

let names: Map<string, string> | undefined;
/** Built on first use: the web app loads this module for its country codes alone. */
function countriesByName(): Map<string, string> {
  if (names) return names;
  names = new Map();
  for (const language of NAME_LANGUAGES) {
    for (const style of ['long', 'short'] as const) {
      const display = new Intl.DisplayNames([language], { type: 'region', style });
      for (const code of CODES) names.set(fold(display.of(code) ?? code), code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) names.set(alias, code);
  return names;
}

/** "de", "Germany", "Deutschland", "Alemania" → "DE"; undefined when it is not a country. */
export function countryCode(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && COUNTRY_CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return countriesByName().get(fold(trimmed));
}

const US_STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', PR: 'Puerto Rico',
};
const CA_PROVINCES: Record<string, string> = {
  AB: 'Alberta', BC: 'British Columbia', MB: 'Manitoba', NB: 'New Brunswick', NL: 'Newfoundland and Labrador',
  NS: 'Nova Scotia', NT: 'Northwest Territories', NU: 'Nunavut', ON: 'Ontario', PE: 'Prince Edward Island',
  QC: 'Quebec', SK: 'Saskatchewan', YT: 'Yukon',
};
const BR_STATES: Record<string, string> = {
  AC: 'Acre', AL: 'Alagoas', AP: 'Amapá', AM: 'Amazonas', BA: 'Bahia', CE: 'Ceará', DF: 'Distrito Federal',
  ES: 'Espírito Santo', GO: 'Goiás', MA: 'Maranhão', MT: 'Mato Grosso', MS: 'Mato Grosso do Sul', MG: 'Minas Gerais',
  PA: 'Pará', PB: 'Paraíba', PR: 'Paraná', PE: 'Pernambuco', PI: 'Piauí', RJ: 'Rio de Janeiro', RN: 'Rio Grande do Norte',
  RS: 'Rio Grande do Sul', RO: 'Rondônia', RR: 'Roraima', SC: 'Santa Catarina', SP: 'São Paulo', SE: 'Sergipe', TO: 'Tocantins',
};

/** Where a bare two-letter code ("PR") is looked for, in order, unless a sheet's language says otherwise. */
export const DEFAULT_REGION_COUNTRIES: readonly string[] = ['US', 'CA'];

const regions = new Map<string, { country: string; name: string }>();
for (const [country, table] of [['US', US_STATES], ['CA', CA_PROVINCES], ['BR', BR_STATES]] as const) {
  for (const [code, name] of Object.entries(table)) {
    regions.set(`${country}:${fold(code)}`, { country, name });
    regions.set(`${country}:${fold(name)}`, { country, name });
  }
}

/**
 * A US state, Canadian province or Brazilian state by code or name ("TX", "ontario"), within
 * `country` when it is known, else in the first of `regionCountries` that has it ("CA" is
 * California before it is Canada's anything).
 */
export function findRegion(
  raw: string,
  country: string | undefined,
  regionCountries = DEFAULT_REGION_COUNTRIES,
): { country: string; name: string } | undefined {
  const key = fold(raw);
  if (country) return regions.get(`${country}:${key}`);
  for (const c of regionCountries) {
    const region = regions.get(`${c}:${key}`);
    if (region) return region;
  }
  return undefined;
}

interface Location {
  city?: string;
  region?: string;
  country?: string;
}

/**
 * "Seattle, WA" → { city: 'Seattle', region: 'Washington', country: 'US' };
 * "Berlin, Germany" → { city: 'Berlin', country: 'DE' }; "Germany" → { country: 'DE' }.
 * Parts it cannot place are kept as city and region, in that order. A bare two-letter region is
 * looked for in `regionCountries` ("Curitiba - PR" is Paraná in a Brazilian sheet).
 */
export function parseLocation(raw: string, regionCountries = DEFAULT_REGION_COUNTRIES): Location {
  const parts = raw.split(/[,;|()]|\s[-–—/]\s/).map((p) => p.trim()).filter(Boolean);
  const location: Location = {};
  const last = parts.at(-1);
  if (last === undefined) return location;
  // After a city, two letters are a state or province ("Boston, MA"), not a country (Morocco).
  const lastIsRegionCode = parts.length > 1 && /^[A-Za-z]{2}$/.test(last) && findRegion(last, undefined, regionCountries) !== undefined;
  const country = lastIsRegionCode ? undefined : countryCode(last);
  if (country) {
    location.country = country;
    parts.pop();
  }
  const region = parts.length > 1 || (parts.length === 1 && !country) ? findRegion(parts.at(-1)!, country, regionCountries) : undefined;
  if (region) {
    location.region = region.name;
    location.country ??= region.country;
    parts.pop();
  }
  if (parts.length > 0) location.city = parts[0];
  if (parts.length > 1 && !location.region) location.region = parts.slice(1).join(', ');
  return location;
}
