import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, QUOTA_VARIABLES, quotaKeyOf, redactMeshDb } from './config.js';

const resolvePath = (p: string) => `/base/${p.replace(/^\.\//, '')}`;

describe('loadConfig', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    const config = loadConfig({}, resolvePath);
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      meshBackend: 'local',
      meshDb: '/base/data/meshconsole.db',
      seed: 'demo',
      accountId: '123456789012',
      region: 'us-west-2',
      quotas: {},
      rateLimitPerMinute: 6000,
      bodyLimitBytes: 256 * 1024,
      logLevel: 'info',
    });
    expect(config.accessKeys.size).toBe(0);
    expect(config.consoleDist).toMatch(/apps\/console\/dist$/);
    expect(config.appmeshEndpoint).toBeUndefined();
  });

  it('when values are set, then they are parsed and typed', () => {
    const config = loadConfig(
      {
        HOST: '0.0.0.0',
        PORT: '9090',
        MESH_BACKEND: 'appmesh',
        MESH_DB: ':memory:',
        SEED: 'none',
        ACCOUNT_ID: '111122223333',
        AWS_REGION: 'eu-central-1',
        APPMESH_ENDPOINT: 'http://127.0.0.1:8081',
        RATE_LIMIT: '0',
        BODY_LIMIT: '1mb',
        CONSOLE_DIST: 'web',
        LOG_LEVEL: 'silent',
        QUOTA_VIRTUAL_GATEWAYS_PER_MESH: '7',
      },
      resolvePath,
    );
    expect(config).toMatchObject({
      host: '0.0.0.0',
      port: 9090,
      meshBackend: 'appmesh',
      meshDb: ':memory:',
      seed: 'none',
      accountId: '111122223333',
      region: 'eu-central-1',
      appmeshEndpoint: 'http://127.0.0.1:8081',
      rateLimitPerMinute: 0,
      bodyLimitBytes: 1024 * 1024,
      consoleDist: '/base/web',
      logLevel: 'silent',
      quotas: { virtualGatewaysPerMesh: 7 },
    });
  });

  it('when ACCESS_KEYS lists keys, then each maps to its account and optional secret', () => {
    const { accessKeys } = loadConfig({ ACCESS_KEYS: 'AKID1:111122223333:se:cret/1, AKID2:444455556666' }, resolvePath);
    expect(accessKeys.get('AKID1')).toEqual({ accountId: '111122223333', secret: 'se:cret/1' });
    expect(accessKeys.get('AKID2')).toEqual({ accountId: '444455556666' });
  });

  it('when values are wrong, then one error names every bad variable and what is allowed', () => {
    let error: unknown;
    try {
      loadConfig(
        {
          PORT: 'eighty',
          MESH_BACKEND: 'cloud',
          ACCOUNT_ID: '42',
          ACCESS_KEYS: 'AKID1:notanaccount',
          BODY_LIMIT: 'huge',
          QUOTA_VIRTUAL_GATEWAYS_PER_MESH: '-1',
          QUOTA_UNICORNS_PER_MESH: '3',
        },
        resolvePath,
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT must be a decimal port number from 0 to 65535/);
    expect(message).toMatch(/MESH_BACKEND must be "local" or "appmesh"/);
    expect(message).toMatch(/ACCOUNT_ID must be a 12-digit AWS account id/);
    expect(message).toMatch(/ACCESS_KEYS entry "AKID1" must look like/);
    expect(message).toMatch(/BODY_LIMIT must be a size/);
    expect(message).toMatch(/QUOTA_VIRTUAL_GATEWAYS_PER_MESH must be a whole number/);
    expect(message).toMatch(/QUOTA_UNICORNS_PER_MESH is not a known quota; use one of QUOTA_MESHES_PER_ACCOUNT/);
  });

  it('when quota variables are named, then they map to the engine quota keys', () => {
    expect(quotaKeyOf('QUOTA_GATEWAY_ROUTES_PER_VIRTUAL_GATEWAY')).toBe('gatewayRoutesPerVirtualGateway');
    expect(QUOTA_VARIABLES).toContain('QUOTA_VIRTUAL_GATEWAYS_PER_MESH');
    expect(QUOTA_VARIABLES.map(quotaKeyOf)).toEqual([
      'meshesPerAccount',
      'virtualGatewaysPerMesh',
      'gatewayRoutesPerVirtualGateway',
      'virtualServicesPerMesh',
      'virtualNodesPerMesh',
      'virtualRoutersPerMesh',
      'routesPerVirtualRouter',
      'backendsPerVirtualNode',
      'tagsPerResource',
    ]);
  });

  it('when PORT or RATE_LIMIT is hex, octal, exponent or fractional, then it is refused: decimal only', () => {
    for (const port of ['0x1F90', '0o17620', '8e3', '8080.0', ' 8080', '+8080', '65536']) {
      expect(() => loadConfig({ PORT: port }, resolvePath), port).toThrow(
        /PORT must be a decimal port number from 0 to 65535/,
      );
    }
    expect(() => loadConfig({ RATE_LIMIT: '0x10' }, resolvePath)).toThrow(/RATE_LIMIT must be a whole number/);
    expect(loadConfig({ PORT: '0' }, resolvePath).port).toBe(0);
    expect(loadConfig({ PORT: '65535', RATE_LIMIT: '60' }, resolvePath)).toMatchObject({
      port: 65535,
      rateLimitPerMinute: 60,
    });
  });

  it('when ACCESS_KEYS lists a key id twice, then it is refused (not the last one silently winning)', () => {
    expect(() =>
      loadConfig({ ACCESS_KEYS: 'AKID1:111122223333:secret,AKID2:444455556666,AKID1:444455556666' }, resolvePath),
    ).toThrow(/ACCESS_KEYS lists access key "AKID1" 2 times; each access key id may appear once/);
  });

  it('when ALLOWED_HOSTS is set, then the loopback names, HOST and its entries are the hosts answered', () => {
    expect([...loadConfig({}, resolvePath).allowedHosts].sort()).toEqual(['127.0.0.1', '::1', 'localhost']);
    expect([...loadConfig({ HOST: '0.0.0.0' }, resolvePath).allowedHosts].sort()).toEqual([
      '127.0.0.1',
      '::1',
      'localhost',
    ]);
    const config = loadConfig({ HOST: '10.1.2.3', ALLOWED_HOSTS: 'Mesh.Example.com., [fd00::1], demo' }, resolvePath);
    expect([...config.allowedHosts].sort()).toEqual([
      '10.1.2.3',
      '127.0.0.1',
      '::1',
      'demo',
      'fd00::1',
      'localhost',
      'mesh.example.com',
    ]);
    expect(() => loadConfig({ ALLOWED_HOSTS: 'http://mesh.example.com' }, resolvePath)).toThrow(
      /ALLOWED_HOSTS entry "http:\/\/mesh.example.com" must be a host name or an IP address/,
    );
    expect(() => loadConfig({ ALLOWED_HOSTS: 'mesh.example.com:8080' }, resolvePath)).toThrow(/no scheme, no port/);
  });

  it('when ADMIN_API and ADMIN_KEYS are set, then the test-support rule follows HOST, the mode and the keys', () => {
    expect(loadConfig({}, resolvePath).testSupport).toMatchObject({ mode: 'auto', enabled: true });
    expect(loadConfig({ HOST: '127.0.0.2' }, resolvePath).testSupport.enabled).toBe(true);
    expect(loadConfig({ HOST: '::1' }, resolvePath).testSupport.enabled).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0' }, resolvePath).testSupport).toMatchObject({
      enabled: false,
      reason: expect.stringContaining('ADMIN_API=on'),
    });
    expect(loadConfig({ HOST: '0.0.0.0', ADMIN_API: 'on' }, resolvePath).testSupport.enabled).toBe(true);
    expect(loadConfig({ ADMIN_API: 'off' }, resolvePath).testSupport.enabled).toBe(false);
    expect(loadConfig({ MESH_BACKEND: 'appmesh', ADMIN_API: 'on' }, resolvePath).testSupport.reason).toMatch(
      /only available with the local mesh/,
    );
    const keys = loadConfig({ ACCESS_KEYS: 'AKID1:111122223333:s1', ADMIN_KEYS: 'AKID1' }, resolvePath);
    expect([...keys.testSupport.adminKeys]).toEqual(['AKID1']);
    expect(() => loadConfig({ ACCESS_KEYS: 'AKID1:111122223333', ADMIN_KEYS: 'AKID1,AKID9' }, resolvePath)).toThrow(
      /ADMIN_KEYS entry "AKID1" must be an ACCESS_KEYS key with a secret[\s\S]*ADMIN_KEYS entry "AKID9"/,
    );
    expect(() => loadConfig({ ADMIN_API: 'yes' }, resolvePath)).toThrow(/ADMIN_API must be "auto", "on" or "off"/);
  });

  it('when a variable is set but empty, then the default applies', () => {
    expect(loadConfig({ PORT: '', SEED: '' }, resolvePath)).toMatchObject({ port: 8080, seed: 'demo' });
  });
});

