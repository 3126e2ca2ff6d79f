/**
 * Compose keys that become one Kubernetes name after sanitizing (`web_api` and `web-api`) would replace each other's
 * objects: a lost service, one claim holding two volumes' data, a ConfigMap without the key a pod mounts. Each such
 * pair is an error at the key written later, naming both.
 */
import { describe, expect, it } from 'vitest';
import { toKubernetes, withCode } from './convert.js';

function collisionErrors(compose: string) {
  return withCode(toKubernetes(compose), 'K8S_NAME_COLLISION');
}

describe('names that collide after sanitizing', () => {
  it('two services that become one workload: an error at the later key, naming both, once', () => {
    const found = collisionErrors(`
services:
  web-api:
    image: nginx
  web_api:
    image: httpd
`);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.message).toContain('"web_api" and "web-api"');
    expect(found[0]!.message).toContain('web-api');
    expect(found[0]!.location).toMatchObject({ file: 'compose.yaml', line: 5, column: 3 });
    expect(found[0]!.hint).toMatch(/rename/);
  });

  it('two services whose Service names collide (a name starting with a digit gets an s- prefix)', () => {
    const found = collisionErrors(`
services:
  s-1web:
    image: nginx
  1web:
    image: httpd
`);
    expect(found.map((d) => [d.severity, d.location?.line])).toEqual([['error', 5]]);
    expect(found[0]!.message).toContain('Service name s-1web');
  });

  it('named volumes that become one claim', () => {
    const found = collisionErrors(`
services:
  a: {image: nginx, volumes: [data_1:/a]}
  b: {image: nginx, volumes: [data-1:/b]}
volumes:
  data_1:
  data-1:
`);
    expect(found.map((d) => [d.severity, d.location?.line])).toEqual([['error', 7]]);
    expect(found[0]!.message).toContain('"data-1" and "data_1"');
  });

  it('configs that become one ConfigMap, and secrets that become one Secret', () => {
    const found = collisionErrors(`
services:
  app:
    image: nginx
    configs: [app_conf, app.conf]
    secrets: [db_pw, db-pw]
configs:
  app_conf: {content: a}
  app.conf: {content: b}
secrets:
  db_pw: {environment: A}
  db-pw: {environment: B}
`);
    expect(found.map((d) => [d.severity, d.location?.line, d.message.slice(0, 8)])).toEqual([
      ['error', 9, 'configs.'],
      ['error', 12, 'secrets.'],
    ]);
  });

  it('external entries naming the same external object are no collision; unused entries are not checked', () => {
    const found = collisionErrors(`
services:
  app:
    image: nginx
    volumes: [shared_a:/a, shared.b:/b]
    secrets: [pw_a, pw.b]
volumes:
  shared_a: {external: true, name: shared}
  shared.b: {external: true, name: shared}
  unused_x:
  unused-x:
secrets:
  pw_a: {external: true, name: pw}
  pw.b: {external: true, name: pw}
`);
    expect(found).toEqual([]);
  });

  it('an external volume and a project volume that meet on one name collide', () => {
    const found = collisionErrors(`
services:
  app:
    image: nginx
    volumes: [mine:/a, theirs:/b]
volumes:
  mine: {}
  theirs: {external: true, name: mine}
`);
    expect(found.map((d) => d.severity)).toEqual(['error']);
  });
});
