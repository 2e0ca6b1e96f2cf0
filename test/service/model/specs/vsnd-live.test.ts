// vsnd cards (lists of CARD/PCM/STREAM strings) compared with the live oracle (real xl 4.17).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { requireOracle } from '../../../helpers/oracle';
import { parseVsndCard } from '../../../../server/src/service/model/specs';
import { DEFAULT_OPTIONS } from '../../../../server/src/service/options';
import { stderrLines, xlDryrunMany } from './live-oracle';

const CARDS: string[][] = [
  ['card, short-name=C1, long-name=Card one, backend=0, sample-rates=8000;44100, channels-max=2',
    'pcm, name=p0, sample-formats=s16_le;F32_LE', 'stream, unique-id=s0, type=P, buffer-size=0x100', 'stream, unique-id=s1, type=c'],
  ['STREAM, unique-id=x'], ['card, short-name=x'], ['card, id=0'], ['speaker'], ['pcm, sample-formats=float_le'],
  ['stream, type=x'], ['pcm, sample-rates=x;;9'], [], ['card ,x=1'], [''], ['pcm, name=a', 'pcm, name=b', 'stream, unique-id=c'],
  ['stream, id=0, type=p'], ['card, channels-min=1, channels-max=0x2, buffer-size=010'],
];

describe('vsnd cards against live xl', () => {
  const ok = requireOracle('vsnd cards against live xl');
  test(`${CARDS.length} cards`, { skip: !ok }, async () => {
    const texts = CARDS.map((c) => `name = "spec"\ntype = "hvm"\nmemory = 512\nvsnd = [ [ ${c.map((s) => `"${s}"`).join(', ')} ] ]\n`);
    const live = await xlDryrunMany(texts);
    CARDS.forEach((card, i) => {
      const mine = parseVsndCard(card, { guestType: 'hvm', index: 0, options: { ...DEFAULT_OPTIONS, sourceName: `c${i}.cfg` } });
      const real = live[i]!;
      const why = JSON.stringify(card);
      assert.equal(mine.fatal, real.exit_status !== 0, why);
      assert.deepEqual(mine.issues.map((x) => x.message), stderrLines(real), why);
      if (real.exit_status === 0) assert.deepEqual(mine.device, real.config.vsnds[0], why);
    });
  });
});
