interface ImportMetaEnv {
  /** Where the Dfns API (or `credkit-mock`) answers. @defaultValue "http://localhost:8787" */
  readonly VITE_DFNS_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
