import { describe, expect, it } from 'vitest';
import { parseComposeYaml } from '../../src/parse/index.js';
import { entryLocation, keyLocation } from '../../src/diagnostics/locations.js';
import { OverrideTag, RESET } from '../../src/parse/tags.js';
import { corpusComposeFiles } from '../helpers/corpus.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const one = (text: string) => {
  const r = parseComposeYaml(text, 'compose.yaml');
  return { value: r.documents[0]?.value as Record<string, any>, diagnostics: r.diagnostics, r };
};
const codes = (text: string) => parseComposeYaml(text, 'c.yaml').diagnostics.map((d) => d.code);

describe('scalars follow Go yaml.v3', () => {
  it.each([
    ['0755', 493],
    ['0x1F', 31],
    ['0o17', 15],
    ['0b101', 5],
    ['1_000', 1000],
    ['-12', -12],
    ['+7', 7],
    ['08', 8],
    ['1e3', 1000],
    ['.5', 0.5],
    ['3.14', 3.14],
    ['true', true],
    ['TRUE', true],
    ['False', false],
    ['yes', 'yes'],
    ['on', 'on'],
    ['off', 'off'],
    ['~', null],
    ['null', null],
    ['NULL', null],
    ['2024-01-02', '2024-01-02'],
    ['8080:80', '8080:80'],
    ['"0755"', '0755'],
    ["'true'", 'true'],
  ])('%s', (text, expected) => {
    expect(one(`v: ${text}\n`).value.v).toEqual(expected);
  });

  it('reads .inf and .nan', () => {
    const v = one('a: .inf\nb: -.Inf\nc: .nan\n').value;
    expect(v.a).toBe(Infinity);
    expect(v.b).toBe(-Infinity);
    expect(Number.isNaN(v.c)).toBe(true);
  });

  it('reads an empty value as null', () => {
    expect(one('a:\n').value).toEqual({ a: null });
  });
});

describe('positions', () => {
  it('records where keys, values and items were written', () => {
    const { value } = one('services:\n  web:\n    image: nginx\n    ports:\n      - "80:80"\n      - 443\n');
    const web = value.services.web;
    expect(keyLocation(web, 'image')).toEqual({ file: 'compose.yaml', line: 3, column: 5 });
    expect(entryLocation(web, 'image')).toEqual({ file: 'compose.yaml', line: 3, column: 12 });
    expect(entryLocation(web.ports, 1)).toEqual({ file: 'compose.yaml', line: 6, column: 9 });
  });

  it('keeps the position where a merged key was written', () => {
    const { value } = one('x-base: &base\n  image: nginx\nservices:\n  web:\n    <<: *base\n    user: root\n');
    expect(value.services.web.image).toBe('nginx');
    expect(keyLocation(value.services.web, 'image')?.line).toBe(2);
  });
});

describe('merge keys and aliases', () => {
  it('lets explicit keys win over merged ones, earlier merge sources over later', () => {
    const { value } = one('a: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n  y: 3\n');
    expect(value.c).toEqual({ x: 1, y: 3, z: 2 });
  });

  it('gives every alias occurrence its own copy', () => {
    const { value } = one('a: &a {x: [1]}\nb: *a\nc: *a\n');
    expect(value.b).toEqual(value.c);
    expect(value.b).not.toBe(value.c);
    expect(value.b.x).not.toBe(value.c.x);
  });

  it('refuses a merge of a scalar', () => {
    expect(codes('a: &a 1\nb:\n  <<: *a\n')).toEqual(['YAML_MERGE_NOT_MAPPING']);
  });

  it('refuses a billion-laughs file with a located error', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'bcdefghi';
    let prev = 'a';
    for (const n of names) {
      lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = n;
    }
    const r = parseComposeYaml(`${lines.join('\n')}\n`, 'bomb.yaml');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['YAML_ALIAS_LIMIT']);
    expect(r.diagnostics[0]?.location?.file).toBe('bomb.yaml');
    expect(r.documents).toEqual([]);
  });

  it('accepts anchors reused across many services', () => {
    const services = Array.from({ length: 5000 }, (_, i) => `  s${i}:\n    <<: *d\n`).join('');
    const r = parseComposeYaml(`x-d: &d\n  image: a\n  restart: always\nservices:\n${services}`, 'big.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys((r.documents[0]!.value as any).services)).toHaveLength(5000);
  });
});

