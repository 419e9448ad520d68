import { describe, expect, it } from 'vitest';
import { findPasskeyProvider } from './findPasskeyProvider.ts';
import { passkeyProviderName } from './passkeyProviderName.ts';

describe('passkeyProviderName', () => {
  it("should name a provider the list knows, whatever the AAGUID's case", async () => {
    expect(await passkeyProviderName('EA9B8D66-4D01-1D21-3CE4-B6B48CB575D4')).toBe('Google Password Manager');
  });

  it('should give undefined for an AAGUID the list does not know, or none', async () => {
    expect(await passkeyProviderName('01020304-0506-0708-0102-030405060708')).toBeUndefined();
    expect(await passkeyProviderName('constructor')).toBeUndefined();
    expect(await passkeyProviderName(undefined)).toBeUndefined();
  });
});

describe('findPasskeyProvider', () => {
  it('should give the name and both icons as SVG data URIs', async () => {
    const provider = await findPasskeyProvider('bada5566-a7aa-401f-bd96-45619a55120d');
    expect(provider?.name).toBe('1Password');
    expect(provider?.icon?.light).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(provider?.icon?.dark).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('should give undefined for an unknown AAGUID', async () => {
    expect(await findPasskeyProvider('01020304-0506-0708-0102-030405060708')).toBeUndefined();
  });
});
