import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, fixturePath } from '../helpers.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-shard-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

describe('audit --shard k/n and merge', () => {
  it.each([
    ['advice', 3],
    ['violations/context-boundaries', 2],
    ['audit/transitive', 2],
    ['real/ddd-forum', 2],
  ] as const)('%s in %d shards: the merged report is the unsharded audit’s, byte for byte, in every format', async (fixture, count) => {
    const root = fixturePath(...fixture.split('/'));
    const parts: string[] = [];
    for (let index = 1; index <= count; index++) {
      const part = path.join(temporary, `${fixture.replaceAll('/', '-')}-${index}.json`);
      const run = await cli(['audit', '--shard', `${index}/${count}`, '--output', part], root);
      expect(run.status, run.stderr).toBe(0);
      parts.push(part);
    }
    for (const format of ['json', 'text', 'sarif']) {
      const merged = await cli(['merge', ...parts, '--format', format], root);
      const whole = await cli(['audit', '--format', format], root);
      expect(merged.stdout).toBe(whole.stdout);
      expect(merged.status).toBe(whole.status);
      expect(merged.stderr).toMatch(/merge: (\d+) files answered by the shards, 0 parsed here/);
    }
  });

  it('a file changed after its shard ran is parsed again by merge, and the report follows the change', async () => {
    const root = path.join(temporary, 'changed');
    fs.cpSync(fixturePath('violations', 'context-boundaries'), root, { recursive: true });
    const part = path.join(temporary, 'changed-1.json');
    await cli(['audit', '--shard', '1/1', '--output', part], root);
    fs.writeFileSync(path.join(root, 'src/orders/domain/order.ts'), 'export class Order {}\n');
    const merged = await cli(['merge', part, '--format', 'json'], root);
    expect(merged.stderr).toContain('merge: 9 files answered by the shards, 1 parsed here');
    expect(merged.stdout).toBe((await cli(['audit', '--format', 'json'], root)).stdout);
  });

  it('refuses what cannot work: a share with nowhere to go, an impossible share, a part that is no part', async () => {
    expect((await cli(['audit', '--shard', '1/2'], fixturePath('advice'))).stderr).toContain("--shard k/n writes the share's facts to a file: add --output part-k.json");
    expect((await cli(['audit', '--shard', '3/2', '--output', 'x.json'], fixturePath('advice'))).stderr).toContain('--shard takes k/n with 1 ≤ k ≤ n (1/2, 2/2), got "3/2"');
    expect((await cli(['merge'], fixturePath('advice'))).stderr).toContain('merge needs the parts');
    const notAPart = await cli(['merge', fixturePath('advice', 'tsconfig.json')], fixturePath('advice'));
    expect(notAPart.status).toBe(2);
    expect(notAPart.stderr).toContain('cannot merge the shards:');
    expect(notAPart.stderr).toContain('the cache file is not one this tool wrote (corrupt or truncated)');
  });
});
