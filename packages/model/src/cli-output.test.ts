import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CLI_DESCRIBE_KEYS, cliTimestamp, describeCliJson } from './cli-output';

// The byte-for-byte comparison with the real AWS CLI is apps/bff/src/tests/cli/cli-output.test.ts;
// these check the assumptions it rests on and the printer's own rules.
const model = JSON.parse(
  gunzipSync(readFileSync(new URL('../reference/appmesh-2019-01-25.service-2.json.gz', import.meta.url))).toString(),
) as { shapes: Record<string, { type: string; members?: Record<string, unknown> }> };

describe('the service model the printer relies on', () => {
  it('when every structure is read, then its members are in alphabetical order (botocore prints them in model order)', () => {
    const structures = Object.entries(model.shapes).filter(([, s]) => s.type === 'structure');
    expect(structures.length).toBeGreaterThan(100);
    const unsorted = structures
      .map(([name, s]) => [name, Object.keys(s.members ?? {})] as const)
      .filter(([, members]) => members.join('\n') !== [...members].sort().join('\n'))
      .map(([name]) => name);
    expect(unsorted).toEqual([]);
  });

  it('when the shape types are read, then there are no maps and no floats (sorting keys and integer printing suffice)', () => {
    const types = new Set(Object.values(model.shapes).map((s) => s.type));
    expect([...types].filter((t) => ['map', 'double', 'float'].includes(t))).toEqual([]);
  });

  it('when each describe key is read, then it is an output member of its Describe operation', () => {
    for (const key of CLI_DESCRIBE_KEYS) {
      const output = model.shapes[`Describe${key[0]?.toUpperCase()}${key.slice(1)}Output`];
      expect(Object.keys(output?.members ?? {}), key).toEqual([key]);
    }
  });
});

describe('cliTimestamp', () => {
  it('when the instant has no fraction, then it prints seconds and +00:00', () => {
    expect(cliTimestamp(1768478400)).toBe('2026-01-15T12:00:00+00:00');
  });
  it('when the instant has milliseconds, then it prints six fraction digits', () => {
    expect(cliTimestamp(1649259762.015)).toBe('2022-04-06T15:42:42.015000+00:00');
    expect(cliTimestamp(1649259762.5)).toBe('2022-04-06T15:42:42.500000+00:00');
  });
});

describe('describeCliJson', () => {
  const metadata = { createdAt: 1768478400, lastUpdatedAt: 1768478400.25, version: 2, arn: 'a', uid: 'u' };

  it('when a resource is printed, then it sits under its key, keys sorted at every depth, indented by 4', () => {
    const text = describeCliJson('virtualRouter', {
      virtualRouterName: 'r',
      meshName: 'm',
      status: { status: 'ACTIVE' },
      spec: { listeners: [{ portMapping: { protocol: 'http', port: 8080 } }] },
      metadata,
    } as never);
    expect(text).toBe(
      [
        '{',
        '    "virtualRouter": {',
        '        "meshName": "m",',
        '        "metadata": {',
        '            "arn": "a",',
        '            "createdAt": "2026-01-15T12:00:00+00:00",',
        '            "lastUpdatedAt": "2026-01-15T12:00:00.250000+00:00",',
        '            "uid": "u",',
        '            "version": 2',
        '        },',
        '        "spec": {',
        '            "listeners": [',
        '                {',
        '                    "portMapping": {',
        '                        "port": 8080,',
        '                        "protocol": "http"',
        '                    }',
        '                }',
        '            ]',
        '        },',
        '        "status": {',
        '            "status": "ACTIVE"',
        '        },',
        '        "virtualRouterName": "r"',
        '    }',
        '}',
      ].join('\n'),
    );
  });

  it('when a string has quotes, controls or non-ASCII, then they print as Python does with ensure_ascii=False', () => {
    const text = describeCliJson('mesh', { meshName: 'é "q" \\ \u0001 \t', metadata } as never);
    expect(text).toContain('"meshName": "é \\"q\\" \\\\ \\u0001 \\t"');
  });

  it('when a member is undefined or a list or object is empty, then it is left out, and [] / {} print as Python prints them', () => {
    const text = describeCliJson('mesh', {
      meshName: 'm',
      spec: { egressFilter: undefined },
      tags: [],
      metadata,
    } as never);
    expect(text).toContain('"spec": {},');
    expect(text).toContain('"tags": []');
    expect(text).not.toContain('egressFilter');
  });
});
