import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Measurements against the same stack as the browser tests, run on demand only.
export default defineConfig({ ...base, testMatch: '**/*.measure.ts', reporter: [['list']] });
