// Request-body checks for the analytics endpoints. Anything the documents state as a rule (data-URI JPEG,
// image count and order, per-image size, client_ref format, thresholds in 0..1) is enforced here and answered
// with 400 `bad-request`, listing every problem at once.
import { z } from 'zod';
import { type DecodedImage, UndecodableImageError, decodeImage } from '../faces/image';
import type { AnalyticSpec } from './catalogue';

const DATA_URI_PREFIX = 'data:image/jpeg;base64,';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const Threshold = z.number().min(0).max(1);

const BodySchema = z.object({
  images: z.array(z.string()),
  additional_params: z
    .object({
      similarity_threshold: Threshold.optional(),
      liveness_threshold: Threshold.optional(),
      auto_orientation: z.boolean().optional(),
      get_main_face: z.boolean().optional(),
    })
    .optional(),
  client_ref: z
    .string()
    .regex(/^[A-Za-z0-9]{6,128}$/, 'client_ref must be 6 to 128 letters or digits')
    .optional(),
});

export interface ValidRequest {
  images: Array<{ bytes: Buffer; decoded: DecodedImage }>;
  similarityThreshold: number;
  livenessThreshold: number;
  clientRef: string | null;
}

export const DEFAULT_SIMILARITY_THRESHOLD = 0.7;
export const DEFAULT_LIVENESS_THRESHOLD = 0.6;

export async function validateAnalyticRequest(
  body: unknown,
  slug: string,
  spec: AnalyticSpec,
): Promise<{ ok: true; value: ValidRequest } | { ok: false; errors: string[] }> {
  const parsed = BodySchema.safeParse(body);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`),
    };
  }
  const { images, additional_params: params, client_ref } = parsed.data;
  const errors: string[] = [];
  if (images.length !== spec.imageCount) {
    errors.push(
      spec.type === 'FACE_MATCH_LIVENESS'
        ? `images: ${slug} needs exactly 2 images, the KTP first and then the selfie`
        : `images: ${slug} needs exactly ${spec.imageCount} image${spec.imageCount === 1 ? '' : 's'}`,
    );
  }
  const bytes: Buffer[] = [];
  images.forEach((uri, i) => {
    if (!uri.startsWith(DATA_URI_PREFIX)) {
      errors.push(`images.${i}: must follow the data URI scheme "${DATA_URI_PREFIX}…"`);
      return;
    }
    const payload = uri.slice(DATA_URI_PREFIX.length);
    if (!BASE64.test(payload)) {
      errors.push(`images.${i}: is not valid base64`);
      return;
    }
    const buf = Buffer.from(payload, 'base64');
    if (buf.length > spec.maxImageBytes) {
      errors.push(`images.${i}: exceeds the maximum size of ${formatBytes(spec.maxImageBytes)} for ${slug}`);
      return;
    }
    if (buf.length < 3 || buf[0] !== 0xff || buf[1] !== 0xd8 || buf[2] !== 0xff) {
      errors.push(`images.${i}: is not a JPEG image`);
      return;
    }
    bytes[i] = buf;
  });
  if (errors.length > 0) return { ok: false, errors };

  const decoded: ValidRequest['images'] = [];
  for (const [i, buf] of bytes.entries()) {
    try {
      decoded.push({ bytes: buf, decoded: await decodeImage(buf) });
    } catch (error) {
      if (!(error instanceof UndecodableImageError)) throw error;
      errors.push(`images.${i}: cannot be decoded as a JPEG image`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      images: decoded,
      similarityThreshold: params?.similarity_threshold ?? DEFAULT_SIMILARITY_THRESHOLD,
      livenessThreshold: params?.liveness_threshold ?? DEFAULT_LIVENESS_THRESHOLD,
      clientRef: client_ref ?? null,
    },
  };
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
