// Writes docs/api.md: every export of every public entry point (the "@credkit/source" paths of each
// package's "exports" map), with its kind, a short signature and the summary of its TSDoc.
// `pnpm docs:api` runs it; packages/core/src/apiReference.test.ts fails when docs/api.md is stale.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The packages documented, in the order docs/api.md lists them. */
const PACKAGES = ['core', 'react', 'mock-backend', 'names'];

/** Where docs/api.md is. */
export const API_REFERENCE_PATH = `${root}docs/api.md`;

/** One public entry point, such as `@credkit/core/keys`, and what it exports. */
export interface ApiEntryPoint {
  specifier: string;
  file: string;
  exports: ApiExport[];
}

/** One exported name, described from its declaration and its TSDoc. */
export interface ApiExport {
  name: string;
  kind: 'class' | 'component' | 'constant' | 'function' | 'hook' | 'type';
  signature: string;
  /** The first sentence of its TSDoc; empty when the export has none. */
  summary: string;
}

/** The entry points of `packages/<dir>`: each subpath of its "exports" map with a "@credkit/source" file. */
function entryPoints(dir: string): { specifier: string; file: string }[] {
  const pkg = JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, 'utf8'));
  return Object.entries<Record<string, string> | string>(pkg.exports).flatMap(([subpath, target]) => {
    const source = typeof target === 'object' ? target['@credkit/source'] : undefined;
    if (!source) return [];
    return [{ specifier: pkg.name + subpath.slice(1), file: `${root}packages/${dir}/${source.replace(/^\.\//, '')}` }];
  });
}

/** Loads every entry point with the TypeScript compiler (under its package's tsconfig) and describes its exports. */
export function collectApi(): ApiEntryPoint[] {
  return PACKAGES.flatMap((dir) => {
    const entries = entryPoints(dir);
    const tsconfig = `${root}packages/${dir}/tsconfig.json`;
    const { config } = ts.readConfigFile(tsconfig, ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, `${root}packages/${dir}`, undefined, tsconfig);
    const program = ts.createProgram(
      entries.map((entry) => entry.file),
      options,
    );
    const checker = program.getTypeChecker();
    return entries.map((entry) => {
      const source = program.getSourceFile(entry.file);
      const module = source && checker.getSymbolAtLocation(source);
      if (!module) throw new Error(`Cannot load ${entry.file}`);
      const exports = checker
        .getExportsOfModule(module)
        .map((symbol) => describeExport(symbol, checker))
        .sort((a, b) => a.name.localeCompare(b.name, 'en'));
      return { ...entry, exports };
    });
  });
}

/** The kind, short signature and summary of one export, from its declaration (re-exports followed). */
function describeExport(exported: ts.Symbol, checker: ts.TypeChecker): ApiExport {
  const name = exported.getName();
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const summary = summaryOf(symbol, checker);
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!declaration) throw new Error(`${name} has no declaration`);
  if (ts.isInterfaceDeclaration(declaration)) {
    const heritage = declaration.heritageClauses?.map((clause) => ` ${clause.getText()}`).join('') ?? '';
    const members = declaration.members.map((member) =>
      ts.isIndexSignatureDeclaration(member)
        ? `[${member.parameters[0]?.getText()}]`
        : `${member.name?.getText() ?? '()'}${member.questionToken ? '?' : ''}`,
    );
    return { name, kind: 'type', signature: `interface ${name}${heritage} { ${members.join('; ')} }`, summary };
  }
  if (ts.isTypeAliasDeclaration(declaration)) {
    const type = short(declaration.type.getText().replace(/^\|\s*/, ''));
    return { name, kind: 'type', signature: `type ${name} = ${type}`, summary };
  }
  if (ts.isClassDeclaration(declaration)) {
    const construct = declaration.members.find(ts.isConstructorDeclaration);
    return {
      name,
      kind: 'class',
      signature: `new ${name}(${construct ? parameters(construct, checker) : ''})`,
      summary,
    };
  }
  const type = checker.getTypeOfSymbolAtLocation(symbol, declaration);
  const call = type.getCallSignatures()[0]?.getDeclaration();
  if (!call) {
    const annotation = ts.isVariableDeclaration(declaration) ? declaration.type?.getText() : undefined;
    return { name, kind: 'constant', signature: `${name}: ${annotation ?? inferred(type, checker)}`, summary };
  }
  if (/^use[A-Z]/.test(name)) return { name, kind: 'hook', signature: functionSignature(name, call, checker), summary };
  if (/^[A-Z]/.test(name) && declaration.getSourceFile().fileName.endsWith('.tsx')) {
    const props = call.parameters[0]?.type?.getText();
    return { name, kind: 'component', signature: props ? `<${name} {...${props}} />` : `<${name} />`, summary };
  }
  return { name, kind: 'function', signature: functionSignature(name, call, checker), summary };
}

