// Node's side of scripts/compare-node: the same JSON file parsed the two ways json-parse's
// dynamic decoder is measured, repetition by repetition, interleaved:
//   main    JSON.parse of the file's text on the main thread (json-parse's `main` mode);
//   worker  a worker_threads worker, spawned ahead, gets the text by postMessage (a structured
//           clone), parses it and posts the value back (a structured clone): the text in hand on
//           the main thread to the value usable there (json-parse's `worker` mode).
//
//   node --expose-gc tests/peers/node_json_peer.mjs --input FILE [--repetitions N] [--warmup W]
//
// Prints one JSON object on stdout: the Node and V8 versions, the file's bytes, and every
// repetition's nanoseconds (process.hrtime.bigint, CLOCK_MONOTONIC, one clock for every
// thread). A full garbage collection runs on both threads before each repetition, outside the
// timing: no repetition pays for the garbage of the one before, Node's most favourable case.
// A file or option it cannot use: one line on stderr naming it and the accepted form, exit 2.
import { readFileSync, statSync } from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';

const USAGE =
  'node --expose-gc tests/peers/node_json_peer.mjs --input FILE [--repetitions N] [--warmup W]';

// The worker: parses each text it receives and answers with the value, then with its own
// timestamps as a second message, so the value's message carries nothing else.
function serveParses() {
  parentPort.on('message', (message) => {
    if (message === 'gc') {
      globalThis.gc();
      parentPort.postMessage('collected');
      return;
    }
    const startedNs = Number(process.hrtime.bigint());
    const value = JSON.parse(message);
    const parsedNs = Number(process.hrtime.bigint());
    parentPort.postMessage(value);
    parentPort.postMessage({ startedNs, parsedNs });
  });
}

class UsageError extends Error {}

// One line: control characters escaped, long texts (a JSON.parse message quotes the input)
// shortened.
function oneLine(text, limit = 160) {
  const escaped = String(text).replace(
    /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/gu,
    (c) => `\\u${c.codePointAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > limit ? `${escaped.slice(0, limit)}...` : escaped;
}

function count(name, text, least) {
  if (!/^[0-9]+$/.test(text ?? '') || Number(text) < least || Number(text) > 100000) {
    throw new UsageError(
      `${name} '${oneLine(text ?? '')}': not a whole number from ${least} to 100000; ` +
        `accepted: ${USAGE}`,
    );
  }
  return Number(text);
}

function parseArguments(args) {
  const settings = { input: null, repetitions: 10, warmup: 2 };
  const seen = new Set();
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i], args[i + 1]];
    if (!['--input', '--repetitions', '--warmup'].includes(name)) {
      throw new UsageError(`unknown option '${oneLine(name)}'; accepted: ${USAGE}`);
    }
    if (value === undefined) throw new UsageError(`${name} needs a value; accepted: ${USAGE}`);
    if (seen.has(name)) throw new UsageError(`${name} is given more than once; accepted: ${USAGE}`);
    seen.add(name);
    if (name === '--input') settings.input = value;
    if (name === '--repetitions') settings.repetitions = count(name, value, 1);
    if (name === '--warmup') settings.warmup = count(name, value, 0);
  }
  if (settings.input === null) throw new UsageError(`--input is required; accepted: ${USAGE}`);
  if (typeof globalThis.gc !== 'function') {
    throw new UsageError(`node runs without --expose-gc; accepted: ${USAGE}`);
  }
  return settings;
}

// The file's text, as the app would hold it: strict UTF-8 (a byte order mark is kept, and
// JSON.parse refuses it, as RFC 8259 does), checked to be JSON.
function readText(path) {
  const where = `--input '${oneLine(path)}'`;
  let bytes;
  try {
    if (statSync(path).isDirectory()) {
      throw new UsageError(`${where}: a folder, not a file; accepted: a JSON file`);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const reason = { ENOENT: 'no such file', EACCES: 'not readable (permission denied)' };
    throw new UsageError(
      `${where}: ${reason[error.code] ?? oneLine(error.message)}; accepted: a readable JSON file`,
    );
  }
  if (bytes.length === 0) throw new UsageError(`${where}: empty; accepted: a JSON file`);
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`${where}: not UTF-8 text; accepted: a JSON file in UTF-8`);
  }
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${where}: not JSON (JSON.parse: ${oneLine(error.message)}); accepted: a file holding ` +
        'one JSON document',
    );
  }
  return { text, bytes: bytes.length };
}

// Resolves with the worker's next message.
function nextMessage(worker) {
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      worker.off('error', onError);
      resolve(message);
    };
    const onError = (error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
  });
}

async function collectGarbage(worker) {
  globalThis.gc();
  worker.postMessage('gc');
  await nextMessage(worker);
}

// The value is dropped on return, as the one posted back is: nothing of a repetition outlives it.
function parseOnMain(text) {
  const started = process.hrtime.bigint();
  JSON.parse(text);
  return Number(process.hrtime.bigint() - started);
}

async function parseOnWorker(worker, text) {
  const inHand = process.hrtime.bigint();
  const valueArrives = nextMessage(worker);
  worker.postMessage(text);
  const value = await valueArrives;  // deserialized before the 'message' event is emitted
  const usable = process.hrtime.bigint();
  const { startedNs, parsedNs } = await nextMessage(worker);
  return {
    ns: Number(usable - inHand),
    sendNs: startedNs - Number(inHand),
    parseNs: parsedNs - startedNs,
    returnNs: Number(usable) - parsedNs,
    value,
  };
}

// Once, outside any timing: the value that crossed back is the one JSON.parse gives on main.
async function checkRoundTrip(worker, text) {
  const posted = (await parseOnWorker(worker, text)).value;
  if (JSON.stringify(posted) !== JSON.stringify(JSON.parse(text))) {
    throw new Error('the worker posted back a value other than the one parsed');
  }
}

async function measure() {
  const settings = parseArguments(process.argv.slice(2));
  const { text, bytes } = readText(settings.input);
  const worker = new Worker(new URL(import.meta.url));
  const result = {
    node: process.version,
    v8: process.versions.v8,
    input: settings.input,
    bytes,
    repetitions: settings.repetitions,
    warmup: settings.warmup,
    main_ns: [],
    worker_ns: [],
    worker_send_ns: [],
    worker_parse_ns: [],
    worker_return_ns: [],
  };
  try {
    await checkRoundTrip(worker, text);
    for (let round = 0; round < settings.warmup + settings.repetitions; ++round) {
      await collectGarbage(worker);
      const mainNs = parseOnMain(text);
      await collectGarbage(worker);
      const { ns, sendNs, parseNs, returnNs } = await parseOnWorker(worker, text);
      if (round < settings.warmup) continue;
      result.main_ns.push(mainNs);
      result.worker_ns.push(ns);
      result.worker_send_ns.push(sendNs);
      result.worker_parse_ns.push(parseNs);
      result.worker_return_ns.push(returnNs);
    }
  } finally {
    await worker.terminate();
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (isMainThread) {
  measure().catch((error) => {
    const usage = error instanceof UsageError;
    process.stderr.write(`node_json_peer: ${oneLine(usage ? error.message : error.stack, 400)}\n`);
    process.exitCode = usage ? 2 : 1;
  });
} else {
  serveParses();
}
