/**
 * Builds the benchmark text: the notice's own definitions, varied filler, and the terms spelt the ways pages print
 * them (quotes moved or dropped, full-width letters, white space inside). Seeded, so every run scans the same text.
 */
import { definitionSet } from '../../src/definitions/definition-set.generated';

/** Mulberry32: a tiny seeded PRNG, so the corpus is the same on every machine. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common characters, and words that share characters with the terms (near misses keep the automaton busy).
const COMMON =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';
const NEAR_MISSES = [
  '数字化',
  '社会治理',
  '城市发展',
  '乡村振兴',
  '未来发展',
  '智慧城市',
  '服务平台',
  '健康码',
  '大脑',
  '教育资源',
  '养老服务',
  '救助对象',
  '旅游景区',
  '就业服务',
  '体育场馆',
  '公共服务',
  '浙里',
  '一件事',
  '关键小事',
  '互联网',
  '场景应用',
  '多跨',
  '跨场景',
  '更多跨场景',
  '总对总',
  '一张图',
  '驾驶舱',
  '新服务',
  '智能速办',
  'CIM平台',
];
const PUNCTUATION = '，，，、；：。';
const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['「', '」'],
  ['『', '』'],
  ['"', '"'],
  ['‘', '’'],
];
const SPACES = [' ', '\u00a0', '\u3000', '\u200b', '\n'];

function pick<T>(random: () => number, items: ArrayLike<T>): T {
  return items[Math.floor(random() * items.length)]!;
}

function writeFiller(random: () => number): string {
  let out = '';
  const length = 12 + Math.floor(random() * 40);
  while (out.length < length) {
    const roll = random();
    if (roll < 0.12) out += pick(random, NEAR_MISSES);
    else if (roll < 0.2) out += pick(random, PUNCTUATION);
    else out += pick(random, COMMON);
  }
  return out + '。';
}

/** One spelling of a name as a page may print it. */
function writeVariant(random: () => number, name: string): string {
  const bare = name.replace(/[“”‘’"'「」『』]/g, '');
  const chars = [...bare];
  switch (Math.floor(random() * 6)) {
    case 0:
      return name;
    case 1: {
      // quotes around a middle stretch, as 教育“一张图” or 浙里民生“关键小事”智能速办
      const [open, close] = pick(random, QUOTES);
      const from = Math.floor(random() * chars.length);
      const to = from + 1 + Math.floor(random() * (chars.length - from));
      return (
        chars.slice(0, from).join('') +
        open +
        chars.slice(from, to).join('') +
        close +
        chars.slice(to).join('')
      );
    }
    case 2:
      return bare.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    case 3: {
      const at = 1 + Math.floor(random() * Math.max(1, chars.length - 1));
      return chars.slice(0, at).join('') + pick(random, SPACES) + chars.slice(at).join('');
    }
    case 4:
      return bare.toLowerCase();
    default:
      return bare;
  }
}

/** At least `minLength` UTF-16 code units of Chinese text, the same for the same seed. */
export function buildCorpus(minLength = 1 << 19, seed = 20220412): string {
  const random = createRandom(seed);
  const paragraphs = definitionSet.entries.flatMap((entry) => [...entry.definition, ...entry.notes]);
  const names = definitionSet.entries.flatMap((entry) => [entry.term, ...entry.aliases]);
  const parts: string[] = [];
  let length = 0;
  while (length < minLength) {
    const roll = random();
    let part: string;
    if (roll < 0.3) part = pick(random, paragraphs);
    else if (roll < 0.7) part = writeFiller(random);
    else
      part =
        writeFiller(random).slice(0, -1) + writeVariant(random, pick(random, names)) + writeFiller(random);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}
