// `npm start` and the Docker image run this file. It stays tiny: see enableCompileCache.
import { enableCompileCache } from './compile-cache.js';

enableCompileCache();
const { launch } = await import('./launch.js');
await launch();