/** `name<T>(a: A, b?: B): R`, with the types as written; a destructured parameter is called `options`. */
function functionSignature(name: string, call: ts.SignatureDeclaration, checker: ts.TypeChecker): string {
  const typeParameters = call.typeParameters ? `<${call.typeParameters.map((t) => t.getText()).join(', ')}>` : '';
  const signature = checker.getSignatureFromDeclaration(call);
  const returns =
    call.type?.getText() ?? (signature ? inferred(checker.getReturnTypeOfSignature(signature), checker) : '');
  return `${name}${typeParameters}(${parameters(call, checker)}): ${returns}`;
}

/** An inferred type: an object literal type as its member names (`{ a; b }`), anything else as TypeScript prints it. */
function inferred(type: ts.Type, checker: ts.TypeChecker): string {
  if (type.symbol?.name !== '__object' || type.aliasSymbol) return short(checker.typeToString(type));
  return `{ ${type
    .getProperties()
    .map((property) => property.name)
    .join('; ')} }`;
}

/** The parameters of a function or constructor, as written in its source. */
function parameters(call: ts.SignatureDeclaration, checker: ts.TypeChecker): string {
  return call.parameters
    .map((parameter) => {
      const name = ts.isIdentifier(parameter.name) ? parameter.name.text : 'options';
      const optional = parameter.questionToken || parameter.initializer ? '?' : '';
      const type = parameter.type?.getText() ?? inferred(checker.getTypeAtLocation(parameter), checker);
      return `${parameter.dotDotDotToken ? '...' : ''}${name}${optional}: ${type}`;
    })
    .join(', ');
}

/** A type as one line, cut at about 100 characters. */
function short(text: string): string {
  const line = text.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/,? \)/g, ')');
  return line.length > 100 ? `${line.slice(0, 100)}…` : line;
}

/** The first sentence of the TSDoc summary (before any blank line or list), on one line, `{@link x}` as `x`. */
function summaryOf(symbol: ts.Symbol, checker: ts.TypeChecker): string {
  const text = ts
    .displayPartsToString(symbol.getDocumentationComment(checker))
    .replace(/\n\s*(?:\n|- )[\s\S]*$/, '')
    .replace(/\{@link(?:code|plain)?\s+([^}|\s]+)(?:[\s|]+([^}]*))?\}/g, (_, target, label) => label || `\`${target}\``)
    .replace(/\s+/g, ' ')
    .trim();
  return /^.*?(?<!\be\.g|\bi\.e)[.!?](?=\s+[A-Z`])/.exec(text)?.[0] ?? text;
}

/** docs/api.md, as text (formatted by Biome, as `pnpm lint` wants it: padded tables). */
export function renderApiReference(api: ApiEntryPoint[]): string {
  const cell = (text: string) => text.replace(/\s+/g, ' ').replaceAll('|', '\\|');
  const sections = api.map((entry) => {
    const rows = entry.exports.map(
      (e) => `| \`${e.name}\` | ${e.kind} | \`${cell(e.signature)}\` | ${cell(e.summary)} |`,
    );
    return [
      `## \`${entry.specifier}\``,
      '',
      `${entry.exports.length} exports, from \`${entry.file.slice(root.length)}\`.`,
      '',
      '| name | kind | signature | description |',
      '| ---- | ---- | --------- | ----------- |',
      ...rows,
    ].join('\n');
  });
  const markdown = [
    '# API reference',
    '',
    'Every export of every public entry point, with the summary of its TSDoc. Generated by',
    '`scripts/api-reference.ts`: run `pnpm docs:api` after changing an export or its comment.',
    '',
    ...sections.flatMap((section) => [section, '']),
  ].join('\n');
  const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
  return execFileSync(process.execPath, [biome, 'format', `--stdin-file-path=${API_REFERENCE_PATH}`], {
    cwd: root,
    input: markdown,
    encoding: 'utf8',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(API_REFERENCE_PATH, renderApiReference(collectApi()));
  console.log(`Wrote ${API_REFERENCE_PATH.slice(root.length)}`);
}
