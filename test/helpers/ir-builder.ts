/**
 * Builders for IR objects in emitter tests: fill every required field with its neutral default so a test states
 * only what it is about.
 */
import type { Project, Service } from '../../src/ir/types.js';

/** A service with every required IR field defaulted. */
export function makeService(name: string, partial: Partial<Service> = {}): Service {
  return {
    name,
    environment: {},
    env_file: [],
    environment_declared: {},
    labels: {},
    annotations: {},
    ports: [],
    expose: [],
    volumes: [],
    secrets: [],
    configs: [],
    networks: { default: { extensions: {} } },
    depends_on: {},
    extensions: {},
    ...partial,
  };
}

/** A project with every required IR field defaulted; `services` may be given as a list. */
export function makeProject(
  partial: Omit<Partial<Project>, 'services'> & { services?: Service[] | Record<string, Service> } = {},
): Project {
  const { services, ...rest } = partial;
  const byName = Array.isArray(services)
    ? Object.fromEntries(services.map((s) => [s.name, s]))
    : (services ?? {});
  return {
    name: 'demo',
    projectDir: '/project',
    composeFiles: ['compose.yaml'],
    disabled_services: {},
    networks: { default: { name: 'demo_default', extensions: {} } },
    volumes: {},
    secrets: {},
    configs: {},
    models: {},
    profiles: [],
    extensions: {},
    ...rest,
    services: byName,
  };
}
