#!/usr/bin/env bash
# The published packages as users get them, from their built dist/ (`pnpm lint` builds first):
#   publint --strict  package.json (exports, files, fields) against what `pnpm pack` ships;
#   attw, esm-only    every entry's types resolve, for bundler and node16 (ESM) resolution;
#   TypeScript 5.7    the oldest the READMEs promise: test-d/ compiles against dist/*.d.ts
#                     with skipLibCheck false (5.6 lacks lib.dom's PublicKeyCredentialCreationOptionsJSON).
#   the docs' snippets  against dist/*.d.ts, as a strict host compiles them (exactOptionalPropertyTypes,
#                     noUncheckedIndexedAccess): docs/tsconfig.published.json.
set -euo pipefail
cd "$(dirname "$0")/.."

for dir in packages/names packages/core packages/react packages/mock-backend; do
  if [ ! -f "$dir/dist/index.d.ts" ]; then
    echo "$dir/dist is missing: run \`pnpm build\` first." >&2
    exit 1
  fi
  echo "== $dir"
  publint --strict "$dir"
  attw --pack "$dir" --profile esm-only --exclude-entrypoints ./styles.css
  node node_modules/typescript-5.7/bin/tsc -p "$dir/test-d"
done

echo "== docs/snippets against the published types, strictly"
node node_modules/typescript/bin/tsc -p docs/tsconfig.published.json
