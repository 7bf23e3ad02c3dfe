import type { roundsContract } from '@shared/api/rounds.contract';
import type { Handlers } from '../api/registry';
import type { RoundsServices } from './rounds.services';

export function roundsHandlers(service: () => RoundsServices): Handlers<typeof roundsContract> {
  return {
    'templates.list': (input) => service().templates.list(input.includeArchived),
    'templates.get': (input) => service().templates.get(input.id, input.versionId),
    'templates.save': (input) => service().templates.save(input.id, input.content),
    'templates.archive': (input) => service().templates.archive(input.id, input.archived),
    'templates.import': (input) => service().templates.import(input.json),
    'templates.export': (input) => service().templates.export(input.id),
    'templates.installDefaults': (input) => service().templates.installDefaults(input.language),
    'schedules.list': () => service().schedules.list(),
    'schedules.save': (input) => service().schedules.save(input.id, input.fields),
    'schedules.delete': (input) => service().schedules.delete(input.id),
    'rounds.agenda': (input) => service().schedules.agenda(input.days, input.today),
    'rounds.list': (input) => service().rounds.list({ status: input.status, roomId: input.roomId, assetId: input.assetId }, { offset: input.offset, limit: input.limit }),
    'rounds.start': (input) => service().rounds.start(input),
    'rounds.get': (input) => service().rounds.get(input.id),
    'rounds.saveEntry': (input) => service().rounds.saveEntry(input),
    'rounds.runAutomatic': (input) => service().automatic.start(input),
    'rounds.setPaused': (input) => service().rounds.setPaused(input.id, input.paused),
    'rounds.raiseIncident': (input) => service().incidents.raise(input),
    'rounds.sign': (input) => service().rounds.sign(input),
    'rounds.amend': (input) => service().rounds.amend(input),
    'rounds.report': (input) => service().report.pdf(input.id, input.language),
    'rounds.readings': (input) => service().rounds.readings(input),
  };
}
