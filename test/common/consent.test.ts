import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT, CONSENT_VERSION } from '../../common/consent.js';

describe('the consent text', () => {
  it('has a version that changes with every word of it', () => {
    const hash = createHash('sha256').update(CONSENT_TEXT).digest('hex').slice(0, 8);
    expect(CONSENT_VERSION.endsWith(`.${hash}`), `bump CONSENT_VERSION to end in .${hash}`).toBe(true);
  });
});
