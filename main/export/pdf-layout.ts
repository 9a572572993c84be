// The day report's page geometry, fonts and colours: one place, so the summary, the chart and the table
// line up. A4 landscape, because a record's line of the table needs about 150 characters.
import path from 'node:path';

/**
 * The fonts the report embeds, in `dir`: the checkout's assets/fonts by default. A packaged app passes its
 * own (the files shipped as resources), since a bundle has no source tree to find them relative to.
 */
export function fontFiles(dir: string = path.resolve(import.meta.dirname, '../../assets/fonts')) {
  return {
    regular: path.join(dir, 'DejaVuSansCondensed.ttf'),
    bold: path.join(dir, 'DejaVuSansCondensed-Bold.ttf'),
    mono: path.join(dir, 'DejaVuSansMono.ttf'),
  } as const;
}

export const PAGE = { size: 'A4', layout: 'landscape' as const, width: 841.89, height: 595.28 };
export const MARGIN = { top: 36, bottom: 40, left: 36, right: 36 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** The footer sits in the bottom margin. */
export const FOOTER_Y = PAGE.height - 26;

export const TABLE = { fontSize: 7, lineHeight: 10.5 };

export const COLOURS = {
  verified: '#2e7d32',
  not_verified: '#c62828',
  needs_review: '#f9a825',
  undecided: '#9e9e9e',
  axis: '#424242',
  grid: '#e0e0e0',
  text: '#000000',
  muted: '#616161',
} as const;
