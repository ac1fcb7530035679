// The layers of docs/ARCHITECTURE.md as an allow-list, checked by ESLint (eslint.config.js, rule parley/layers): for
// each folder, which of our folders, which Node and Electron modules and which npm packages its files may import.
// Anything not allowed here is reported, so a new kind of import is a decision made in this file, not in review.
// Type-only imports count like any other (a type from the core in the renderer is still the core's), except where a
// rule below says so. test/lint/layers.test.ts plants forbidden imports and checks each is reported.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Pure libraries any layer with packages may use: they run in the browser and under Node alike. */
const PURE = ['zod', 'date-fns', '@date-fns/tz', '@tiptap/core', '@tiptap/starter-kit', '@tiptap/extension-table', '@tiptap/pm'];

/**
 * Each layer: the folders it is made of (the longest match names a file's layer), the layers it may import, the
 * npm packages it may import ('*': any), whether it may import Node's built-in modules and Electron, and why.
 */
export const LAYERS = {
  shared: {
    folders: ['shared/'],
    may: ['shared'],
    packages: PURE,
    node: false,
    electron: false,
    why: 'shared/ runs on every side, the browser included: it imports only shared/ and pure libraries, no Node, no Electron.',
  },
  renderer: {
    folders: ['renderer/'],
    may: ['renderer', 'shared'],
    packages: [...PURE, 'react', 'react-dom', 'zustand', '@tiptap/react', '@tanstack/react-virtual', 'pdfjs-dist'],
    node: false,
    electron: false,
    why: 'The renderer is a web page: it reaches data only through the typed API in shared/ (window.parley), never the core, the shell or Node.',
  },
  core: {
    folders: ['electron/core/'],
    may: ['core', 'shared', 'migrations'],
    packages: [...PURE, 'better-sqlite3-multiple-ciphers', 'docx', 'playwright-core', 'pdfjs-dist', 'mammoth'],
    node: true,
    electron: false,
    why: 'The core runs under plain Node (tests, command line, harness): it imports shared/, Node and its own packages, never electron, the shell, the transports or the renderer.',
  },
  main: {
    folders: ['electron/main/'],
    may: ['main', 'core', 'shared'],
    packages: PURE,
    node: true,
    electron: true,
    why: 'The Electron shell is thin wiring over the core: it imports electron/core, shared/ and Electron.',
  },
  preload: {
    folders: ['electron/preload/'],
    may: ['preload', 'shared'],
    packages: [],
    node: false,
    electron: true,
    why: 'The preload runs sandboxed: it builds the bridge from shared/ with Electron\'s contextBridge and ipcRenderer, nothing else.',
  },
  cli: {
    folders: ['electron/cli/'],
    may: ['cli', 'core', 'shared'],
    packages: PURE,
    node: true,
    electron: false,
    why: 'The command line is a transport over the core: it imports electron/core, shared/ and Node, never Electron or the shell.',
  },
  web: {
    folders: ['electron/web/'],
    may: ['web', 'core', 'shared'],
    // The harness serves the page as the app does and writes files under the same rules: those two modules of the
    // shell run under plain Node (nothing in electron/main but main.ts loads Electron: see below).
    files: ['electron/main/app-protocol.ts', 'electron/main/file-places.ts'],
    packages: PURE,
    node: true,
    electron: false,
    why: 'The browser harness is a transport over the core: it imports electron/core, shared/, Node, and the shell\'s app-protocol.ts and file-places.ts, never Electron.',
  },
  migrations: { folders: ['migrations/'], may: [], packages: [], node: false, electron: false, why: 'SQL only.' },
  // Tools around the product: they may reach into any part of it.
  test: { folders: ['test/'], may: '*', packages: '*', node: true, electron: true, why: '' },
  bench: {
    folders: ['bench/'],
    may: ['bench', 'core', 'web', 'shared', 'test'],
    packages: '*',
    node: true,
    electron: false,
    why: 'The benchmarks drive the core and the harness under Node.',
  },
  scripts: {
    folders: ['scripts/', 'build/', 'bin/'],
    may: ['scripts'],
    packages: '*',
    node: true,
    electron: false,
    why: 'Build and start scripts build the product by file name; they import none of it.',
  },
  // lint/ and the configuration files at the top of the project (any file no folder above names).
  tooling: { folders: ['lint/'], may: '*', packages: '*', node: true, electron: false, why: '' },
};

