import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factsNeeded, FILE_CHECKS, isOn, runFileCheck } from '../../src/checks/registry.js';
import { checkOneHandlerPerCommand, ONE_HANDLER_PER_COMMAND } from '../../src/checks/one-handler-per-command.js';
import { loadProject } from '../../src/cli/load-project.js';
import { discoverFiles } from '../../src/project/discover.js';
import { buildProjectModel, FILE_FACTS, type FactName, type FileModel } from '../../src/project/model.js';
import { fixturePath } from '../helpers.js';

const FACTS = Object.keys(FILE_FACTS) as FactName[];

/** Every project with files a pattern rule reads facts of: the advice shape, each violation fixture and the real corpus. */
const PROJECTS = [
  fixturePath('advice'),
  ...fs.readdirSync(fixturePath('violations')).map((name) => fixturePath('violations', name)),
  ...fs.readdirSync(fixturePath('real')).map((name) => fixturePath('real', name)),
];

/**
 * The audit drops a file's syntax tree once it has taken the facts the enabled checks declare
 * (`facts` in the registry); a fact a check reads without declaring it is answered by parsing the
 * file again, which is right but slow. Here an undeclared read throws instead, under `strict`
 * (every per-file check on), so a check that starts reading a new fact fails until it says so.
 */
describe('the facts each check declares are all it reads', () => {
  it.each(PROJECTS)('%s', (root) => {
    const project = loadProject({ cwd: root, near: root, preset: 'strict', deferConflicts: true });
    const needed = factsNeeded(project);
    const model = buildProjectModel(project, discoverFiles([root], project.classifier).files, { factsFor: needed });
    const undeclared: string[] = [];
    const guarded = [...model.files.values()].map((file): FileModel => {
      const wanted = new Set(needed(file.classification));
      const facts = Object.fromEntries(
        FACTS.map((name) => [
          name,
          wanted.has(name)
            ? file[name]
            : () => {
                undeclared.push(`${file.classification.file}: ${name}`);
                return [];
              },
        ]),
      );
      return { ...file, ...facts } as FileModel;
    });
    for (const file of guarded) {
      for (const ruleId of Object.keys(FILE_CHECKS)) if (isOn(project, ruleId)) runFileCheck(ruleId, project, file);
    }
    if (isOn(project, ONE_HANDLER_PER_COMMAND)) checkOneHandlerPerCommand(project, guarded);
    expect(undeclared).toEqual([]);
    expect(model.files.size).toBeGreaterThan(0);
  });

  it('a fact nobody declared is still answered, from a new parse', () => {
    const root = fixturePath('violations', 'immutable-messages');
    const project = loadProject({ cwd: root, near: root, preset: 'strict', deferConflicts: true });
    const files = discoverFiles([root], project.classifier).files;
    const taken = buildProjectModel(project, files, { factsFor: () => [] });
    const kept = buildProjectModel(project, files);
    const members = (model: typeof kept) => [...model.files.values()].map((file) => [file.classification.file, file.mutableMembers()]);
    expect(members(taken)).toEqual(members(kept));
    expect(members(kept).some(([, list]) => (list as unknown[]).length > 0)).toBe(true);
  });
});
