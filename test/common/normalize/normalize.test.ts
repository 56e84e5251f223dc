import { describe, expect, it } from 'vitest';
import { employerKey } from '../../../common/normalize/employers.js';
import { normalizeLinkedinUrl } from '../../../common/normalize/linkedin.js';
import { countryCode, parseLocation } from '../../../common/normalize/location.js';
import { canonicalSkill, skillSynonyms } from '../../../common/normalize/skills.js';
import { cleanText, normalizeEmail, slugify } from '../../../common/normalize/text.js';
import { normalizeWebUrl } from '../../../common/normalize/web-url.js';

describe('cleanText', () => {
  it('trims and NFC-normalizes, and keeps everything else as typed', () => {
    expect(cleanText('  Zoe\u0308 <b>Ünal</b>  ', { max: 50 })).toEqual({ ok: true, value: 'Zoë <b>Ünal</b>' });
  });
  it('refuses control characters, lone surrogates and overlong text', () => {
    expect(cleanText('a\u0000b', { max: 10 })).toMatchObject({ ok: false });
    expect(cleanText('line\nbreak', { max: 20 })).toMatchObject({ ok: false, reason: /one line/ });
    expect(cleanText('line\r\nbreak', { max: 20, multiline: true })).toEqual({ ok: true, value: 'line\nbreak' });
    expect(cleanText('\ud800', { max: 10 })).toMatchObject({ ok: false, reason: /broken/ });
    expect(cleanText('x'.repeat(11), { max: 10 })).toEqual({ ok: false, reason: 'must be at most 10 characters' });
    expect(cleanText('😀'.repeat(10), { max: 10 })).toMatchObject({ ok: true });
  });
});

describe('identity', () => {
  it('normalizes emails and refuses what is not one', () => {
    expect(normalizeEmail(' Ada@Example.ORG ')).toBe('Ada@example.org');
    for (const bad of ['ada', 'ada@', '@x.org', 'a b@x.org', 'ada@x', 'ada@-x.org', '<ada@x.org>']) {
      expect(normalizeEmail(bad), bad).toBeUndefined();
    }
  });

  it('gives one spelling to every way of writing a LinkedIn profile', () => {
    const canonical = 'https://www.linkedin.com/in/ada-lovelace';
    for (const raw of [
      'https://www.linkedin.com/in/ada-lovelace/',
      'http://LinkedIn.com/in/Ada-Lovelace?trk=public_profile',
      'linkedin.com/in/ada-lovelace',
      'www.linkedin.com/in/ada-lovelace#about',
      'https://uk.linkedin.com/in/ada-lovelace/details/',
    ]) {
      expect(normalizeLinkedinUrl(raw), raw).toBe(canonical);
    }
    expect(normalizeLinkedinUrl('https://example.com/in/ada')).toBeUndefined();
    expect(normalizeLinkedinUrl('https://linkedin.com/company/meta')).toBeUndefined();
    expect(normalizeLinkedinUrl('javascript:alert(1)//linkedin.com/in/x')).toBeUndefined();
  });

  it('accepts only http(s) web URLs', () => {
    expect(normalizeWebUrl('ada.dev')).toBe('https://ada.dev/');
    expect(normalizeWebUrl('javascript:alert(1)')).toBeUndefined();
    expect(normalizeWebUrl('data:text/html,hi')).toBeUndefined();
  });

  it('makes readable slugs', () => {
    expect(slugify('Zoë Ünal-Ştefan')).toBe('zoe-unal-stefan');
    expect(slugify('李小龍')).toBe('');
  });
});

describe('locations', () => {
  it('reads countries from codes, names and aliases', () => {
    expect(countryCode('de')).toBe('DE');
    expect(countryCode('United States')).toBe('US');
    expect(countryCode('USA')).toBe('US');
    expect(countryCode('South Korea')).toBe('KR');
    expect(countryCode('Narnia')).toBeUndefined();
    expect(countryCode('XX')).toBeUndefined();
  });

  it('reads "City, ST" and "City, Region, Country"', () => {
    expect(parseLocation('Seattle, WA')).toEqual({ city: 'Seattle', region: 'Washington', country: 'US' });
    expect(parseLocation('Boston, MA')).toEqual({ city: 'Boston', region: 'Massachusetts', country: 'US' });
    expect(parseLocation('Vancouver, BC')).toEqual({ city: 'Vancouver', region: 'British Columbia', country: 'CA' });
    expect(parseLocation('Toronto, Ontario, Canada')).toEqual({ city: 'Toronto', region: 'Ontario', country: 'CA' });
    expect(parseLocation('Berlin, Germany')).toEqual({ city: 'Berlin', country: 'DE' });
    expect(parseLocation('London, England, UK')).toEqual({ city: 'London', region: 'England', country: 'GB' });
    expect(parseLocation('Germany')).toEqual({ country: 'DE' });
    expect(parseLocation('Lagos')).toEqual({ city: 'Lagos' });
    expect(parseLocation('')).toEqual({});
  });
});

describe('catalogs', () => {
  it('canonicalizes skills whatever their case and spelling', () => {
    expect(canonicalSkill('js')).toBe('JavaScript');
    expect(canonicalSkill(' K8S ')).toBe('Kubernetes');
    expect(canonicalSkill('ReactJS')).toBe('React');
    expect(canonicalSkill('Quantum  Basket Weaving')).toBe('Quantum Basket Weaving');
    expect(skillSynonyms().k8s).toContain('kubernetes');
  });

  it('folds employer names to one key', () => {
    expect(employerKey('Meta Platforms, Inc.')).toBe(employerKey('meta platforms'));
    expect(employerKey('Procter & Gamble Co.')).toBe('procter and gamble');
  });
});
