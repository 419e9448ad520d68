/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_CREDKIT_API_URL?: string;
  readonly VITE_CREDKIT_EMBED_API_URL?: string;
  readonly VITE_CREDKIT_TOKEN?: string;
  readonly VITE_CREDKIT_ORG_ID?: string;
}
