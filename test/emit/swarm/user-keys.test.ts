/**
 * Keys the user chose (network, volume, secret, config and ulimit names) are only keys: `__proto__` among them must
 * reach the stack file like any other name, not vanish into an object's prototype.
 */
import { describe, expect, it } from 'vitest';
import { toSwarm } from './helpers.js';

const COMPOSE = `name: shop
services:
  api:
    image: app:1
    networks: [__proto__]
    volumes: ["__proto__:/data"]
    secrets: [__proto__]
    configs: [__proto__]
    ulimits:
      __proto__: 5
networks:
  __proto__: {}
volumes:
  __proto__: {}
secrets:
  __proto__:
    file: ./pw.txt
configs:
  __proto__:
    file: ./conf.txt
`;

describe('user-chosen keys in the stack file', () => {
  const c = toSwarm(COMPOSE, { 'pw.txt': 'secret', 'conf.txt': 'conf' });
  const own = (record: object | undefined) => Object.keys(record ?? {});

  it('keep a top-level network, volume, secret and config named __proto__', () => {
    expect(own(c.stack.networks)).toEqual(['__proto__']);
    expect(own(c.stack.volumes)).toEqual(['__proto__']);
    expect(own(c.stack.secrets)).toEqual(['__proto__']);
    expect(own(c.stack.configs)).toEqual(['__proto__']);
  });

  it('keep the service attachment and ulimit named __proto__', () => {
    const api = c.services.api!;
    expect(own(api.networks as object)).toEqual(['__proto__']);
    expect(own(api.ulimits)).toEqual(['__proto__']);
  });
});
