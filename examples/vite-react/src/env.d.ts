interface ImportMetaEnv {
  /** Where the Dfns API (or `credkit-mock`) answers. @defaultValue "http://localhost:8787" */
  readonly VITE_DFNS_API_URL?: string;
  /** The Dfns organisation users sign up into. @defaultValue the mock's, "or-credk-itmck-0000000000000000" */
  readonly VITE_DFNS_ORG_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
