// The day report's page geometry, fonts and colours: one place, so the summary, the chart and the table
// line up. A4 landscape, because a record's line of the table needs about 150 characters.
import path from 'node:path';

export const FONTS_DIR = path.resolve(import.meta.dirname, '../../assets/fonts');
export const FONT_FILES = {
  regular: path.join(FONTS_DIR, 'DejaVuSansCondensed.ttf'),
  bold: path.join(FONTS_DIR, 'DejaVuSansCondensed-Bold.ttf'),
  mono: path.join(FONTS_DIR, 'DejaVuSansMono.ttf'),
} as const;

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
