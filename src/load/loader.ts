/**
 * `load()`: a Compose project read exactly as `docker compose` reads it, from files to the IR.
 *
 * Order (compose-semantics §1, §3.4): environment, file discovery, project name, then per document
 * interpolation -> include -> extends -> merge, then schema validation of the merged model, normalization into the
 * IR, and the checks that need the whole project.
 */
import path from 'node:path';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { entryLocation } from '../diagnostics/locations.js';
import type { Project } from '../ir/types.js';
import { normalizeProject } from '../ir/normalize/project.js';
import { validateKubernetesExtensions } from '../validate/extensions.js';
import { checkLabelNames } from '../validate/labels.js';
import { validateComposeModel } from '../validate/schema.js';
import { checkProject } from '../validate/semantics.js';
import { isPlainObject } from '../util/objects.js';
import { discoverComposeFiles, type ComposeFileRef } from './discover.js';
import { addEnvFiles, envFileCandidates, processEnvironment, type EnvMap } from './environment.js';
import { createFileAccess, decodeText } from './file-access.js';
import { nodeHost, type Host } from './host.js';
import { substitute } from '../parse/template.js';
import type { LoadOptions } from './options.js';
import { chooseProjectName, type NameCandidate } from './project-name.js';
import { statBindSources } from './bind-sources.js';
import { hasConfigMapVolumeLabel, loadBindFileContents } from './bind-files.js';
import { mergeDocuments, parseDocuments, type LoadSession } from './document.js';
import { processDocument } from './unit.js';
import { error } from '../diagnostics/diagnostic.js';

/** The outcome of {@link load}: the project when it loaded without errors, and every finding either way. */
export interface LoadResult {
  project?: Project;
  diagnostics: Diagnostic[];
}

/** Loads a Compose project. Never throws for bad input: problems come back as diagnostics. */
export function load(options: LoadOptions = {}): LoadResult {
  const host = options.host ?? nodeHost(withDefined({ cwd: options.cwd, env: options.env }));
  const cwd = path.resolve(options.cwd ?? host.cwd());
  const processEnv = processEnvironment(options.env ?? host.env());
  const diagnostics: Diagnostic[] = [];
  const done = (project?: Project): LoadResult => {
    const sorted = sortDiagnostics(diagnostics);
    return project && !hasErrors(sorted) ? { project, diagnostics: sorted } : { diagnostics: sorted };
  };

  const initialDir = options.projectDirectory ? path.resolve(cwd, options.projectDirectory) : cwd;
  const explicitEnvFiles = options.envFiles ?? [];
  let env = readProjectEnv(host, processEnv, processEnv, explicitEnvFiles, cwd, initialDir, options, diagnostics);

  const discovery = discoverComposeFiles(host, cwd, options.files ?? [], (n) => env.get(n));
  diagnostics.push(...discovery.diagnostics);
  if (hasErrors(diagnostics) || discovery.files.length === 0) return done();

  const first = discovery.files[0]!;
  const projectDir = options.projectDirectory
    ? initialDir
    : first.path === '-' ? cwd : path.dirname(first.path);
  if (projectDir !== initialDir && explicitEnvFiles.length === 0) {
    env = readProjectEnv(host, env, processEnv, [], cwd, projectDir, options, diagnostics);
  }

  const session: LoadSession = {
    host,
    access: createFileAccess(host, projectDir, options.allowOutsideProject ?? false),
    cwd,
    projectDir,
    limits: options.limits ?? {},
    diagnostics,
    // The top-level files count as being included, so a file that includes one of them is a cycle.
    includeStack: discovery.files.filter((f) => f.path !== '-').map((f) => path.resolve(cwd, f.path)),
  };
  const parsed = discovery.files.map((file) => ({ file, docs: readTopLevel(session, file) }));
  if (hasErrors(diagnostics)) return done();

  const named = chooseProjectName({
    ...withDefined({ flag: options.projectName, envVar: env.get('COMPOSE_PROJECT_NAME') }),
    fromFiles: parsed.flatMap(({ docs }) => docs.flatMap((d) => nameCandidate(d, env))),
    projectDir,
  });
  diagnostics.push(...named.diagnostics);
  if (!named.name) return done();
  const projectName = named.name;
  const lookup = (name: string) => (name === 'COMPOSE_PROJECT_NAME' ? projectName : env.get(name));

  const unit = { dir: projectDir, lookup };
  const models = parsed.flatMap(({ file, docs }) => docs.map((d) => processDocument(session, d, file.display, unit)));
  const merged = mergeDocuments(session, models);
  if (hasErrors(diagnostics)) return done();

  const schemaErrors = validateComposeModel(merged);
  diagnostics.push(...schemaErrors);
  // Checks beyond the Compose schema, on a model the schema accepted (one report per mistake).
  if (schemaErrors.length === 0) diagnostics.push(...validateKubernetesExtensions(merged), ...checkLabelNames(merged));
  if (hasErrors(diagnostics)) return done();

  const normalized = normalizeProject(merged, {
    projectName,
    projectDir,
    composeFiles: discovery.files.map((f) => f.display),
    lookup,
    activeProfiles: activeProfiles(options, env),
    ...withDefined({ enabledServices: options.services, homeDir: host.homeDir() }),
    readFile: (absolutePath) => {
      const read = session.access.read(absolutePath);
      return read.ok ? read : { ok: false, message: read.message };
    },
  });
  diagnostics.push(...normalized.diagnostics);
  if (hasErrors(diagnostics)) return done();

  normalized.project.bind_sources = statBindSources(normalized.project, host);
  const project = options.loadBindFiles
    ? loadBindFileContents(normalized.project, session.access)
    : hasConfigMapVolumeLabel(normalized.project)
      ? loadBindFileContents(normalized.project, session.access, hasConfigMapVolumeLabel)
      : normalized.project;
  diagnostics.push(...checkProject(project));
  return done(project);
}

