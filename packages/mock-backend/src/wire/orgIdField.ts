import type { ResolvedMockOptions } from '../config.ts';
import { badRequest } from '../errors.ts';
import { stringField } from './requestBody.ts';

/** The `orgId` of a body, which must be this server's organisation; else a 400 naming it. */
export function orgIdField(value: unknown, options: Pick<ResolvedMockOptions, 'orgId'>): string {
  const orgId = stringField(value, 'orgId');
  if (orgId !== options.orgId) throw badRequest(`orgId ${orgId} is not an organisation of this server`);
  return orgId;
}
