import { startStack, stopStack } from './stack';

/** Starts the stack once for all browser tests; the returned function tears it down. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack();
  return () => stopStack(stack);
}