function readProjectEnv(
  host: Host,
  base: EnvMap,
  processEnv: EnvMap,
  explicit: readonly string[],
  cwd: string,
  dir: string,
  options: LoadOptions,
  diagnostics: Diagnostic[],
): Map<string, string> {
  const candidates = envFileCandidates(processEnv, explicit, cwd, dir);
  const access = createFileAccess(host, dir, options.allowOutsideProject ?? explicit.length > 0);
  const result = addEnvFiles(base, processEnv, candidates.files, candidates.required, access, cwd);
  diagnostics.push(...result.diagnostics);
  return result.env;
}

function readTopLevel(session: LoadSession, file: ComposeFileRef): unknown[] {
  if (file.path === '-') return parseDocuments(session, decodeText(session.host.readStdin()), '-');
  const read = session.host.readFile(file.path);
  if (!read.ok) {
    session.diagnostics.push(error('COMPOSE_FILE_UNREADABLE', `cannot read ${file.display}: ${read.message}`));
    return [];
  }
  return parseDocuments(session, decodeText(read.bytes), file.display);
}

/** A document's `name:`, interpolated on its own, as Compose reads it before everything else. */
function nameCandidate(doc: unknown, env: EnvMap): NameCandidate[] {
  if (!isPlainObject(doc) || typeof doc.name !== 'string') return [];
  const result = substitute(doc.name, (n) => env.get(n));
  if (!result.ok) return [];
  const location = entryLocation(doc, 'name');
  return [location ? { value: result.value, location } : { value: result.value }];
}

function activeProfiles(options: LoadOptions, env: EnvMap): string[] {
  if (options.profiles && options.profiles.length > 0) return options.profiles;
  const fromEnv = env.get('COMPOSE_PROFILES');
  return fromEnv ? fromEnv.split(',').map((p) => p.trim()).filter(Boolean) : [];
}

/** Drops undefined values so optional fields stay absent (not present-but-undefined). */
function withDefined<T extends Record<string, unknown>>(obj: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
