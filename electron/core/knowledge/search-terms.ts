/**
 * Terms picked from free text (the title and description of an incident as it
 * is typed) to find related articles.
 *
 * Chinese is written without spaces, and ICU's word breaker (Intl.Segmenter
 * in Node 20) cuts fault vocabulary badly: 交换机 → 交换|机, 机房 → 机|房,
 * 服务器 → 服务|器. So every run of Han characters becomes its overlapping
 * pairs (核心交换机 → 核心 心交 交换 换机), the usual bigram approach of CJK
 * search: a real word always yields its pairs, and stray pairs such as 心交
 * match almost nothing and weigh little once ranked. Latin words (STP,
 * spanning, S5720, 10.1.1.1) are kept whole, lower-cased, common English
 * words dropped and long ones cut to a stem so "flapping" also finds
 * "flapped".
 */

/** Bounds the work per keystroke: a pasted log must not turn into hundreds of index lookups. */
export const MAX_PAIRS = 48;
export const MAX_WORDS = 24;

/** Pairs that say nothing about the fault. */
const STOP_PAIRS = new Set([
  '一个', '一下', '我们', '他们', '你们', '没有', '可以', '进行', '出现', '需要', '发现', '已经', '时候', '什么', '因为', '所以',
  '但是', '如果', '这个', '那个', '然后', '现在', '目前', '还是', '就是', '不是', '是否', '一直', '之后', '之前', '以后', '以及',
]);

const STOP_WORDS = new Set([
  'the', 'and', 'for', 'with', 'that', 'this', 'from', 'was', 'were', 'are', 'has', 'have', 'had', 'not', 'but', 'can', 'cannot',
  'will', 'would', 'could', 'should', 'into', 'onto', 'after', 'before', 'when', 'then', 'than', 'there', 'their', 'they', 'them',
  'our', 'out', 'all', 'any', 'some', 'also', 'again', 'been', 'being', 'does', 'did', 'its', 'which', 'what', 'who', 'how', 'why',
  'very', 'just', 'now', 'yet', 'via', 'per', 'about', 'over', 'under', 'while', 'still',
]);

export interface SuggestTerms {
  /** Two Han characters each. */
  pairs: string[];
  /** Latin letters and digits, three characters or more. */
  words: string[];
}

const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?/g;

export function suggestTerms(text: string): SuggestTerms {
  // NFKC folds full-width letters and digits (ＳＴＰ, ２号) into ASCII.
  const normal = text.normalize('NFKC').toLowerCase();

  const pairs = new Set<string>();
  for (const [run] of normal.matchAll(HAN_RUN)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length && pairs.size < MAX_PAIRS; i++) {
      const pair = `${chars[i]}${chars[i + 1]}`;
      if (!STOP_PAIRS.has(pair)) pairs.add(pair);
    }
  }

  const words = new Set<string>();
  for (const [word] of normal.matchAll(LATIN_WORD)) {
    if (words.size >= MAX_WORDS) break;
    if (word.length < 3 || STOP_WORDS.has(word)) continue;
    words.add(stem(word));
  }
  return { pairs: [...pairs], words: [...words] };
}

/** A crude English stem, enough for substring search: the stem is a prefix of every form. */
function stem(word: string): string {
  if (word.length < 6 || /\d/.test(word)) return word;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

/** The words of a search box: separated by white space, each matched as a substring. */
export function queryTerms(query: string): string[] {
  return [...new Set(query.normalize('NFKC').split(/\s+/).filter(Boolean))];
}
