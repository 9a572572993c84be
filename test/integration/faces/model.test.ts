// The app's one face model (human: BlazeFace + FaceMesh, faceres descriptors) on the project's fixtures, in
// Node on the WASM backend, models read from the npm package: what the choice of model rests on.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { CardDetector } from '../../../common/capture/card-detector';
import { cropCard } from '../../../common/capture/crop';
import { detectFaces, type FaceInput } from '../../../main/faces/detect';
import { loadFaceModel } from '../../../main/faces/model';
import { descriptorSimilarity } from '../../../main/sandbox/faces/detect';
import { heldCardFrame } from '../../fixtures/capture/held-card';
import { decodeFrame } from '../../fixtures/capture/rgba';
import * as fx from '../../fixtures/images';

async function input(jpeg: Buffer): Promise<FaceInput> {
  const frame = await decodeFrame(jpeg);
  return { width: frame.width, height: frame.height, pixels: frame.data, channels: 4 };
}

const faces = async (jpeg: Buffer) => (await detectFaces(await input(jpeg), { describe: true })).faces;

async function heldCardAndCrop(person: 'A' | 'B') {
  const held = await heldCardFrame({ person, seed: 1 });
  const frame = await decodeFrame(held.jpeg);
  const card = new CardDetector().detect(frame);
  if (card.status !== 'ok') throw new Error(`no card: ${card.status}`);
  const crop = cropCard(frame, card.quad);
  if (!crop) throw new Error('no crop');
  return {
    held,
    crop: await sharp(Buffer.from(crop.data.buffer), {
      raw: { width: crop.width, height: crop.height, channels: 4 },
    })
      .jpeg()
      .toBuffer(),
  };
}

beforeAll(async () => {
  await loadFaceModel();
});

describe('the face model on the fixtures', () => {
  it.each([
    ['selfie of A', fx.selfieA, 1],
    ['selfie of B (a face half hidden by a camera)', fx.selfieBColour, 1],
    ['greyscale selfie', fx.selfieGrey, 1],
    ['dark selfie', fx.selfieDark, 1],
    ['two people', fx.twoFaces, 2],
    ['the KTP of B', () => fx.ktpCard('B'), 1],
    ['the cat', fx.catImage, 0],
    ['a blank frame', fx.blankImage, 0],
  ] as const)('finds %s: %i face(s) at score ≥ 0.5', async (_name, make, count) => {
    const found = await faces(await make());
    expect(found.filter((f) => f.score >= 0.5)).toHaveLength(count);
  });

  it('gives the greyscale selfie no colour and the colour selfie some, and A a frontal pose, B a turned one', async () => {
    const [grey] = await faces(await fx.selfieGrey());
    const [a] = await faces(await fx.selfieA());
    const [b] = await faces(await fx.selfieBColour());
    expect(grey?.saturation).toBeLessThan(0.02);
    expect(a?.saturation).toBeGreaterThan(0.15);
    expect(Math.abs(a?.yaw ?? 99)).toBeLessThan(10);
    expect(Math.abs(b?.yaw ?? 0)).toBeGreaterThan(25);
  });

  it('finds the photo on a realistic card held at 70 % of a 1280×720 frame, in the frame and on the crop', async () => {
    const { held, crop } = await heldCardAndCrop('A');
    const inFrame = await faces(held.jpeg);
    expect(inFrame).toHaveLength(1);
    expect(inFrame[0]?.score).toBeGreaterThanOrEqual(0.5);
    const onCrop = await faces(crop);
    expect(onCrop).toHaveLength(1);
    expect((onCrop[0]?.box.width ?? 0) / 1280).toBeGreaterThan(0.15);
  });

  it('tells the same person from another by the descriptors: card crop of A vs selfies of A and of B', async () => {
    const { crop } = await heldCardAndCrop('A');
    const card = (await faces(crop))[0]?.embedding;
    const selfieA = (await faces(await fx.selfieA()))[0]?.embedding;
    const selfieB = (await faces(await fx.selfieBColour()))[0]?.embedding;
    if (!card || !selfieA || !selfieB) throw new Error('no descriptor');
    expect(descriptorSimilarity(card, selfieA)).toBeGreaterThan(0.75);
    expect(descriptorSimilarity(card, selfieB)).toBeLessThan(0.6);
  });
});
