/**
 * Reads the expected-parse files of the recorded fixtures (ntc-templates'
 * `parsed_sample:` YAML). They use one small, regular subset of YAML: a list
 * of flat records whose values are double-quoted strings, `[]`, or lists of
 * double-quoted strings. This reader accepts exactly that and throws on
 * anything else, so a fixture it cannot read fails loudly instead of being
 * half-read. (Why not a YAML library: none is a dependency of the project
 * yet, and this subset is a dozen lines.)
 */
export type PeerValue = string | string[];
export type PeerRecord = Record<string, PeerValue>;

function quoted(text: string, where: string): string {
  const m = /^"((?:[^"\\]|\\.)*)"$/.exec(text.trim());
  if (!m) throw new Error(`${where}: expected a double-quoted string, got ${text}`);
  return (m[1] as string).replace(/\\(["\\/])/g, '$1').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}

export function readPeerYaml(text: string, name = 'yaml'): PeerRecord[] {
  const records: PeerRecord[] = [];
  let record: PeerRecord | null = null;
  let list: string[] | null = null;
  let sawRoot = false;
  text.split(/\r?\n/).forEach((line, index) => {
    const where = `${name}:${index + 1}`;
    if (line.trim() === '' || line.trim() === '---') return;
    if (line === 'parsed_sample:') {
      sawRoot = true;
      return;
    }
    if (line === 'parsed_sample: []') {
      sawRoot = true;
      return;
    }
    if (!sawRoot) throw new Error(`${where}: expected "parsed_sample:" first`);
    let m: RegExpExecArray | null;
    if ((m = /^ {2}- ([a-z0-9_]+):(.*)$/.exec(line))) {
      record = {};
      records.push(record);
    } else if ((m = /^ {4}([a-z0-9_]+):(.*)$/.exec(line))) {
      if (!record) throw new Error(`${where}: field outside a record`);
    } else if ((m = /^ {6}- (.*)$/.exec(line))) {
      if (!list) throw new Error(`${where}: list item outside a list`);
      list.push(quoted(m[1] as string, where));
      return;
    } else {
      throw new Error(`${where}: unsupported YAML: ${line}`);
    }
    const key = m[1] as string;
    const rest = (m[2] as string).trim();
    const target = record as PeerRecord;
    if (key in target) throw new Error(`${where}: duplicate key ${key}`);
    if (rest === '') {
      list = [];
      target[key] = list;
    } else if (rest === '[]') {
      target[key] = [];
      list = null;
    } else {
      target[key] = quoted(rest, where);
      list = null;
    }
  });
  if (!sawRoot) throw new Error(`${name}: no parsed_sample`);
  return records;
}
