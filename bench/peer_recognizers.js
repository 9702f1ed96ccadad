// Peer benchmark: Microsoft Recognizers-Text (npm
// @microsoft/recognizers-text-suite 1.3.1), the closest open-source peer of
// claimex's quantity recognizer. Runs recognizeNumber, recognizePercentage,
// recognizeCurrency and recognizeDimension (culture en-us) over the "text" of
// every JSON Lines document in FILE and prints one JSON object:
//   {"bytes", "seconds", "mb_per_s", "mentions", "docs"}
// Model construction is warmed up outside the timed loop, so the figure is
// steady-state recognition speed, the fairest reading for the peer.
//
// Usage: NODE_PATH=bench/peers/node_modules node bench/peer_recognizers.js FILE
'use strict';
const fs = require('fs');
const R = require('@microsoft/recognizers-text-suite');

const file = process.argv[2];
const docs = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim())
  .map((l) => JSON.parse(l).text || '');
const culture = R.Culture.English;
const fns = [R.recognizeNumber, R.recognizePercentage, R.recognizeCurrency, R.recognizeDimension];

// Warm-up: the first call of each recognizer builds its models.
for (const f of fns) f('There were 3 people, 5 percent, $2 and 10 km.', culture);

let mentions = 0;
let bytes = 0;
const t0 = process.hrtime.bigint();
for (const text of docs) {
  bytes += Buffer.byteLength(text, 'utf8');
  for (const f of fns) mentions += f(text, culture).length;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({
  docs: docs.length, bytes, seconds, mentions, mb_per_s: bytes / 1e6 / seconds,
}));
