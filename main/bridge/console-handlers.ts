// The handlers behind the console's channels. Every one asks the access policy for a signed-in supervisor
// or admin first, in main, whatever the screen shows; the acts (reveal, photo, decision, NIK search,
// export) carry that account's id into their audit entries.
import type { AccessPolicy } from '../accounts/access';
import type { ConsoleService } from '../console/service';
import type { Handlers } from './dispatch';

type ConsoleVerb = Extract<keyof Handlers, `console${string}`>;

export function createConsoleHandlers(
  access: AccessPolicy,
  service: ConsoleService,
): Pick<Handlers, ConsoleVerb> {
  const supervisor = () => access.supervisor().operatorId;
  return {
    consoleDay: async ({ day, includeTraining }) => {
      supervisor();
      return service.day(day, includeTraining ?? false);
    },
    consoleRecords: async (filter) => {
      supervisor();
      return service.records(filter);
    },
    consoleSearch: async (search) => ({ items: service.search(search, supervisor()) }),
    consoleRecord: async ({ recordId }) => {
      supervisor();
      return service.record(recordId);
    },
    consoleReveal: async ({ recordId }) => service.reveal(recordId, supervisor()),
    consolePhoto: async ({ recordId, kind }) => service.photo(recordId, kind, supervisor()),
    consoleQueue: async ({ includeTraining }) => {
      supervisor();
      return service.queue(includeTraining ?? false);
    },
    consoleDecide: async (request) => service.decide(request, supervisor()),
    consoleAudit: async ({ day }) => {
      supervisor();
      return service.audit(day);
    },
    consoleSaveExport: (request) => service.exports.saveToFile(request, supervisor()),
  };
}
