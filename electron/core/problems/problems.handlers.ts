import type { problemsContract } from '@shared/api/problems.contract';
import type { Handlers } from '../api/registry';
import type { ProblemsServices } from './problems.services';

export function problemsHandlers(service: () => ProblemsServices): Handlers<typeof problemsContract> {
  return {
    'problems.list': (input) => service().list(input),
    'problems.get': (input) => service().get(input.id),
    'problems.createConsultation': (input) => service().createConsultation(input),
    'problems.createDefect': (input) => service().createDefect(input),
    'problems.step': (input) => service().step(input.id, input.to, input.data, input.at),
    'problems.update': (input) => service().update(input.id, input.patch),
    'problems.linkIncident': (input) => service().linkIncident(input.problemId, input.incidentId),
    'problems.unlinkIncident': (input) => service().unlinkIncident(input.problemId, input.incidentId),
    'problems.forIncident': (input) => service().forIncident(input.incidentId),
  };
}
