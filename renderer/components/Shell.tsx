// The frame of every screen: the top bar (with what the room adds to it), the screen, and an optional footer.
import type { ReactNode } from 'react';
import type { AppInfo } from '../../common/contract';
import { TopBar } from './TopBar';

interface Props {
  appInfo: AppInfo | null;
  /** Shown at the end of the top bar, before the languages (the desk's operator and sign-out). */
  topBarEnd?: ReactNode;
  /** The top bar's language switch; off where the screen offers the languages itself. */
  languages?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}

export function Shell({ appInfo, topBarEnd, languages, footer, children }: Props) {
  return (
    <div className={`app app-${appInfo?.mode ?? 'loading'}`}>
      <TopBar appInfo={appInfo} languages={languages}>
        {topBarEnd}
      </TopBar>
      <main className="screen">{children}</main>
      {footer}
    </div>
  );
}
