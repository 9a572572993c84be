// The assisted desk. Nothing starts until someone signs in (or, on a new real kiosk, creates the first
// admin); the top bar names the operator beside a sign-out button; every touch and key is reported to main,
// which signs the operator out after the idle minutes and says so; the sign-in screen then says why. A signed-in
// supervisor or admin also has the Console button; the desk's screen stays mounted (hidden) behind the console,
// so closing it returns to the same customer.
import type { AppInfo, LoketApi } from '../../common/contract';
import { useConsoleEntry } from '../console/useConsoleEntry';
import { Shell } from '../components/Shell';
import { SyncStatusBar } from '../components/SyncStatusBar';
import { ScreenHeading } from '../components/ScreenHeading';
import { useActivityReport } from '../components/useActivityReport';
import { useSyncStatus } from '../components/useSyncStatus';
import { useI18n } from '../i18n/context';
import { DeskWork } from './DeskWork';
import { FirstRunScreen } from './FirstRunScreen';
import { OperatorBar } from './OperatorBar';
import { SignInScreen } from './SignInScreen';
import { useDeskSession } from './useDeskSession';

interface Props {
  bridge: LoketApi;
  appInfo: AppInfo;
  resetLanguage: () => void;
}

export function DeskApp({ bridge, appInfo, resetLanguage }: Props) {
  const { t } = useI18n();
  const desk = useDeskSession(bridge, resetLanguage);
  const syncStatus = useSyncStatus(bridge);
  const session = desk.session;
  const signedIn = session?.status === 'signed_in' ? session : null;
  useActivityReport(bridge, appInfo.idleSignOutMinutes * 60_000, signedIn !== null);
  const consoleEntry = useConsoleEntry(bridge, appInfo.mode);

  const body = () => {
    if (session === null) {
      return (
        <section className="screen-body screen-center" aria-busy={desk.error === null}>
          <ScreenHeading>{desk.error ? t.errors[desk.error.code] : t.app.loading}</ScreenHeading>
        </section>
      );
    }
    // Without accounts.requireSignIn (a setting) the desk works unsigned, but cannot review.
    if (signedIn !== null || !appInfo.signInRequired) {
      return (
        <DeskWork
          key={signedIn?.signedInAt ?? 'unsigned'}
          bridge={bridge}
          appInfo={appInfo}
          canReview={signedIn !== null}
          resetLanguage={resetLanguage}
        />
      );
    }
    switch (session.status) {
      case 'first_run':
        return <FirstRunScreen command={session.command} onCreate={desk.createFirstAdmin} />;
      case 'sign_in_required':
        return (
          <SignInScreen
            trainingAvailable={session.trainingAvailable}
            ended={desk.ended}
            idleSignOutMinutes={appInfo.idleSignOutMinutes}
            onSignIn={desk.signIn}
            onTraining={desk.signInTraining}
          />
        );
      case 'self_service':
        return null; // main says self-service while app.info says assisted: never both
    }
  };

  return (
    <Shell
      appInfo={appInfo}
      topBarEnd={
        <>
          {consoleEntry.button}
          {signedIn && <OperatorBar operator={signedIn.operator} onSignOut={desk.signOut} />}
        </>
      }
      footer={<SyncStatusBar status={syncStatus} />}
    >
      {consoleEntry.screen}
      <div className="screen-frame" hidden={consoleEntry.screen !== null}>
        {body()}
      </div>
    </Shell>
  );
}
