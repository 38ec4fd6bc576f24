/**
 * Node's heap limits for the bot in production (Dockerfile, npm start, bench:http). By default V8 lets
 * the heap grow with the machine's memory long before it collects; these keep a replica under 150 MB
 * RSS after 10,000 questions (`npm run bench:http -- --rss-after 10000`). The index of the shipped
 * knowledge needs about 2 MB, one of 10,000 entries about 50 MB: raise the old-space limit for that.
 */
export const PRODUCTION_NODE_FLAGS = ['--max-old-space-size=80', '--max-semi-space-size=2'] as const;
