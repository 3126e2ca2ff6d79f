/**
 * Validates a stack file against docker/cli's own v3 schema (from `../shared`), the check `docker stack deploy`
 * makes first. Fast enough for thousands of fuzz cases, where running `docker stack config` each time is not.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { HAVE_SHARED, sharedPath } from './shared.js';

const compiled = new Map<string, ValidateFunction>();

function validatorFor(version: string): ValidateFunction | undefined {
  if (!HAVE_SHARED) return undefined;
  let validate = compiled.get(version);
  if (!validate) {
    const schema = JSON.parse(readFileSync(sharedPath('compose-reference', 'docker-cli-schemas', `config_schema_v${version}.json`), 'utf8'));
    // The file is draft-04; ajv 8 reads it as draft-07 once the draft-04 markers are removed (it uses no
    // draft-04-only keyword). docker/cli adds formats `duration` and `ports`; the daemon checks those.
    delete schema.$schema;
    stripIds(schema);
    const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
    const compiledSchema = ajv.compile(schema);
    compiled.set(version, compiledSchema);
    return compiledSchema;
  }
  return validate;
}

/** Schema errors of a stack file (as a plain object), or none when `../shared` is absent. */
export function swarmSchemaErrors(stack: unknown): string[] {
  const version = (stack as { version?: unknown }).version;
  const validate = validatorFor(typeof version === 'string' ? version : '3.13');
  if (!validate || validate(JSON.parse(JSON.stringify(stack)))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** Removes draft-04 `id` keywords (string-valued; a property named id would be an object). */
function stripIds(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record.id === 'string') delete record.id;
  for (const value of Object.values(record)) stripIds(value);
}