describe('tags', () => {
  it('turns !reset into the reset marker and !override into a wrapper, through aliases', () => {
    const { value } = one('a: !reset []\nb: !override {x: 1}\nx-r: &r {ports: !reset []}\nc:\n  <<: *r\n');
    expect(value.a).toBe(RESET);
    expect(value.b).toBeInstanceOf(OverrideTag);
    expect((value.b as OverrideTag).value).toEqual({ x: 1 });
    expect(value.c.ports).toBe(RESET);
  });

  it('reports other local tags', () => {
    expect(codes('a: !custom 1\n')).toEqual(['YAML_UNKNOWN_TAG']);
  });
});

describe('errors', () => {
  it('reports a duplicate key with both lines', () => {
    const r = parseComposeYaml('services:\n  web:\n    command: a\n    command: b\n', 'c.yaml');
    expect(r.diagnostics[0]).toMatchObject({
      code: 'YAML_DUPLICATE_KEY',
      message: 'mapping key "command" already defined at line 3',
      location: { line: 4, column: 5 },
    });
  });

  it.each(['123: a\n', 'true: a\n', 'null: a\n', '[a]: b\n', '{a: 1}: b\n'])('refuses the non-string key in %j', (text) => {
    expect(codes(text)).toEqual(['YAML_NON_STRING_KEY']);
  });

  it('accepts quoted numeric keys', () => {
    expect(one("'0': a\n").value).toEqual({ '0': 'a' });
  });

  it('keeps __proto__ as an ordinary key', () => {
    const { value } = one('__proto__: {polluted: true}\n');
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as any).polluted).toBeUndefined();
  });

  it('reports a syntax error with its position', () => {
    const r = parseComposeYaml('services:\n  web:\n    image: [unclosed\n', 'c.yaml');
    expect(r.diagnostics[0]?.code).toBe('YAML_SYNTAX');
    expect(r.diagnostics[0]?.location?.file).toBe('c.yaml');
  });

  it('reports an empty file', () => {
    expect(codes('# only a comment\n')).toEqual(['YAML_EMPTY']);
    expect(codes('')).toEqual(['YAML_EMPTY']);
  });

  it('refuses a top level that is not a mapping', () => {
    expect(codes('- a\n- b\n')).toEqual(['YAML_TOP_LEVEL_NOT_MAPPING']);
  });

  it('enforces depth, size and document limits', () => {
    const deep = `${'a:\n'.split('').length ? '' : ''}${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} 1\n`;
    expect(parseComposeYaml(deep, 'd.yaml', { maxDepth: 10 }).diagnostics.map((d) => d.code)).toEqual(['YAML_DEPTH_LIMIT']);
    expect(parseComposeYaml('a: 1\n', 'd.yaml', { maxFileBytes: 2 }).diagnostics.map((d) => d.code)).toEqual(['YAML_FILE_TOO_LARGE']);
    expect(parseComposeYaml('a: 1\n---\nb: 2\n---\nc: 3\n', 'd.yaml', { maxDocuments: 2 }).diagnostics.map((d) => d.code)).toEqual([
      'YAML_DOCUMENT_LIMIT',
    ]);
  });
});

describe('documents', () => {
  it('returns every document in order', () => {
    const r = parseComposeYaml('a: 1\n---\nb: 2\n', 'c.yaml');
    expect(r.documents.map((d) => d.value)).toEqual([{ a: 1 }, { b: 2 }]);
  });
});

describe('corpus', () => {
  it('parses every compose file of the public corpus without crashing', () => {
    const files = corpusComposeFiles();
    const broken: string[] = [];
    for (const f of files) {
      const r = parseComposeYaml(readFileSync(path.join(f.dir, f.file), 'utf8'), f.file);
      if (r.diagnostics.length > 0) broken.push(`${f.id}: ${r.diagnostics.map((d) => d.code).join(',')}`);
    }
    if (broken.length) console.log(`corpus files with YAML errors:\n  ${broken.join('\n  ')}`);
    expect(broken.length).toBeLessThan(10);
  });
});
