/** `healthcheck`: the test in list form, timings in milliseconds, `NONE` as `disable` (§13). */
import { isPlainObject } from '../../util/objects.js';
import type { Healthcheck } from '../types.js';
import { booleanFrom, extensionsOf, numberFrom, text, type Normalizer } from './context.js';

const TIMINGS = ['interval', 'timeout', 'start_period', 'start_interval'] as const;

/** Normalizes a service's `healthcheck`. */
export function normalizeHealthcheck(n: Normalizer, value: unknown, service: string): Healthcheck | undefined {
  if (!isPlainObject(value)) return undefined;
  const check: Healthcheck = { extensions: extensionsOf(value) };
  const test = value.test;
  if (typeof test === 'string') check.test = ['CMD-SHELL', test];
  else if (Array.isArray(test)) {
    const list: string[] = [];
    for (let i = 0; i < test.length; i++) list.push(text(test[i]));
    if (list[0] === 'NONE') check.disable = true;
    else if (list[0] !== 'CMD' && list[0] !== 'CMD-SHELL') {
      n.error('HEALTHCHECK_INVALID', `services.${service}.healthcheck.test must start with CMD, CMD-SHELL or NONE`, value, 'test');
    } else check.test = list;
  }
  for (let i = 0; i < TIMINGS.length; i++) {
    const key = TIMINGS[i]!;
    const raw = value[key];
    if (raw === undefined || raw === null) continue;
    const ms = n.duration(raw as string | number);
    if (ms.ok) check[key] = ms.value;
    else n.invalid('DURATION_INVALID', `services.${service}.healthcheck.${key}`, ms.message, value, key);
  }
  const retries = numberFrom(value.retries);
  if (retries !== undefined) check.retries = retries;
  if (booleanFrom(value.disable) === true) check.disable = true;
  if (check.disable) delete check.test;
  return check;
}
