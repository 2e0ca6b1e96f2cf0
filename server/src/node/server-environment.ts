// The language server's environment under Node: the `local` host and the man page read from this
// machine, server commands' text written to temporary files, and the test switches from the
// process environment (XLCFG_DISABLE_FEATURES, XLCFG_TEST_FAULT).
import type { ServerEnvironment } from '../lsp/language-server';
import { localHostModel, localManPage } from './environment';
import { ShownFiles } from './shown-files';
import { localFileExists } from './local-files';
import { RepoSettings } from './repo-settings';
import { workspaceConfigs } from './workspace-configs';

export function nodeServerEnvironment(vars: NodeJS.ProcessEnv = process.env): ServerEnvironment {
  const shownFiles = new ShownFiles();
  return {
    name: 'node',
    localHost: localHostModel,
    manPage: localManPage,
    writeShownFile: (key, name, suffix, text) => shownFiles.write(key, name, suffix, text),
    fileExists: localFileExists,
    repoSettings: (warn) => new RepoSettings(warn),
    workspaceConfigs,
    disabled: new Set((vars.XLCFG_DISABLE_FEATURES ?? '').split(',').map((s) => s.trim()).filter(Boolean)),
    injectedFault: vars.XLCFG_TEST_FAULT,
  };
}
