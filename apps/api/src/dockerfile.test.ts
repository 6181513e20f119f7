// The image installs dependencies from the workspaces' manifests before copying the
// source: a workspace missing there gets no dependencies, and the image fails at run time.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);

it('copies every workspace’s package.json into the dependency stage', () => {
  const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
  const deps = dockerfile.slice(0, dockerfile.indexOf('RUN npm ci'));
  const workspaces = ['apps', 'packages'].flatMap((dir) =>
    readdirSync(new URL(`${dir}/`, root))
      .filter((name) => existsSync(new URL(`${dir}/${name}/package.json`, root)))
      .map((name) => `${dir}/${name}`),
  );
  expect(workspaces.length).toBeGreaterThan(15);
  const missing = workspaces.filter(
    (workspace) => !deps.includes(`COPY ${workspace}/package.json ${workspace}/`),
  );
  expect(missing).toEqual([]);
});
