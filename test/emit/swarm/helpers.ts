/**
 * Converting an in-memory project to Swarm for the emitter's tests: the files are loaded exactly as from disk.
 */
import { convert, type SwarmConversion } from '../../../src/convert.js';
import type { SwarmOptions, SwarmService } from '../../../src/emit/swarm/index.js';
import { memoryHost } from '../../../src/load/host.js';
import { load } from '../../../src/load/loader.js';

/** A stack service as the tests read it. */
export type StackService = SwarmService;

/** Loads `/p/compose.yaml` (plus `files`) and converts it to Swarm. Fails the test when loading fails. */
export function toSwarm(compose: string, files: Record<string, string> = {}, options: SwarmOptions = {}, env: Record<string, string> = {}): SwarmConversion & { services: Record<string, StackService> } {
  const host = memoryHost({ '/p/compose.yaml': compose, ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`/p/${k}`, v])) }, { cwd: '/p', home: '/home/u' });
  const loaded = load({ host, cwd: '/p', env });
  if (!loaded.project) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  const conversion = convert(loaded.project, { target: 'swarm', toDirectory: true, ...options });
  return { ...conversion, services: conversion.stack.services ?? {} };
}

/** The codes of a conversion's diagnostics. */
export function codes(conversion: SwarmConversion): string[] {
  return conversion.diagnostics.map((d) => d.code);
}
