// When Loket calls Incode's /omni/finish-status (see provider.ts): a setting, so it lives apart from the
// provider for the settings schema to import without pulling in the client.
export const FINISH_STATUS_MODES = ['on_deadline', 'always', 'never'] as const;
export type FinishStatusMode = (typeof FINISH_STATUS_MODES)[number];
