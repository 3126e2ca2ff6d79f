/**
 * `stackport convert` and `stackport validate`: load, convert, then print, write, or compare with a directory.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { error, info } from '../../diagnostics/diagnostic.js';
import { isQuantity } from '../../emit/kubernetes/quantities.js';
import { convert, type Conversion, type KubernetesConversion } from '../../convert.js';
import { convertOverlays, ENVIRONMENT_NAME } from '../../overlays.js';
import type { KubernetesOptions } from '../../emit/kubernetes/index.js';
import type { SwarmOptions, SwarmVersion } from '../../emit/swarm/index.js';
import { load } from '../../load/loader.js';
import { check, checkFile, type CheckResult } from '../../render/check.js';
import { writeOutputDirectory, writeOutputFile } from '../../render/output-directory.js';
import { render, type Layout } from '../../render/render.js';
import { ExitCode, type CliIo } from '../io.js';
import { loadingArguments, toLoadOptions, type LoadingFlags } from '../loading-options.js';
import { reportDiagnostics, type ReportOptions } from '../report.js';

/** Every flag `convert` accepts. */
export interface ConvertFlags extends LoadingFlags {
  to: 'kubernetes' | 'swarm';
  output?: string;
  layout?: Layout;
  overlay?: string[];
  format: 'yaml' | 'json';
  strict?: boolean;
  check?: boolean;
  diff?: boolean;
  namespace?: string;
  createNamespace?: boolean;
  publish?: KubernetesOptions['publish'];
  networkPolicies?: KubernetesOptions['networkPolicies'];
  secrets?: KubernetesOptions['secrets'];
  bindFiles?: KubernetesOptions['bindFiles'];
  dependsOn?: KubernetesOptions['dependsOn'];
  waitImage?: string;
  controller?: KubernetesOptions['controller'] | 'replicationcontroller';
  replicas?: number;
  pvcRequestSize?: string;
  volumes?: KubernetesOptions['volumes'];
  indent?: number;
  swarmVersion?: SwarmVersion;
  imagePrefix?: string;
  keepEnvFiles?: boolean;
}

/** How `convert` was invoked. */
export interface ConvertRun {
  /** The command line as given (without `node` and the script), to print the command that fixes drift. */
  argv: readonly string[];
  /** `validate`: load and convert, report, write and print nothing. */
  writeNothing?: boolean;
}

