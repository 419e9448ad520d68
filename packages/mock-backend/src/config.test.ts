import { describe, expect, it } from 'vitest';
import { mockOptionsFromEnv, resolveMockOptions } from './config.ts';

describe('mockOptionsFromEnv', () => {
  it('should read every MOCK_ variable', () => {
    expect(
      mockOptionsFromEnv({
        MOCK_ORIGINS: 'http://localhost:5173, https://app.example.com',
        MOCK_RP_ID: 'example.com',
        MOCK_RP_NAME: 'Example',
        MOCK_CHALLENGE_TTL_MS: '1000',
        MOCK_TOKEN: 'secret',
      }),
    ).toEqual({
      origins: ['http://localhost:5173', 'https://app.example.com'],
      rpId: 'example.com',
      rpName: 'Example',
      challengeTtlMs: 1000,
      token: 'secret',
    });
  });

  it('should leave unset variables to the defaults', () => {
    const resolved = resolveMockOptions(mockOptionsFromEnv({}));
    // No list: the loopback rule (isAllowedOrigin).
    expect(resolved.origins).toBeUndefined();
    expect(resolved).toMatchObject({
      rpId: 'localhost',
      rpName: 'credkit demo',
      challengeTtlMs: 300_000,
      token: 'demo-token',
    });
  });

  it('should refuse a TTL that is not a positive number', () => {
    expect(() => mockOptionsFromEnv({ MOCK_CHALLENGE_TTL_MS: 'soon' })).toThrow(/MOCK_CHALLENGE_TTL_MS/);
  });
});
