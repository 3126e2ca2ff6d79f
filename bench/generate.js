/**
 * Generates realistic Compose projects of any size for the benchmark: every service has ports, a named volume,
 * a bind mount, environment with interpolation, a healthcheck, a secret, networks, depends_on, and anchors.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a project of `count` services into `dir` and returns the compose file path. */
export function generateProject(dir, count) {
  mkdirSync(path.join(dir, 'secrets'), { recursive: true });
  mkdirSync(path.join(dir, 'config'), { recursive: true });
  writeFileSync(path.join(dir, '.env'), 'REGISTRY=registry.example.com\nTAG=1.0.0\nLOG_LEVEL=info\n');
  writeFileSync(path.join(dir, 'secrets', 'api_key.txt'), 'bench-secret\n');
  writeFileSync(path.join(dir, 'config', 'app.conf'), 'key = value\n');
  const lines = [
    'name: bench',
    'x-defaults: &defaults',
    '  restart: unless-stopped',
    '  logging:',
    '    driver: json-file',
    '    options: { max-size: "10m" }',
    'x-env: &env',
    '  LOG_LEVEL: ${LOG_LEVEL:-info}',
    '  TZ: UTC',
    'services:',
  ];
  for (let i = 0; i < count; i++) {
    const name = `svc${i}`;
    lines.push(
      `  ${name}:`,
      '    <<: *defaults',
      `    image: \${REGISTRY}/team/${name}:\${TAG:-latest}`,
      `    command: ["serve", "--port", "8080", "--name", "${name}"]`,
      '    ports:',
      `      - "${20000 + (i % 40000)}:8080"`,
      '      - target: 9090',
      '        protocol: udp',
      '    expose: ["7070"]',
      '    environment:',
      '      <<: *env',
      `      SERVICE_NAME: ${name}`,
      `      PEER_URL: http://svc${(i + 1) % count}:8080`,
      '    volumes:',
      `      - data${i % 50}:/var/lib/${name}`,
      '      - ./config/app.conf:/etc/app.conf:ro',
      '    secrets: [api_key]',
      '    configs:',
      '      - source: app_conf',
      '        target: /etc/app/app.conf',
      '    healthcheck:',
      '      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]',
      '      interval: 30s',
      '      timeout: 5s',
      '      retries: 3',
      '      start_period: 10s',
      '    deploy:',
      '      replicas: 2',
      '      resources:',
      '        limits: { cpus: "0.5", memory: 256m }',
      '        reservations: { memory: 128m }',
      '    networks: [front, back]',
    );
    if (i > 0) lines.push('    depends_on:', `      svc${i - 1}:`, '        condition: service_started');
  }
  lines.push('networks:', '  front:', '  back:', 'volumes:');
  for (let v = 0; v < Math.min(count, 50); v++) lines.push(`  data${v}:`);
  lines.push('secrets:', '  api_key:', '    file: ./secrets/api_key.txt', 'configs:', '  app_conf:', '    file: ./config/app.conf', '');
  const file = path.join(dir, 'compose.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}

/**
 * Writes a project of `count` services where every service has a network, a named volume, a secret and a config of
 * its own (and all share one volume), and returns the compose file path: the shape that shows a step comparing
 * every service with every network, volume or file reference.
 */
export function generateWideProject(dir, count) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'value.txt'), 'x\n');
  const lines = ['name: wide', 'services:'];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  s${i}:`,
      `    image: registry.example.com/s${i}:1`,
      `    networks: [n${i}]`,
      `    volumes: ["v${i}:/data", "shared:/shared"]`,
      `    secrets: [k${i}]`,
      `    configs: [c${i}]`,
      `    ports: ["${10000 + (i % 50000)}:80"]`,
    );
    if (i > 0) lines.push(`    depends_on: [s${i - 1}]`);
  }
  lines.push('networks:');
  for (let i = 0; i < count; i++) lines.push(`  n${i}: {}`);
  lines.push('volumes:', '  shared: {}');
  for (let i = 0; i < count; i++) lines.push(`  v${i}: {}`);
  lines.push('secrets:');
  for (let i = 0; i < count; i++) lines.push(`  k${i}: { file: ./value.txt }`);
  lines.push('configs:');
  for (let i = 0; i < count; i++) lines.push(`  c${i}: { file: ./value.txt }`);
  const file = path.join(dir, 'compose.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