/** Runs `convert` and returns the exit code. */
export function runConvert(io: CliIo, flags: ConvertFlags, report: ReportOptions, run: ConvertRun): number {
  const diagnostics: Diagnostic[] = [];
  /** What stackport itself has to say beyond diagnostics; part of the JSON report, `stackport: ...` lines as text. */
  const messages: string[] = [];
  const finish = (code: number) => {
    const strictFailure = code === ExitCode.ok && flags.strict === true && diagnostics.some((d) => d.severity === 'warning');
    if (strictFailure) messages.push('warnings found and --strict is set');
    reportDiagnostics(io, diagnostics, report, messages);
    return strictFailure ? ExitCode.findings : code;
  };
  // `-o manifests.yaml` (Kompose's habit): one file holding the stream, in the format its extension names.
  const singleFile = flags.output !== undefined && isSingleFilePath(io.cwd, flags.output) && (flags.layout === undefined || flags.layout === 'stream');
  const layout: Layout = flags.layout ?? (flags.output && !singleFile ? 'files' : 'stream');
  if (singleFile && /\.json$/i.test(flags.output!)) flags = { ...flags, format: 'json' };
  const treeLayout = layout === 'kustomize' || layout === 'helm';
  if (flags.pvcRequestSize !== undefined && !isQuantity(flags.pvcRequestSize)) {
    diagnostics.push(error('USAGE', `--pvc-request-size "${flags.pvcRequestSize}" is not a Kubernetes quantity such as 1Gi or 500Mi`));
    return finish(ExitCode.invalid);
  }
  if (flags.controller === 'replicationcontroller') {
    diagnostics.push(info('REPLICATION_CONTROLLER', '--controller replicationController: every service becomes a Deployment, which replaced ReplicationControllers (Kompose no longer emits them either)'));
  }
  if (treeLayout && flags.to !== 'kubernetes') {
    diagnostics.push(error('USAGE', `--layout ${layout} needs --to kubernetes`));
    return finish(ExitCode.invalid);
  }
  if (treeLayout && !flags.output) {
    diagnostics.push(error('USAGE', `--layout ${layout} writes a directory tree: give it with -o DIR`));
    return finish(ExitCode.invalid);
  }
  if ((flags.check || flags.diff) && !flags.output) {
    diagnostics.push(error('USAGE', '--check and --diff compare with a directory: give it with -o DIR'));
    return finish(ExitCode.invalid);
  }
  const loadOptions = toLoadOptions(flags, io);
  if (flags.bindFiles === 'configmap' || flags.volumes === 'configMap') loadOptions.loadBindFiles = true;
  const loaded = load(loadOptions);
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.project || hasErrors(diagnostics)) return finish(ExitCode.invalid);

  // Paths the output refers to (Swarm's bind and config files) are relative to it.
  const projectDir = relativeProjectDir(io.cwd, flags.output, loaded.project.projectDir);
  const conversion: Conversion =
    flags.to === 'swarm'
      ? convert(loaded.project, { target: 'swarm', ...swarmOptions(flags, projectDir, run.writeNothing === true) })
      : convert(loaded.project, { target: 'kubernetes', ...kubernetesOptions(flags) });
  diagnostics.push(...conversion.diagnostics);
  if (hasErrors(diagnostics)) return finish(ExitCode.invalid);

  const overlays = layout === 'kustomize' ? overlayConversions(io, flags, loaded.project.composeFiles, diagnostics) : {};
  if (hasErrors(diagnostics)) return finish(ExitCode.invalid);
  const files = render(conversion, { layout, format: flags.format, overlays, ...(flags.indent !== undefined ? { indent: flags.indent } : {}) });
  if (conversion.target === 'swarm') {
    for (const command of conversion.commands) messages.push(`run: ${command}`);
    // The printed `stackport secret` commands load the project again, and standard input will not hold it then.
    if (conversion.commands.length > 0 && (flags.file ?? []).includes('-')) messages.push('the commands above read the compose file again: run them with -f FILE in place of -f -');
  }
  if (run.writeNothing) return finish(ExitCode.ok);
  if (!flags.output) {
    for (const content of files.values()) io.stdout(content);
    return finish(ExitCode.ok);
  }
  if (singleFile) {
    if (files.size !== 1) {
      diagnostics.push(error('USAGE', `-o ${flags.output}: this output is ${files.size} files (the stack file and the config files beside it); give a directory`));
      return finish(ExitCode.invalid);
    }
    const file = path.resolve(io.cwd, flags.output);
    const content = [...files.values()][0]!;
    if (flags.check || flags.diff) return finish(reportDriftResult(io, checkFile(file, content, flags.output), flags, run.argv, messages));
    const written = writeOutputFile(file, content);
    for (const failure of written.failures) diagnostics.push(error('OUTPUT_WRITE_FAILED', `could not write ${flags.output}: ${failure.message}`));
    return finish(written.failures.length > 0 ? ExitCode.invalid : ExitCode.ok);
  }
  const dir = path.resolve(io.cwd, flags.output);
  if (flags.check || flags.diff) return finish(reportDrift(io, dir, files, flags, run.argv, messages));
  const written = writeOutputDirectory(dir, files);
  for (const failure of written.failures) {
    diagnostics.push(error('OUTPUT_WRITE_FAILED', `could not write ${failure.path} in ${flags.output}: ${failure.message}`));
  }
  return finish(written.failures.length > 0 ? ExitCode.invalid : ExitCode.ok);
}

/** Each `--overlay ENV=FILE`: the base files plus the override, loaded and converted like the base. */
function overlayConversions(io: CliIo, flags: ConvertFlags, baseFiles: readonly string[], diagnostics: Diagnostic[]): Record<string, KubernetesConversion> {
  const overrides: Record<string, string> = {};
  for (const spec of flags.overlay ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || !ENVIRONMENT_NAME.test(spec.slice(0, eq))) {
      diagnostics.push(error('USAGE', `--overlay "${spec}": write ENV=FILE, with ENV in lowercase letters, digits and dashes`));
      continue;
    }
    overrides[spec.slice(0, eq)] = spec.slice(eq + 1);
  }
  const converted = convertOverlays({ ...toLoadOptions(flags, io), files: [...baseFiles] }, overrides, kubernetesOptions(flags));
  diagnostics.push(...converted.diagnostics);
  return converted.overlays;
}

