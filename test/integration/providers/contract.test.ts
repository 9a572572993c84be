// One contract, every provider: the same questions asked of each adapter, each against its sandbox over
// real HTTP. Whatever the provider's protocol, the kiosk relies on the same answers: a decision in one
// outcome shape, a retake or a refusal for the documented failures, and a ProviderError (record kept
// pending) for bad credentials, 5xx and time-outs, within bounded retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutcomeSchema, type ImageKind } from '../../../common/record';
import { createFaceverifyProvider } from '../../../main/providers/faceverify';
import { createIdentifaiProvider } from '../../../main/providers/identifai/provider';
import { createIncodeProvider } from '../../../main/providers/incode';
import {
  ProviderError,
  type ProviderResult,
  type VerificationProvider,
} from '../../../main/providers/provider';
import { SANDBOX_FACEVERIFY, SANDBOX_IDENTIFAI, SANDBOX_INCODE } from '../../../main/sandbox/credentials';
import { startSandbox, type Sandbox } from '../../../main/sandbox/server';
import {
  blankImage,
  catImage,
  ktpCard,
  selfieA,
  selfieBColour,
  selfieDark,
  selfieGrey,
  twoFaces,
} from '../../fixtures/images';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { recordingContext, type RecordingContext } from '../../support/step-context';

/** Short enough that every failure path ends in a second or two, long enough for the sandbox's face model. */
const NET = {
  timeoutMs: 4_000,
  retries: 1,
  retryDelay: { minDelayMs: 10, maxDelayMs: 30 },
  poll: { firstDelayMs: 50, growth: 2, maxDelayMs: 200, deadlineMs: 20_000 },
};

interface Options {
  badCredentials?: boolean;
  timeoutMs?: number;
}

type Images = Record<ImageKind, Buffer>;

interface Scenario {
  name: string;
  /** What the kiosk captured; for a hosted flow, `selfie` is what the customer shows the hosted page. */
  images: () => Promise<Images>;
  expect: (result: ProviderResult) => void;
}

interface Driver {
  name: 'identifai' | 'incode' | 'faceverify';
  mount: string;
  create(baseUrl: string, options: Options): VerificationProvider;
  /** The first request creates something billable, so an ambiguous failure of it is not retried in place. */
  firstRequestBillable: boolean;
  /** Plays the customer where the provider hands the check to a hosted page. */
  customer?(rec: RecordingContext, selfie: Buffer): Promise<void>;
  failures: Scenario[];
}

const pair = (idCard: () => Promise<Buffer>, selfie: () => Promise<Buffer>) => async (): Promise<Images> => ({
  id_card: await idCard(),
  selfie: await selfie(),
});
const cardA = () => ktpCard('A');

const decided =
  (decision: string) =>
  (result: ProviderResult): void => {
    expect(result).toMatchObject({ kind: 'decided', outcome: { decision } });
  };
/** imageKind null: the provider does not say which photo (IdentifAI's face-match-liveness). */
const retake =
  (imageKind: ImageKind | null, reason: string) =>
  (result: ProviderResult): void => {
    expect(result).toMatchObject({ kind: 'retake', imageKind, reason });
  };

const drivers: Driver[] = [
  {
    name: 'identifai',
    mount: '/identifai',
    firstRequestBillable: false,
    create: (baseUrl, o) =>
      createIdentifaiProvider({
        client: {
          ...NET,
          baseUrl,
          timeoutMs: o.timeoutMs ?? NET.timeoutMs,
          credentials: o.badCredentials ? { accessKey: 'NOTAKEY', secretKey: 'wrong' } : SANDBOX_IDENTIFAI,
        },
      }),
    failures: [
      { name: 'a different person', images: pair(cardA, selfieBColour), expect: decided('not_verified') },
      {
        name: 'a printed photo (liveness)',
        images: pair(cardA, selfieGrey),
        expect: decided('not_verified'),
      },
      { name: 'no face', images: pair(cardA, catImage), expect: retake(null, 'no_face') },
      { name: 'two faces', images: pair(cardA, twoFaces), expect: retake(null, 'multiple_faces') },
      {
        name: 'an occluded face',
        images: pair(cardA, selfieDark),
        expect: retake(null, 'face_occluded'),
      },
    ],
  },
  {
    name: 'incode',
    mount: '/incode',
    firstRequestBillable: true,
    create: (baseUrl, o) =>
      createIncodeProvider({
        client: {
          ...NET,
          baseUrl,
          timeoutMs: o.timeoutMs ?? NET.timeoutMs,
          apiKey: o.badCredentials ? 'not-a-key' : SANDBOX_INCODE.apiKey,
        },
      }),
    failures: [
      { name: 'a different person', images: pair(cardA, selfieBColour), expect: decided('not_verified') },
      {
        name: 'a printed photo (spoof)',
        images: pair(cardA, selfieGrey),
        expect: retake('selfie', 'spoof_suspected'),
      },
      { name: 'no face (4019)', images: pair(cardA, catImage), expect: retake('selfie', 'center_face') },
      {
        name: 'two faces (4010)',
        images: pair(cardA, twoFaces),
        expect: retake('selfie', 'only_one_person'),
      },
      { name: 'a dark selfie', images: pair(cardA, selfieDark), expect: retake('selfie', 'too_dark') },
      { name: 'no card', images: pair(blankImage, selfieA), expect: retake('id_card', 'id_not_recognised') },
    ],
  },
  {
    name: 'faceverify',
    mount: '/faceverify',
    firstRequestBillable: false,
    create: (baseUrl, o) =>
      createFaceverifyProvider({
        client: {
          ...NET,
          baseUrl,
          timeoutMs: o.timeoutMs ?? NET.timeoutMs,
          credentials: o.badCredentials
            ? { clientId: 'unknown-client', secretKey: 'wrong' }
            : { ...SANDBOX_FACEVERIFY },
        },
        display: 'window',
      }),
    customer: async (rec, selfie) => {
      const url = await hostedUrl(rec);
      const answer = await fetch(`${url}/result`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ image: selfie.toString('base64') }),
      });
      expect(answer.status).toBe(200);
    },
    failures: [
      {
        name: 'a printed photo (liveness)',
        images: pair(cardA, selfieGrey),
        expect: decided('not_verified'),
      },
      { name: 'no face', images: pair(cardA, catImage), expect: decided('not_verified') },
    ],
  },
];

