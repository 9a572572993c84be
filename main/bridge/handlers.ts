// The handlers behind every contract channel. They are thin: validation already happened in dispatch,
// the work happens in the services.
import type { AppInfo } from '../../common/contract';
import type { VerificationService } from '../verification/service';
import type { Handlers } from './dispatch';

export function createHandlers(appInfo: AppInfo, verification: VerificationService): Handlers {
  return {
    getAppInfo: async () => appInfo,
    startVerification: (request) => verification.start(request),
    addImage: (request) => verification.addImage(request),
    submitVerification: (request) => verification.submit(request),
    getVerification: (request) => verification.get(request),
    discardVerification: (request) => verification.discard(request),
    getSyncStatus: () => verification.syncStatus(),
  };
}
