import { startHarness } from '../utils/harness';
import { loadDemoData } from '../../src/dev/demo-data';

/**
 * The demo `npm start` loads goes through the same rules as everyone (rosters, opening hours,
 * outcomes after the session): a rule that refuses the demo's own story breaks `npm start`.
 */
it('loads the demo towns through the services, once', async () => {
  const h = await startHarness();
  try {
    expect(await loadDemoData(h.rt.services)).toBe(true);
    expect(await loadDemoData(h.rt.services)).toBe(false);
  } finally {
    await h.close();
  }
}, 120_000);
