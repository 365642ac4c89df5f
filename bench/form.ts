// Form responsiveness: time from a keystroke to the rendered validation message on the full create
// virtual gateway form (every optional section enabled), against the floor form (a bare Cloudscape
// form whose Port field validates with useState). Measured inside the page: a keydown listener stamps
// the time, a MutationObserver stamps the moment the error text changes.
import type { Page } from '@playwright/test';
import { launchBrowser, serveFloor } from './lib/browser';
import { startBff } from './lib/server';
import { fmt, median, percentile, printTable, ratio } from './lib/stats';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 40);
const MESH = process.env.BENCH_MESH ?? 'demo-mesh';

async function keystrokeToMessage(page: Page): Promise<number[]> {
  const port = page.getByLabel('Port', { exact: true }).first();
  await port.fill('');
  await port.blur(); // first validation on blur; from now on the field revalidates on each key
  // A string, not a function: tsx's name-keeping helper would not exist inside the page.
  await page.evaluate(`(() => {
    window.__samples = [];
    window.__keyAt = 0;
    document.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, true);
    const text = () => Array.from(document.querySelectorAll('[id*="error"], [class*="error"]'))
      .map((e) => e.textContent).join('|');
    let last = text();
    new MutationObserver(() => {
      const now = text();
      if (now !== last && window.__keyAt > 0) {
        window.__samples.push(performance.now() - window.__keyAt);
        window.__keyAt = 0;
      }
      last = now;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  await port.focus();
  // Alternate a valid and an invalid value, so every keystroke changes the message.
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(i % 2 === 0 ? '8' : 'Backspace');
    await page.waitForTimeout(30);
  }
  return page.evaluate('window.__samples') as Promise<number[]>;
}

const floor = await serveFloor();
const bff = await startBff();
const browser = await launchBrowser();
try {
  const app = await browser.newPage();
  await app.goto(`${bff.url}/meshes/${MESH}/virtual-gateways/create`);
  await app.getByLabel('Virtual gateway name').waitFor({ state: 'visible' });
  for (const label of ['Enable connection pool', 'Enable health check', 'Enable TLS termination']) {
    const box = app.getByLabel(label);
    if ((await box.count()) > 0 && !(await box.first().isChecked())) await box.first().check();
  }
  const appSamples = await keystrokeToMessage(app);

  const bare = await browser.newPage();
  await bare.goto(`${floor.url}/form.html`);
  await bare.getByLabel('Virtual gateway name').waitFor({ state: 'visible' });
  const floorSamples = await keystrokeToMessage(bare);

  printTable(
    `Create form: keystroke to rendered validation message (${KEYSTROKES} keystrokes on Port)`,
    ['form', 'samples', 'median ms', 'p99 ms', 'ratio to floor'],
    [
      [
        'meshconsole (all sections on)',
        String(appSamples.length),
        fmt(median(appSamples), 2),
        fmt(percentile(appSamples, 99), 2),
        ratio(median(appSamples), median(floorSamples)),
      ],
      [
        'floor (bare Cloudscape form)',
        String(floorSamples.length),
        fmt(median(floorSamples), 2),
        fmt(percentile(floorSamples, 99), 2),
        '1.00x',
      ],
    ],
  );
} finally {
  await browser.close();
  await bff.stop();
  await floor.close();
}
