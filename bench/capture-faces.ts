// The face models compared on the project's own pictures, in Node (Chromium's WASM timings are the
// renderer's bench): recall for the small face of a card's photo in a 1280×720 frame (40–80 px wide) and on
// the de-warped crop, selfies found, false faces on the cat, and milliseconds per 1280×720 frame.
// A detection matches the true face when its centre lies in the face box grown by 25 % and its width is
// 0.5–2.5× the true width (the models draw boxes of different sizes); counted at score ≥ 0.5.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { cardInCrop, cropCard, CROP_HEIGHT, CROP_WIDTH } from '../common/capture/crop';
import type { Box, RgbaImage } from '../common/capture/types';
import { background, FACELESS_BACKGROUNDS } from '../test/fixtures/capture/backgrounds';
import { heldCardFrame } from '../test/fixtures/capture/held-card';
import { precheckSet } from '../test/fixtures/capture/precheck-set';
import { decodeFrame } from '../test/fixtures/capture/rgba';
import { finish } from '../test/fixtures/capture/scene';
import { cardTexture, type CardDesign } from '../test/fixtures/capture/textures';
import { catImage, KTP_W, type Person } from '../test/fixtures/images';
import { faceModelsUnderTest, type Picture } from './face-models';
import { TUNING_SEED } from './capture-precheck';
import { underLoad } from './load';
import { formatMs, summarize } from './stats';
import type { Row } from './table';

const CONFIDENT = 0.5;
const CARD_FACES = 24;
const SELFIES = 30;

const picture = (frame: RgbaImage): Picture => {
  const rgb = new Uint8Array(frame.width * frame.height * 3);
  for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
    rgb[i] = frame.data[j] ?? 0;
    rgb[i + 1] = frame.data[j + 1] ?? 0;
    rgb[i + 2] = frame.data[j + 2] ?? 0;
  }
  return { width: frame.width, height: frame.height, rgb };
};

function matches(found: Box, truth: Box): boolean {
  const cx = found.x + found.width / 2;
  const cy = found.y + found.height / 2;
  const ratio = found.width / truth.width;
  return (
    cx >= truth.x - 0.25 * truth.width &&
    cx <= truth.x + 1.25 * truth.width &&
    cy >= truth.y - 0.25 * truth.height &&
    cy <= truth.y + 1.25 * truth.height &&
    ratio >= 0.5 &&
    ratio <= 2.5
  );
}

interface Labelled {
  picture: Picture;
  face: Box;
}

/** Cards held far enough that their photo's face is 40–80 px wide in the frame, and their crops. */
async function cardFaces(): Promise<{ frames: Labelled[]; crops: Labelled[] }> {
  const frames: Labelled[] = [];
  const crops: Labelled[] = [];
  for (let i = 0; i < CARD_FACES; i++) {
    const design: CardDesign = i % 2 ? 'realistic' : 'specimen';
    const person: Person = i % 6 === 5 ? 'B' : 'A';
    const texture = await cardTexture(design, person);
    const facePx = 40 + (40 * (i % 12)) / 11;
    const widthFraction = facePx / (texture.face.width / KTP_W) / 1280;
    const background = FACELESS_BACKGROUNDS[i % FACELESS_BACKGROUNDS.length];
    const held = await heldCardFrame({
      design,
      person,
      widthFraction,
      maxTiltDeg: 10,
      seed: 500 + i,
      background,
    });
    const frame = await decodeFrame(held.jpeg);
    frames.push({ picture: picture(frame), face: held.face });
    const crop = cropCard(frame, held.corners);
    if (!crop) continue;
    const card = cardInCrop(CROP_WIDTH, CROP_HEIGHT);
    const k = (card[1].x - card[0].x) / KTP_W;
    const f = texture.face;
    crops.push({
      picture: picture(crop),
      face: { x: card[0].x + f.x * k, y: card[0].y + f.y * k, width: f.width * k, height: f.height * k },
    });
  }
  return { frames, crops };
}

async function selfies(): Promise<Picture[]> {
  const set = await precheckSet(TUNING_SEED);
  const good = set.items.filter((item) => item.category === 'good_selfie').slice(0, SELFIES);
  return Promise.all(
    good.map(async (item) => picture(await decodeFrame(await readFile(join(set.dir, item.file))))),
  );
}

/** The cat: the fixture photo enlarged to a frame, and six frames of the cat behind the camera. */
async function cats(): Promise<Picture[]> {
  const out = [
    picture(
      await decodeFrame(
        await sharp(await catImage())
          .resize(1280, 720)
          .jpeg()
          .toBuffer(),
      ),
    ),
  ];
  for (let seed = 0; seed < 6; seed++) {
    out.push(picture(await decodeFrame(await finish(await background('cat', 700 + seed), { sigma: 0 }, 90))));
  }
  return out;
}

export async function benchCaptureFaces(): Promise<Row[]> {
  const { frames, crops } = await cardFaces();
  const people = await selfies();
  const negatives = await cats();
  const models = await faceModelsUnderTest();
  const rows: Row[] = [];
  for (const model of models) {
    // Warm-up: the first calls compile WASM kernels and allocate.
    const first = frames[0];
    if (first) for (let i = 0; i < 2; i++) await model.detect(first.picture);
    const { value, load } = await underLoad(async () => {
      const ms: number[] = [];
      let inFrame = 0;
      for (const { picture: p, face } of frames) {
        const started = performance.now();
        const found = await model.detect(p);
        ms.push(performance.now() - started);
        if (found.some((d) => d.score >= CONFIDENT && matches(d.box, face))) inFrame++;
      }
      let onCrop = 0;
      for (const { picture: p, face } of crops) {
        if ((await model.detect(p)).some((d) => d.score >= CONFIDENT && matches(d.box, face))) onCrop++;
      }
      let selfiesFound = 0;
      for (const p of people)
        if ((await model.detect(p)).filter((d) => d.score >= CONFIDENT).length === 1) selfiesFound++;
      let falseFaces = 0;
      for (const p of negatives)
        falseFaces += (await model.detect(p)).filter((d) => d.score >= CONFIDENT).length;
      return { ms, inFrame, onCrop, selfiesFound, falseFaces };
    });
    const time = summarize(value.ms);
    rows.push({
      measurement: model.name,
      n: frames.length,
      p50: formatMs(time.p50),
      p99: formatMs(time.p99),
      other: `card face in frame ${value.inFrame}/${frames.length}, on crop ${value.onCrop}/${crops.length}`,
      note: `selfies ${value.selfiesFound}/${people.length}, false faces on ${negatives.length} cat frames ${value.falseFaces}; ${load}`,
    });
  }
  return rows;
}
