import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath, cli } from '../helpers.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-classify-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

/** The lines `classify` prints for one file, from its path to its `checked:` line. */
function block(stdout: string, file: string): string {
  const start = stdout.indexOf(`\n${file}\n`);
  expect(start, `${file} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  const end = stdout.indexOf('\n  checked:', start);
  return stdout.slice(start + 1, end);
}

describe('cosmic-lint classify explains every role', () => {
  it('names the roles glob, the "!" glob that took a file out, roles.none, and a convention switched off by a configured role', async () => {
    const files = [
      'src/service-layer/use-cases/allocate.ts',
      'src/service-layer/use-cases/shared/retry.ts',
      'src/service-layer/legacy-handler.ts',
      'src/adapters/cache/repository.ts',
      'src/domain/model.ts',
    ];
    const run = await cli(['classify', ...files], fixturePath('violations', 'roles-config'));
    expect(run.status).toBe(0);
    expect(block(run.stdout, files[0]!)).toContain('  role:    handlers (roles.handlers glob "src/service-layer/use-cases/**")');
    expect(block(run.stdout, files[1]!)).toContain(
      '  role:    none:\n           - roles.handlers glob "src/service-layer/use-cases/**" matches, but "!src/service-layer/use-cases/shared/**" takes the file out',
    );
    expect(block(run.stdout, files[2]!)).toContain(
      '  role:    none:\n           - file name "legacy-handler" suggests handlers, but roles.handlers is configured, so conventions are off for it: only its globs give that role',
    );
    expect(block(run.stdout, files[3]!)).toContain('  role:    none (roles.none glob "src/adapters/cache/**": no role, and no convention applies)');
    expect(block(run.stdout, files[4]!)).toContain('  role:    model (file name "model": the word "model" (model by convention in the domain))');
  });

  it('names the convention and the word, or why a convention was not applied', async () => {
    const files = [
      'src/application/commands/create-user.handler.ts',
      'src/application/queries/find-users.query-handler.ts',
      'src/application/error-handler.ts',
      'src/application/commands/create-user.command.ts',
      'src/infrastructure/services/redis.service.ts',
    ];
    const run = await cli(['classify', ...files], fixturePath('violations', 'nest-cqrs'));
    expect(run.status).toBe(0);
    expect(block(run.stdout, files[0]!)).toContain('  role:    handlers (file name "create-user.handler": the word "handler" (handlers by convention in the service layer))');
    expect(block(run.stdout, files[1]!)).toContain('  role:    views (file name "find-users.query-handler": the word "query handler" (views by convention in the service layer))');
    expect(block(run.stdout, files[2]!)).toContain(
      '  role:    none:\n           - file name "error-handler" ends in "error handler": a framework\'s error handler, not the book\'s message handler, so no handlers role',
    );
    expect(block(run.stdout, files[3]!)).toContain(
      '  role:    none:\n           - file name "create-user.command" suggests commands, but the file is in the service layer, where the book puts no commands (by convention only in the domain)',
    );
    expect(block(run.stdout, files[4]!)).toContain(
      '  role:    none:\n           - folder "services/" suggests handlers, but the file is in the adapters, where the book puts no handlers (by convention only in the service layer)',
    );
  });

  it('stops with exit 2 on a file two roles claim, naming both globs', async () => {
    fs.mkdirSync(path.join(temporary, 'src', 'service-layer', 'views'), { recursive: true });
    fs.writeFileSync(path.join(temporary, 'src', 'service-layer', 'views', 'allocations.ts'), 'export const allocations = [];\n');
    fs.writeFileSync(
      path.join(temporary, 'cosmic-lint.config.json'),
      JSON.stringify({ layers: { 'service-layer': 'src/service-layer/**' }, roles: { handlers: 'src/service-layer/**', views: 'src/service-layer/views/**' } }),
    );
    const run = await cli(['classify', 'src/service-layer/views/allocations.ts'], temporary);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"src/service-layer/views/allocations.ts" matches two entries of roles: handlers by glob "src/service-layer/**" and views by glob "src/service-layer/views/**"');
  });

  it('prints file and folder names from the project inert: no terminal escape, bell or bidi control reaches the terminal', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-classify-hostile-'));
    try {
      const name = 'model\u001b[2J\u0007\u202e.ts';
      fs.mkdirSync(path.join(project, 'src', 'domain\u001b]0;owned\u0007'), { recursive: true });
      fs.mkdirSync(path.join(project, 'src', 'adapters'), { recursive: true });
      fs.writeFileSync(path.join(project, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain*/**', adapters: 'src/adapters/**' } }));
      fs.writeFileSync(path.join(project, 'src', 'domain\u001b]0;owned\u0007', name), 'export {};\n');
      fs.writeFileSync(path.join(project, 'src', 'adapters', 'orm.ts'), 'export {};\n');
      const run = await cli(['classify', `src/domain\u001b]0;owned\u0007/${name}`, 'src/adapters/orm.ts'], project);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('src/domain\\u001b]0;owned\\u0007/model\\u001b[2J\\u0007\\u202e.ts');
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
