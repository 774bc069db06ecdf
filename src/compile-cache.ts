import module from 'node:module';

/**
 * Turns on Node's on-disk cache of compiled code (Node 22.1+; a no-op on Node 20), so a restart
 * skips parsing and compiling the bundle. Entry points call it before they import anything
 * else: an ES module's static imports are compiled before its own code runs, so the rest is
 * loaded with a dynamic import() after this. The cache lives in Node's default folder under
 * the temp directory; NODE_COMPILE_CACHE chooses another, NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 */
export function enableCompileCache(): void {
  const enable = (module as { enableCompileCache?: () => unknown }).enableCompileCache;
  try {
    enable?.();
  } catch {
    // A cache that cannot be written (read-only temp) only costs this start its compile time.
  }
}
