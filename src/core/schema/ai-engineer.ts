// The AI Engineer deep-dive schema lives in ./ai-engineer/, one file per part of the article set.
export * from './ai-engineer/index.js';
