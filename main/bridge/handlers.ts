// The handlers behind every contract channel. They are thin: validation already happened in dispatch,
// the work happens in the services, and who may do what is decided by the access policy, here in main.
import type { AppInfo } from '../../common/contract';
import type { AccessPolicy } from '../accounts/access';
import type { Sessions } from '../accounts/sessions';
import type { ConsentService } from '../consent/consent';
import type { ConsoleService } from '../console/service';
import type { ReviewService } from '../review/service';
import type { VerificationService, WipeCounts } from '../verification/service';
import { createConsoleHandlers } from './console-handlers';
import { BridgeFailure } from './failure';
import type { Handlers } from './dispatch';

export interface HandlerDeps {
  appInfo: AppInfo;
  verification: VerificationService;
  sessions: Sessions;
  access: AccessPolicy;
  review: ReviewService;
  consent: ConsentService;
  /** The supervisor's console (every channel needs a supervisor or admin: console-handlers.ts). */
  console: ConsoleService;
  /** Self-service: forget the customer (unsubmitted records and photos), audited with the counts. */
  endCustomerSession(): WipeCounts;
  /** The renderer's activity (a report, or any verification call): true while someone is signed in. */
  activity(): boolean;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { verification, sessions, access, review, consent, appInfo } = deps;
  const selfServiceOnly = () => {
    if (appInfo.mode !== 'self_service') {
      throw new BridgeFailure('invalid_state', 'Only a self-service kiosk has a customer session to end.');
    }
  };
  /** Every verification call is activity, and refused at a desk that needs someone signed in. */
  const verifying = (): string | null => {
    deps.activity();
    return access.recordOperator();
  };
  return {
    getAppInfo: async () => appInfo,
    startVerification: (request) => verification.start({ ...request, operator: verifying() }),
    addImage: (request) => verification.addImage({ ...request, operator: verifying() }),
    submitVerification: (request) => {
      verifying();
      return verification.submit(request);
    },
    getVerification: (request) => {
      verifying();
      return verification.get(request);
    },
    discardVerification: (request) => {
      verifying();
      return verification.discard(request);
    },
    getSyncStatus: () => verification.syncStatus(),

    getSession: async () => sessions.info(),
    signIn: ({ name, password }) => sessions.signIn(name, password),
    signInTraining: async () => sessions.signInTraining(),
    createFirstAdmin: ({ name, password }) => sessions.createFirstAdmin(name, password),
    signOut: async () => sessions.signOut(),
    reportActivity: async () => ({ signedIn: deps.activity() }),

    getConsent: async ({ language }) => {
      deps.activity();
      return consent.get(language);
    },
    declineConsent: async (answer) => {
      selfServiceOnly();
      return consent.decline(answer);
    },
    endCustomerSession: async () => {
      selfServiceOnly();
      return deps.endCustomerSession();
    },

    getReview: async ({ recordId }) => {
      access.reviewer();
      return review.get(recordId);
    },
    correctField: async (request) => review.correct(request, access.reviewer().operatorId),
    confirmRecord: async (request) => review.confirm(request, access.reviewer().operatorId),
    getIdPhoto: async ({ recordId }) => review.idPhoto(recordId, access.reviewer().operatorId),

    ...createConsoleHandlers(access, deps.console),
  };
}
