/** What `credkit-mock --help` prints: each flag, the variable it overrides, and its default. */
export const USAGE = `Usage: credkit-mock [options]

A Dfns-compatible credentials backend for demos and tests, in memory, that really verifies what
it receives. Every option has an environment variable; a flag wins over its variable.

  flag                      variable                default
  -p, --port <n>            PORT                    8787; 0 picks a free port
  --origins <a,b,...>       MOCK_ORIGINS            any http://localhost:<port> or
                                                    http://127.0.0.1:<port>; a list is matched
                                                    exactly instead (repeatable)
  --rp-id <id>              MOCK_RP_ID              localhost
  --rp-name <name>          MOCK_RP_NAME            credkit demo
  --token <token>           MOCK_TOKEN              demo-token, the seeded demo user's
  --user-action <mode>      MOCK_USER_ACTION        required (X-DFNS-USERACTION on
                                                    POST /auth/credentials and
                                                    /auth/credentials/code, PUT
                                                    /auth/credentials/activate and
                                                    /deactivate, and the delegated
                                                    routes), or off
  --org-id <id>             MOCK_ORG_ID             or-credk-itmck-0000000000000000
  --registration-code <c>   MOCK_REGISTRATION_CODE  none: sign-up takes any non-empty code
  --challenge-ttl-ms <ms>   MOCK_CHALLENGE_TTL_MS   300000 (5 minutes)

  The service account of the delegated routes (/auth/registration/delegated,
  /auth/login/delegated, /auth/recover/user/delegated): all three, or none for
  the testing one (TESTING_SERVICE_ACCOUNT of @credkit/mock-backend/testing).
  --service-account-token <t>
                            MOCK_SERVICE_ACCOUNT_TOKEN
                                                    the bearer token it presents
  --service-account-cred-id <id>
                            MOCK_SERVICE_ACCOUNT_CRED_ID
                                                    its Key credential's id
  --service-account-public-key <file>
                            MOCK_SERVICE_ACCOUNT_PUBLIC_KEY
                                                    its public key: the flag takes
                                                    a PEM file (or the PEM text,
                                                    as --service-account-public-
                                                    key="$(cat key.pem)"), the
                                                    variable the PEM text;
                                                    ECDSA P-256 or Ed25519

  -h, --help                                        print this and exit

Examples:
  credkit-mock --user-action off     a simple embed: the demo user's token, no signing
  credkit-mock --origins https://app.test:8443 --rp-id app.test
  credkit-mock --service-account-token "$SA_TOKEN" --service-account-cred-id "$SA_CRED_ID" \
    --service-account-public-key sa.pub.pem
`;
