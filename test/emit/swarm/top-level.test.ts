/**
 * Configs and secrets named by their content (issue 16): Swarm cannot change the data of an existing config or
 * secret, so new content must be a new name for a redeploy to work.
 */
import { describe, expect, it } from 'vitest';
import { codes, toSwarm } from './helpers.js';
import { swarmSchemaErrors } from '../../helpers/swarm-schema.js';

const COMPOSE = `name: shop
services:
  api:
    image: app:1
    configs: [conf]
    secrets: [pw]
configs:
  conf:
    file: ./conf.txt
secrets:
  pw:
    file: ./pw.txt
`;

type Named = Record<string, { name?: string; external?: boolean; file?: string }>;

function sections(compose: string, files: Record<string, string>, env: Record<string, string> = {}, version?: '3.3' | '3.9') {
  const c = toSwarm(compose, files, version ? { version } : {}, env);
  const stack = c.stack as { configs?: Named; secrets?: Named };
  return { c, configs: stack.configs ?? {}, secrets: stack.secrets ?? {} };
}

describe('content-derived names', () => {
  it('are <project>_<key>_<hash>, and change exactly when the content does', () => {
    const a = sections(COMPOSE, { 'conf.txt': 'one', 'pw.txt': 'secret' });
    expect(a.configs.conf!.name).toMatch(/^shop_conf_[0-9a-f]{10}$/);
    expect(a.secrets.pw!.name).toMatch(/^shop_pw_[0-9a-f]{10}$/);
    const b = sections(COMPOSE, { 'conf.txt': 'two', 'pw.txt': 'secret' });
    expect(b.configs.conf!.name).not.toBe(a.configs.conf!.name);
    expect(b.secrets.pw!.name).toBe(a.secrets.pw!.name);
  });

  it('hash inline and variable content too, and keep a name the user chose as the prefix', () => {
    const compose = 'services:\n  s:\n    image: app:1\nconfigs:\n  inline:\n    content: hello\n  var:\n    environment: V\n  named:\n    name: my.conf\n    content: x\n';
    const { configs } = sections(compose, {}, { V: 'v' });
    expect(configs.inline!.name).toMatch(/_inline_[0-9a-f]{10}$/);
    expect(configs.var!.name).toMatch(/_var_[0-9a-f]{10}$/);
    expect(configs.named!.name).toMatch(/^my\.conf_[0-9a-f]{10}$/);
  });

  it('leave external ones as they are', () => {
    const { configs } = sections('services:\n  s:\n    image: app:1\nconfigs:\n  ext:\n    external: true\n    name: shared\n', {});
    expect(configs.ext).toEqual({ external: true, name: 'shared' });
  });

  it('stay within Swarm\'s 64 characters, keeping the hash', () => {
    const key = 'k'.repeat(70);
    const { configs } = sections(`services:\n  s:\n    image: app:1\nconfigs:\n  ${key}:\n    content: x\n`, {});
    expect(configs[key]!.name!.length).toBeLessThanOrEqual(64);
    expect(configs[key]!.name).toMatch(/_[0-9a-f]{10}$/);
  });

  it('are refused, at name:, when Swarm would reject the name the user chose', () => {
    const { c } = sections('services:\n  s:\n    image: app:1\nconfigs:\n  c:\n    name: "my conf"\n    content: x\n', {});
    const d = c.diagnostics.find((x) => x.code === 'SWARM_RESOURCE_NAME');
    expect(d).toMatchObject({ severity: 'error', location: { line: 6 } });
  });

  it('need version 3.5: older versions keep Swarm\'s names, with a warning about redeploys', () => {
    const { c, configs } = sections(COMPOSE, { 'conf.txt': 'one', 'pw.txt': 'secret' }, {}, '3.3');
    expect(configs.conf).toEqual({ file: './conf.txt' });
    expect(codes(c).filter((x) => x === 'SWARM_VERSION_TOO_OLD')).toHaveLength(2);
  });
});

describe('secrets from variables', () => {
  it('become external secrets named by content, created by a printed stackport secret command', () => {
    const { c, secrets } = sections('name: shop\nservices:\n  s:\n    image: app:1\n    secrets: [tok]\nsecrets:\n  tok:\n    environment: TOKEN\n', { '.env': 'TOKEN=abc\n' });
    expect(secrets.tok).toEqual({ external: true, name: expect.stringMatching(/^shop_tok_[0-9a-f]{10}$/) });
    expect(c.commands).toEqual([`stackport secret tok | docker secret create ${secrets.tok!.name} -`]);
    expect(JSON.stringify(c)).not.toContain('abc');
  });

  it('quote the loading flags they repeat', () => {
    const c = toSwarm('services:\n  s:\n    image: app:1\nsecrets:\n  tok:\n    environment: TOKEN\n', {}, { loadingArgs: ['-f', 'my compose.yaml'] }, { TOKEN: 'x' });
    expect(c.commands[0]).toMatch(/^stackport secret tok -f 'my compose\.yaml' \| docker secret create /);
  });
});

describe('network IPAM', () => {
  const compose = `services:
  web:
    image: nginx
    networks: [front]
networks:
  front:
    ipam:
      driver: default
      options:
        foo: bar
      config:
        - subnet: 10.1.0.0/16
          ip_range: 10.1.1.0/24
`;

  it('keeps the driver and each subnet, and reports what Swarm does not apply (other pool settings, driver options)', () => {
    const c = toSwarm(compose);
    expect(c.stack.networks?.front?.ipam).toEqual({ driver: 'default', config: [{ subnet: '10.1.0.0/16' }] });
    const reports = c.diagnostics.filter((d) => d.code === 'SWARM_IPAM').map((d) => d.message);
    expect(reports.some((m) => m.includes('ipam.config'))).toBe(true);
    expect(reports.some((m) => m.includes('ipam.options'))).toBe(true);
    expect(swarmSchemaErrors(c.stack)).toEqual([]);
  });
});
