/**
 * The V8 flags production runs with (`npm start`, the Dockerfile). Loading the YAML at start
 * grows V8's young generation to 16 MB semi-spaces, which it keeps as RSS; a chat bot's steady
 * allocation rate does not need them. 2 MB semi-spaces save about 30 MB RSS with no change in
 * latency, so the suites run with the same flag to measure what production runs.
 */
export const PRODUCTION_NODE_FLAGS = ['--max-semi-space-size=2'];