/**
 * Rules finer than a layer. `electron` (the module) is loaded at run time only by electron/main/main.ts, so that the
 * rest of the shell runs under plain Node with a fake Electron in the tests; elsewhere in the shell, types only. The
 * database driver is loaded only in electron/core/db/, the one place connections open; elsewhere, types only.
 */
export const VALUE_IMPORTS_ONLY_IN = {
  electron: { files: ['electron/main/main.ts'], layers: ['main'], why: 'Only electron/main/main.ts loads Electron at run time; elsewhere in the shell import its types only (import type).' },
  'better-sqlite3-multiple-ciphers': {
    files: ['electron/core/db/'],
    layers: ['core'],
    why: 'Connections are opened only in electron/core/db/ (connection.ts, rewrite.ts); elsewhere in the core import the driver\'s types only (import type).',
  },
};

const FOLDER_ORDER = Object.entries(LAYERS)
  .flatMap(([name, layer]) => layer.folders.map((folder) => ({ name, folder })))
  .sort((a, b) => b.folder.length - a.folder.length);

/** The project-relative path (with forward slashes) of an absolute one, or null outside the project. */
function relative(file) {
  const rel = path.relative(PROJECT_ROOT, file).split(path.sep).join('/');
  return rel.startsWith('../') || path.isAbsolute(rel) ? null : rel;
}

/** The layer a project-relative path belongs to. */
export function layerOf(rel) {
  return FOLDER_ORDER.find(({ folder }) => rel.startsWith(folder))?.name ?? 'tooling';
}

const NODE_BUILTINS = new Set(builtinModules);

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const inList = (rel, list) => list.some((entry) => (entry.endsWith('/') ? rel.startsWith(entry) : rel === entry));

/**
 * Why `specifier`, imported by the file at project-relative `fromRel`, is not allowed; null if it is. `typeOnly`:
 * the import brings in types only.
 */
export function refusal(fromRel, specifier, typeOnly) {
  const fromLayer = layerOf(fromRel);
  const layer = LAYERS[fromLayer];
  const bare = specifier.split('?')[0];
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const target = relative(path.resolve(PROJECT_ROOT, path.dirname(fromRel), bare));
    if (target === null) return `'${specifier}' is outside the project.`;
    const targetLayer = layerOf(target);
    if (layer.may === '*' || layer.may.includes(targetLayer)) return null;
    // A named file of another layer, imported with its .js name for its .ts source.
    if (layer.files && inList(target.replace(/\.js$/, '.ts'), layer.files)) return null;
    return `${describe(fromLayer)} may not import ${describe(targetLayer)} ('${specifier}'). ${layer.why}`;
  }
  if (bare.startsWith('node:') || NODE_BUILTINS.has(packageName(bare))) {
    return layer.node ? null : `${describe(fromLayer)} may not import Node's '${specifier}'. ${layer.why}`;
  }
  const name = packageName(bare);
  if (name === 'electron') {
    if (!layer.electron) return `${describe(fromLayer)} may not import electron. ${layer.why}`;
  } else if (layer.packages !== '*' && !layer.packages.includes(name)) {
    return `${describe(fromLayer)} may not import the package '${name}' (it may import: ${layer.packages.join(', ') || 'no packages'}). ${layer.why}`;
  }
  const only = VALUE_IMPORTS_ONLY_IN[name];
  if (only && !typeOnly && only.layers.includes(fromLayer) && !inList(fromRel, only.files)) return only.why;
  return null;
}

function describe(layerName) {
  const folders = LAYERS[layerName].folders.filter(Boolean);
  return folders.length ? folders.join(', ') : 'a file at the top of the project';
}

/** Whether an import or export declaration brings in types only: `import type`, or every name marked `type`. */
function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

/** The text of a string literal (or a template without expressions), else null. */
function literal(node) {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only what scripts/eslint-layers.js allows it (docs/ARCHITECTURE.md).' },
    schema: [],
  },
  create(context) {
    const fromRel = relative(context.filename);
    if (fromRel === null) return {};
    const check = (node, source, typeOnly) => {
      const specifier = literal(source);
      if (specifier === null) return;
      const message = refusal(fromRel, specifier, typeOnly);
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true),
      TSExternalModuleReference: (node) => check(node, node.expression, false),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) check(node, node.arguments[0], false);
      },
    };
  },
};
