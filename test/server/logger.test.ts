import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../server/logger.js';
import { captureLogs } from '../helpers/log-capture.js';

describe('logging without personal data', () => {
  it('replaces secret query values in URLs', () => {
    expect(redactUrl('/verify?token=abc123&x=1')).toBe('/verify?token=%5Bredacted%5D&x=1');
    expect(redactUrl('/api/dev/mail?to=ada%40example.org')).toBe('/api/dev/mail?to=%5Bredacted%5D');
    expect(redactUrl('/api/search?q=rust')).toBe('/api/search?q=rust');
  });

  it('redacts emails, tokens and IPs in logged objects', () => {
    const { logger: log, text } = captureLogs('info');
    log.info({ email: 'ada@example.org', profile: { email: 'ada@example.org', token: 't0k3n', ip: '10.1.2.3' } }, 'x');
    log.info({ req: { id: 'r1', method: 'GET', url: '/manage?token=secret', headers: { cookie: 'sid=1' }, ip: '10.1.2.3' } }, 'y');
    const out = text();
    expect(out).not.toContain('ada@example.org');
    expect(out).not.toContain('t0k3n');
    expect(out).not.toContain('10.1.2.3');
    expect(out).not.toContain('secret');
    expect(out).not.toContain('sid=1');
    expect(out).toContain('[redacted]');
  });
});
