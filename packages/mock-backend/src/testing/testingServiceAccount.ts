import type { MockServiceAccount } from '../serviceAccountConfig.ts';

/** A service account's settings and the private key that signs for it. */
export interface ServiceAccountKeyPair extends MockServiceAccount {
  /** PKCS#8 PEM of the credential's private key. */
  privateKey: string;
}

/**
 * The service account every mock has unless configured with another (`serviceAccount`): its bearer
 * token, the id of its Key credential, and that credential's ECDSA P-256 key pair, fixed so that tests
 * and demos can sign its user actions, e.g. with `@dfns/sdk-keysigner`:
 * `new AsymmetricKeySigner({ credId, privateKey })`. **Not a secret**: it is published with the package,
 * and anyone who reaches a mock that runs with it may call the delegated routes (as anyone may use
 * the seeded `demo-token`).
 */
export const TESTING_SERVICE_ACCOUNT: Readonly<ServiceAccountKeyPair> = {
  /** The bearer token the service account presents. */
  token: 'testing-service-account-token',
  /** Its Key credential's id (base64url), as Dfns shows a service account's "Signing Key Cred ID". */
  credId: 'Y3JlZGtpdC10ZXN0aW5nLXNlcnZpY2UtYWNjb3VudA',
  /** PKCS#8 PEM of its P-256 private key: the key that signs its user actions. */
  privateKey: `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQghBZ/MedtcKJLfZBN
kFjww6oQiKnVuwMXWl9MFnAFcF6hRANCAAQmh17Xu2RAjgdW+CWQNOUUtNSudyix
PV+XNgepw+5w1P8oUUUsVGjGYOqRhn/65vRiDnEp4YuGm1RFKv2Xe+Gg
-----END PRIVATE KEY-----
`,
  /** SPKI PEM of its public key: the service account's credential. */
  publicKey: `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEJode17tkQI4HVvglkDTlFLTUrnco
sT1flzYHqcPucNT/KFFFLFRoxmDqkYZ/+ub0Yg5xKeGLhptURSr9l3vhoA==
-----END PUBLIC KEY-----
`,
};