/** The link the provider handed to the customer (display 'window' with no opener: the page opens it). */
async function hostedUrl(rec: RecordingContext): Promise<string> {
  const until = Date.now() + 15_000;
  for (;;) {
    const shown = rec.actions.find((action) => action?.url);
    if (shown?.url) return shown.url;
    if (Date.now() > until) throw new Error('the provider never handed the customer a link');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function verify(driver: Driver, baseUrl: string, images: Images, options: Options = {}) {
  const rec = recordingContext(images, { recordId: `CONTRACT${driver.name.toUpperCase()}${Date.now()}` });
  const run = driver.create(baseUrl, options).verify(rec.ctx);
  const customer = driver.customer && !options.badCredentials ? driver.customer(rec, images.selfie) : null;
  const [result] = await Promise.all([run, customer]);
  return { result, rec };
}

async function refusal(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

let sandbox: Sandbox;
let proxy: FaultProxy;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, jobDurationMs: 50, incode: { stepDelayMs: 50 } });
  proxy = await startFaultProxy(sandbox.url);
});

afterAll(async () => {
  await proxy?.close();
  await sandbox?.close();
});

describe.each(drivers)('the $name adapter', (driver) => {
  const direct = () => `${sandbox.url}${driver.mount}`;
  const viaProxy = () => `${proxy.url}${driver.mount}`;

  it('verifies the same person: one outcome shape, the raw answer kept, its steps saved', async () => {
    const { result, rec } = await verify(driver, direct(), await pair(cardA, selfieA)());
    expect(result.kind).toBe('decided');
    if (result.kind !== 'decided') return;
    expect(OutcomeSchema.parse(result.outcome)).toEqual(result.outcome);
    expect(result.outcome).toMatchObject({ decision: 'verified', live: true });
    expect(result.raw).not.toBeNull();
    expect(rec.saves.length).toBeGreaterThan(0);
    const fractions = rec.progress.map(([, fraction]) => fraction);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });

  it.each(driver.failures)('answers $name as documented', async (scenario) => {
    const { result } = await verify(driver, direct(), await scenario.images());
    scenario.expect(result);
  });

  it('reports bad credentials as provider_auth, without the credentials in the message', async () => {
    const error = await refusal(
      verify(driver, direct(), await pair(cardA, selfieA)(), { badCredentials: true }),
    );
    expect(error.code).toBe('provider_auth');
    expect(error.message).not.toMatch(/NOTAKEY|not-a-key|unknown-client|wrong/);
  });

  it('keeps the record for later when the provider answers 5xx, after bounded retries', async () => {
    proxy.clear();
    proxy.seen.length = 0;
    proxy.fail(/.*/, { kind: 'status', status: 503 });
    try {
      const error = await refusal(verify(driver, viaProxy(), await pair(cardA, selfieA)()));
      expect(error.code).toBe('provider_unavailable');
      // One request and its bounded retries; a billable one is left to the sync engine's next attempt.
      expect(new Set(proxy.seen).size).toBe(1);
      expect(proxy.seen).toHaveLength(driver.firstRequestBillable ? 1 : 1 + NET.retries);
    } finally {
      proxy.clear();
    }
  });

  it('keeps the record for later when the provider does not answer in time', async () => {
    proxy.clear();
    proxy.seen.length = 0;
    proxy.fail(/.*/, { kind: 'hang' });
    const started = Date.now();
    try {
      const error = await refusal(
        verify(driver, viaProxy(), await pair(cardA, selfieA)(), { timeoutMs: 300 }),
      );
      expect(error.code).toBe('provider_unavailable');
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(proxy.seen.length).toBeLessThanOrEqual(4);
    } finally {
      proxy.clear();
    }
  });
});