describe('MESH_DB with PostgreSQL', () => {
  const URL_WITH_PASSWORD = 'postgres://mesh:s3cr%40t@db.internal:5432/meshconsole?sslmode=require';

  it('when MESH_DB is a PostgreSQL URL, then it is kept as given (not a path) with the pool size', () => {
    const config = loadConfig({ MESH_DB: URL_WITH_PASSWORD, MESH_DB_POOL_SIZE: '25' }, resolvePath);
    expect(config.meshDb).toBe(URL_WITH_PASSWORD);
    expect(config.meshDbPoolSize).toBe(25);
    expect(loadConfig({ MESH_DB: 'postgresql:///mesh?host=/var/run/postgresql' }, resolvePath)).toMatchObject({
      meshDb: 'postgresql:///mesh?host=/var/run/postgresql',
      meshDbPoolSize: 10,
    });
  });

  it('when the URL names no server or no database, or the pool size is off, then the message says what is allowed', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env, resolvePath);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    expect(problems({ MESH_DB: 'postgres://mesh:pw@db.internal:5432/' })).toMatch(/MESH_DB must name the database/);
    expect(problems({ MESH_DB: 'postgres:///mesh' })).toMatch(/MESH_DB must name the PostgreSQL server/);
    expect(problems({ MESH_DB: 'postgres://mesh:pw@[bad/x' })).toMatch(/MESH_DB is not a valid PostgreSQL URL/);
    expect(problems({ MESH_DB: 'postgres://mesh:hunter2@[bad/x' })).not.toContain('hunter2');
    expect(problems({ MESH_DB_POOL_SIZE: '0' })).toMatch(/MESH_DB_POOL_SIZE must be between 1 and 1000/);
    expect(problems({ MESH_DB_POOL_SIZE: 'many' })).toMatch(/MESH_DB_POOL_SIZE must be a number of connections/);
  });

  it('when HISTORY_VERSIONS is set, then it is 1 to 10000 in decimal digits, 100 when absent', () => {
    expect(loadConfig({}, resolvePath).historyVersions).toBe(100);
    expect(loadConfig({ HISTORY_VERSIONS: '7' }, resolvePath).historyVersions).toBe(7);
    for (const bad of ['0', '10001', '1e2', '0x10', 'lots']) {
      expect(() => loadConfig({ HISTORY_VERSIONS: bad }, resolvePath)).toThrow(
        /HISTORY_VERSIONS must be a whole number of versions from 1 to 10000/,
      );
    }
  });

  it('when MESH_DB is logged, then a PostgreSQL password is replaced and a file path is unchanged', () => {
    const shown = redactMeshDb(URL_WITH_PASSWORD);
    expect(shown).toBe('postgres://mesh:***@db.internal:5432/meshconsole?sslmode=require');
    expect(redactMeshDb('postgres://mesh@db/m?password=hunter2')).not.toContain('hunter2');
    expect(redactMeshDb('/var/lib/meshconsole/mesh.db')).toBe('/var/lib/meshconsole/mesh.db');
  });
});
