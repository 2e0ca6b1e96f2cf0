// Loaded into the language server by tests (NODE_OPTIONS=--expose-gc --require THIS): on SIGUSR2 it
// collects garbage (twice, a moment apart, so that freed buffers are really released) and writes one
// line `MEMPROBE {json}` to stderr with process.memoryUsage() in MB.
process.on('SIGUSR2', () => {
  global.gc();
  setTimeout(() => {
    global.gc();
    const m = process.memoryUsage();
    const mb = (x) => Math.round(x / 1048576);
    process.stderr.write(`MEMPROBE ${JSON.stringify({ rss: mb(m.rss), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) })}\n`);
  }, 300);
});
