import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
  it('has defaults that run on a laptop', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('.data'),
      databaseUrl: undefined,
      meiliUrl: undefined,
      logLevel: 'info',
      rateLimit: 60,
      publicUrl: 'http://127.0.0.1:3000',
      production: false,
      devMailbox: true,
      trustProxy: false,
      confirmAfterDays: 60,
      hideAfterDays: 14,
    });
  });

  it('takes the freshness periods in whole days, and says what they should be', () => {
    expect(loadConfig({ CONFIRM_AFTER_DAYS: '90', HIDE_AFTER_DAYS: '7' })).toMatchObject({ confirmAfterDays: 90, hideAfterDays: 7 });
    const attempt = () => loadConfig({ CONFIRM_AFTER_DAYS: '0', HIDE_AFTER_DAYS: 'two weeks' });
    expect(attempt).toThrow(/CONFIRM_AFTER_DAYS="0": must be a whole number from 1 to 3650/);
    expect(attempt).toThrow(/HIDE_AFTER_DAYS="two weeks": must be a whole number from 1 to 365/);
  });

  it('names every bad variable and says what it should be', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', RATE_LIMIT: '-1' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT="eighty": must be a whole number from 0 to 65535/);
    expect(attempt).toThrow(/LOG_LEVEL="loud": must be one of fatal, error/);
    expect(attempt).toThrow(/DATABASE_URL="mysql:\/\/x": must be a URL starting with postgres: or postgresql:/);
    expect(attempt).toThrow(/RATE_LIMIT="-1"/);
  });

  it('wants the master key of an external Meilisearch', () => {
    expect(() => loadConfig({ MEILI_URL: 'http://search:7700' })).toThrow(/MEILI_MASTER_KEY: required when MEILI_URL is set/);
  });

  it('takes PUBLIC_URL without its trailing slash, and RATE_LIMIT=0 to turn limiting off', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://lifeline.example/', RATE_LIMIT: '0' });
    expect(config.publicUrl).toBe('https://lifeline.example');
    expect(config.rateLimit).toBe(0);
  });

  it('takes an index prefix and a metrics token, refusing ones that cannot work', () => {
    const config = loadConfig({ MEILI_INDEX_PREFIX: 'staging_', METRICS_TOKEN: 'a'.repeat(24) });
    expect(config).toMatchObject({ indexPrefix: 'staging_', metricsToken: 'a'.repeat(24) });
    expect(loadConfig({})).toMatchObject({ indexPrefix: '', metricsToken: undefined });
    const attempt = () => loadConfig({ MEILI_INDEX_PREFIX: 'has space', METRICS_TOKEN: 'short' });
    expect(attempt).toThrow(/MEILI_INDEX_PREFIX="has space": must be letters, digits, - or _/);
    expect(attempt).toThrow(/METRICS_TOKEN="short": must be at least 16 characters/);
  });

  it('takes DEV_MAILBOX as 1 or 0, and refuses it beside SMTP_URL, where it could hold nothing', () => {
    expect(() => loadConfig({ DEV_MAILBOX: 'yes' })).toThrow(/DEV_MAILBOX="yes": must be 1 \(on\) or 0 \(off\)/);
    expect(() => loadConfig({ DEV_MAILBOX: '1', SMTP_URL: 'smtp://mail.internal:25' })).toThrow(/DEV_MAILBOX=1: .*set only one of them/);
  });

  it('wants real mail and an https PUBLIC_URL in production', () => {
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.internal:25' };
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://lifeline.example.org' })).toMatchObject({ production: true, devMailbox: false });
    expect(() => loadConfig(production)).toThrow(/^Invalid configuration: PUBLIC_URL: must be an https:\/\/ URL with NODE_ENV=production/);
    expect(() => loadConfig({ ...production, PUBLIC_URL: 'http://lifeline.example.org' })).toThrow(/PUBLIC_URL: must be an https:/);
    // Both problems at once, one a line.
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^Invalid configuration: SMTP_URL: required [^\n]*; PUBLIC_URL: [^\n]*$/);
  });



  it('lets SYNC_ALLOW_PRIVATE open private addresses to sheet syncs outside production only', () => {
    expect(loadConfig({}).syncAllowPrivate).toBe(false);
    expect(loadConfig({ SYNC_ALLOW_PRIVATE: '1' }).syncAllowPrivate).toBe(true);
    expect(() => loadConfig({ SYNC_ALLOW_PRIVATE: 'yes' })).toThrow(/SYNC_ALLOW_PRIVATE="yes": must be 1 \(on\) or 0 \(off\)/);
    const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://mail.internal:25', PUBLIC_URL: 'https://lifeline.example.org' };
    expect(() => loadConfig({ ...production, SYNC_ALLOW_PRIVATE: '1' })).toThrow(/SYNC_ALLOW_PRIVATE=1: [^\n]*development and tests only/);
  });

  it('takes TRUST_PROXY as a hop count or a list of proxy addresses and CIDRs, never "trust everyone"', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,2001:db8::/32' }).trustProxy).toEqual(['10.0.0.0/8', '192.0.2.7', '2001:db8::/32']);
    for (const everyone of ['0.0.0.0/0', '::/0', '10.0.0.0/8,0.0.0.0/1']) {
      expect(() => loadConfig({ TRUST_PROXY: everyone }), everyone).toThrow(/would trust almost any address/);
    }
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY="true": "true" is not an IP address or CIDR; TRUST_PROXY must be a number of proxy hops/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/"10.0.0.0\/33" has a prefix length out of range \(0-32\)/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1,' })).toThrow(/"" is not an IP address or CIDR/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/8/8' })).toThrow(/is not an IP address or CIDR/);
  });
});
