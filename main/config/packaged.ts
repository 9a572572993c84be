// What a packaged kiosk (one installed at a branch, not a developer's checkout) refuses in its settings,
// as a pure function. A packaged kiosk never falls back to training mode: a missing provider is a setup
// error that names the setting, so no customer is "verified" by the sandbox because a file was forgotten.
// And it sends keys, tokens and photos over https only.
import { isSecureOrLoopbackUrl } from '../lib/urls';

export interface PackagedCheckInput {
  /** settings.json as read, before defaults: was `provider` written down? */
  fromFile: Readonly<Record<string, unknown>>;
  providerUrl: string | undefined;
  settingsPath: string;
}

export function packagedSettingsProblems(input: PackagedCheckInput): string[] {
  const problems: string[] = [];
  if (input.fromFile.provider === undefined) {
    problems.push(
      `${input.settingsPath} does not name a "provider". Set "provider" to "identifai", "incode" or ` +
        `"faceverify" (or to "sandbox" for a training kiosk that verifies nobody).`,
    );
  }
  if (input.providerUrl !== undefined && !isSecureOrLoopbackUrl(input.providerUrl)) {
    problems.push(
      `"providerUrl" must be an https:// address (plain http is allowed only for 127.0.0.1 or localhost).`,
    );
  }
  return problems;
}
