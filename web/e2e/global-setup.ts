import { startStack, stopStack } from './stack';

/** Starts the stack once for all browser tests; the returned function tears it down. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack();
  // The workers inherit it: the speed measures seed the stack's database directly.
  process.env['E2E_DATABASE'] = stack.database;
  return () => stopStack(stack);
}
