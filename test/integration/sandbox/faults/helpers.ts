// Shared by the fault tests: the /_sandbox/faults switches over HTTP, the job registry, and a free port.
import type { FaultSnapshot } from '../../../../main/sandbox/faults/injector';
import type { FaultPolicyInput } from '../../../../main/sandbox/faults/policy';
import type { SandboxJobEntry } from '../../../../main/sandbox/registry';

export async function getFaults(url: string): Promise<FaultSnapshot> {
  return (await (await fetch(`${url}/_sandbox/faults`)).json()) as FaultSnapshot;
}

export async function putFaults(url: string, policy: FaultPolicyInput): Promise<FaultSnapshot> {
  const res = await fetch(`${url}/_sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(policy),
  });
  if (res.status !== 200) throw new Error(`PUT /_sandbox/faults: ${res.status} ${await res.text()}`);
  return (await res.json()) as FaultSnapshot;
}

export async function clearFaults(url: string): Promise<FaultSnapshot> {
  return (await (await fetch(`${url}/_sandbox/faults`, { method: 'DELETE' })).json()) as FaultSnapshot;
}

export async function jobs(url: string): Promise<SandboxJobEntry[]> {
  return ((await (await fetch(`${url}/_sandbox/jobs`)).json()) as { jobs: SandboxJobEntry[] }).jobs;
}

export { freePort } from '../../../support/free-port';