/**
 * True when `-o` names one file rather than a directory: it ends in .yaml, .yml or .json and is not an existing
 * directory (a directory named `k8s.yaml/` keeps working as before).
 */
export function isSingleFilePath(cwd: string, output: string): boolean {
  if (output.endsWith('/') || output.endsWith(path.sep) || !/\.(ya?ml|json)$/i.test(output)) return false;
  return !isDirectory(path.resolve(cwd, output));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function reportDrift(io: CliIo, dir: string, files: Map<string, string>, flags: ConvertFlags, argv: readonly string[], messages: string[]): number {
  return reportDriftResult(io, check(dir, files, flags.output), flags, argv, messages, flags.output);
}

function reportDriftResult(io: CliIo, result: CheckResult, flags: ConvertFlags, argv: readonly string[], messages: string[], dir = ''): number {
  for (const changed of result.changed) io.stdout(changed.diff);
  for (const missing of result.missing) io.stdout(`missing: ${path.join(dir, missing)}\n`);
  for (const stale of result.stale) io.stdout(`stale: ${path.join(dir, stale)}\n`);
  if (result.upToDate) return ExitCode.ok;
  messages.push(`${flags.output} is out of date; regenerate it with: ${fixCommand(argv)}`);
  return flags.check ? ExitCode.findings : ExitCode.ok;
}

/** The command that regenerates the directory: the same invocation without --check and --diff. */
export function fixCommand(argv: readonly string[]): string {
  return ['stackport', ...argv.filter((a) => a !== '--check' && a !== '--diff')].map(shellQuote).join(' ');
}

/** Quotes an argument for a POSIX shell only when it needs it. */
function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function kubernetesOptions(flags: ConvertFlags): KubernetesOptions {
  const options: KubernetesOptions = {};
  if (flags.namespace) options.namespace = flags.namespace;
  if (flags.createNamespace) options.createNamespace = true;
  if (flags.publish) options.publish = flags.publish;
  if (flags.networkPolicies) options.networkPolicies = flags.networkPolicies;
  if (flags.secrets) options.secrets = flags.secrets;
  if (flags.bindFiles) options.bindFiles = flags.bindFiles;
  if (flags.dependsOn) options.dependsOn = flags.dependsOn;
  if (flags.waitImage) options.waitImage = flags.waitImage;
  if (flags.controller) options.controller = flags.controller === 'replicationcontroller' ? 'deployment' : flags.controller;
  if (flags.replicas !== undefined) options.replicas = flags.replicas;
  if (flags.pvcRequestSize !== undefined) options.claimSize = flags.pvcRequestSize;
  if (flags.volumes !== undefined) options.volumes = flags.volumes;
  return options;
}

/**
 * The project directory as paths in the output are written: relative to -o DIR, or to the current directory for
 * stdout (where a redirect usually puts the file). docker stack deploy and Kustomize both resolve paths that way.
 */
function relativeProjectDir(cwd: string, output: string | undefined, projectDir: string): string {
  const fromOutput = path.relative(output ? path.resolve(cwd, output) : cwd, projectDir).split(path.sep).join('/');
  return fromOutput === '' ? '.' : fromOutput;
}

/** `writeNothing` (validate) converts as for a directory, the one way every project converts to Swarm. */
function swarmOptions(flags: ConvertFlags, projectDirFromStack: string, writeNothing: boolean): SwarmOptions {
  const options: SwarmOptions = { toDirectory: Boolean(flags.output) || writeNothing, projectDirFromStack, loadingArgs: loadingArguments(flags) };
  if (flags.swarmVersion) options.version = flags.swarmVersion;
  if (flags.imagePrefix) options.imagePrefix = flags.imagePrefix;
  if (flags.keepEnvFiles) options.keepEnvFiles = true;
  return options;
}
