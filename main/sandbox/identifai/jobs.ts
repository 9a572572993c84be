// IdentifAI jobs. The analysis starts at once, but a job reads "on going" until `durationMs` has passed on the
// sandbox clock (and until the analysis has finished), so clients really have to poll. While the fault switch
// `stuck` is set (PUT /_sandbox/faults {"stuckJobs":true}), every job reads "on going", whatever its age.
import type { Clock } from '../../lib/clock';
import type { AnalyticOutcome } from './analytics';
import type { AnalyticType } from './catalogue';

export interface IdentifaiJob {
  id: string;
  slug: string;
  type: AnalyticType;
  clientRef: string | null;
  createdAt: number;
  /** Set when the analysis has finished. */
  outcome: AnalyticOutcome | null;
  finished: Promise<AnalyticOutcome>;
}

export type JobView = { status: 'on going' } | AnalyticOutcome;

export class IdentifaiJobStore {
  private readonly jobs = new Map<string, IdentifaiJob>();

  constructor(
    private readonly clock: Clock,
    private readonly durationMs: number,
    private readonly faults: { readonly stuck: boolean } = { stuck: false },
  ) {}

  create(
    fields: { id: string; slug: string; type: AnalyticType; clientRef: string | null },
    run: () => Promise<AnalyticOutcome>,
  ): IdentifaiJob {
    const job: IdentifaiJob = { ...fields, createdAt: this.clock.now(), outcome: null, finished: run() };
    void job.finished.then((outcome) => {
      job.outcome = outcome;
    });
    this.jobs.set(job.id, job);
    return job;
  }

  get(id: string): IdentifaiJob | undefined {
    return this.jobs.get(id);
  }

  view(job: IdentifaiJob): JobView {
    if (this.faults.stuck) return { status: 'on going' };
    if (!job.outcome || this.clock.now() < job.createdAt + this.durationMs) return { status: 'on going' };
    return job.outcome;
  }
}
