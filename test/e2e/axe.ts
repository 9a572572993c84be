// axe-core on the page as it stands: the serious and critical violations, each with the rule, what it asks
// and where, so a failing test says what to fix. With LOKET_SCREENSHOTS=DIR each checked screen is also
// saved there as a PNG, to look at, and every violation of any impact is listed in DIR/axe.txt.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  where: string[];
}

export async function seriousViolations(page: Page, screen: string): Promise<Violation[]> {
  const shots = process.env.LOKET_SCREENSHOTS;
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({
      path: join(shots, `${screen.replace(/[^a-z0-9]+/gi, '-')}.png`),
      fullPage: true,
    });
  }
  const { violations } = await new AxeBuilder({ page }).analyze();
  if (shots) {
    const lines = violations.map(
      (v) => `${screen}\t${v.impact ?? ''}\t${v.id}\t${v.nodes.map((n) => n.target.join(' ')).join(', ')}\n`,
    );
    appendFileSync(join(shots, 'axe.txt'), lines.join(''));
  }
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      where: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}
