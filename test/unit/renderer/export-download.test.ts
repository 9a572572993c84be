// The browser host's export download as the console's page makes it: the per-run key in a header (never
// the URL), the file and its name on success, the host's refusal passed on as the bridge's envelope, and a
// transfer cut off part-way reported, never saved as complete.
import { describe, expect, it } from 'vitest';
import { downloadExport, fileNameOf, type DownloadFetch } from '../../../renderer/bridge/exportDownload';

const REQUEST = { firstDay: '2026-01-05', format: 'csv', includeTraining: false, masked: true } as const;

function recording(respond: () => Response): {
  fetcher: DownloadFetch;
  asked: Array<{ url: string; headers: Record<string, string> }>;
} {
  const asked: Array<{ url: string; headers: Record<string, string> }> = [];
  return {
    asked,
    fetcher: async (url, init) => {
      asked.push({ url, headers: init.headers });
      return respond();
    },
  };
}

describe('downloadExport', () => {
  it('posts the request with the key in its header and returns the file under the name the host gave', async () => {
    const { fetcher, asked } = recording(
      () =>
        new Response('reference,created_at\r\n', {
          status: 200,
          headers: { 'content-disposition': 'attachment; filename="loket-CAB-01-2026-01-05.csv"' },
        }),
    );
    const answer = await downloadExport('http://127.0.0.1:4173', 'per-run-key', REQUEST, fetcher);
    expect(answer.ok && answer.value.fileName).toBe('loket-CAB-01-2026-01-05.csv');
    expect(answer.ok && (await answer.value.file.text())).toBe('reference,created_at\r\n');
    expect(asked).toEqual([
      {
        url: 'http://127.0.0.1:4173/console/export',
        headers: expect.objectContaining({ 'x-loket-key': 'per-run-key' }),
      },
    ]);
  });

  it("passes the host's refusal on as its envelope", async () => {
    const { fetcher } = recording(() =>
      Response.json(
        { ok: false, error: { code: 'reason_required', message: 'needs a reason' } },
        { status: 400 },
      ),
    );
    expect(await downloadExport('http://127.0.0.1:1', 'k', REQUEST, fetcher)).toEqual({
      ok: false,
      error: { code: 'reason_required', message: 'needs a reason' },
    });
  });

  it('reports a transfer the host aborted part-way, and an unreachable host', async () => {
    const aborted = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('reference,'));
        controller.error(new Error('socket hang up'));
      },
    });
    const cut = recording(() => new Response(aborted, { status: 200 }));
    expect(await downloadExport('http://127.0.0.1:1', 'k', REQUEST, cut.fetcher)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    const down: DownloadFetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await downloadExport('http://127.0.0.1:1', 'k', REQUEST, down)).toMatchObject({ ok: false });
  });

  it('takes only a plain file name from Content-Disposition', () => {
    expect(fileNameOf('attachment; filename="loket-K1-2026-01-05.pdf"')).toBe('loket-K1-2026-01-05.pdf');
    expect(fileNameOf('attachment; filename="../../etc/passwd"')).toBe('loket-export');
    expect(fileNameOf(null)).toBe('loket-export');
  });
});
