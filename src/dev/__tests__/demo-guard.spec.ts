import { demoDataWanted } from '../demo-data';
import { loadConfig } from '../../config/config';

describe('the demo towns', () => {
  it('never load in production, even with DEMO_DATA=true', () => {
    expect(demoDataWanted({ DEMO_DATA: true, isProduction: true })).toBe(false);
  });

  it('load in development unless DEMO_DATA=false', () => {
    const dev = loadConfig({ NODE_ENV: 'development' });
    expect(dev.isProduction).toBe(false);
    expect(demoDataWanted(dev)).toBe(true);
    expect(demoDataWanted(loadConfig({ NODE_ENV: 'development', DEMO_DATA: 'false' }))).toBe(false);
  });
});
