import type { checksContract } from '@shared/api/checks.contract';
import type { Handlers } from '../api/registry';
import type { CheckServices } from './checks.services';

/** Every method of checksContract, translated to the check services. */
export function checksHandlers(services: () => CheckServices): Handlers<typeof checksContract> {
  return {
    'checks.profiles': () => services().profiles.get().info(),
    'checks.parsers': () => services().captured.parsers(),
    'checks.settings.get': (input) => services().settings.get(input.assetId),
    'checks.settings.update': (input) => services().settings.update(input.assetId, input.fields),
    'checks.run': (input) => services().runner.start(input.scope, input.kinds),
    'checks.cancel': (input) => services().runner.cancel(input.runId),
    'checks.runs': (input) => services().results.recentRuns(input.limit),
    'checks.results': (input) => services().results.list(input),
    'checks.result': (input) => services().results.get(input.id),
    'checks.latest': (input) => services().results.latest(input.assetId),
    'checks.history': (input) => services().results.history(input.assetId, input.metric, input.since, input.limit),
    'checks.parseCaptured': (input) => services().captured.parse(input),
    'sshHostKeys.list': () => services().hostKeys.list(),
    'sshHostKeys.accept': (input) => services().hostKeys.accept(input),
    'configBackups.fetch': (input) => services().configBackups.fetch(input.assetId),
    'configBackups.list': (input) => services().configBackups.list(input.assetId),
    'configBackups.get': (input) => services().configBackups.get(input.id),
    'configBackups.diff': (input) => services().configBackups.diff(input.fromId, input.toId),
  };
}
