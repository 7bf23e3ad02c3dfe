import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FpingProbeLines, parseFpingOutput, parseSystemPingOutput } from './ping';

describe('parseFpingOutput (fping -C N -q, stderr)', () => {
  it('reads RTTs per address, - for a lost request, and keeps the first of duplicates', () => {
    const text = ['10.77.0.11 : 0.05 0.04 0.06', '10.77.0.10 : - - -', 'fe80::1%eth0 : 1.20 - 0.90', '10.77.0.11 : 9 9 9', 'nosuch.example: Name or service not known', ''].join('\n');
    const parsed = parseFpingOutput(text);
    expect(parsed.get('10.77.0.11')).toEqual([0.05, 0.04, 0.06]);
    expect(parsed.get('10.77.0.10')).toEqual([null, null, null]);
    expect(parsed.get('fe80::1%eth0')).toEqual([1.2, null, 0.9]);
    expect(parsed.has('nosuch.example')).toBe(false);
  });

  it('tolerates the padding fping adds to align short addresses', () => {
    expect(parseFpingOutput('::1       : 0.091 0.036\r\n').get('::1')).toEqual([0.091, 0.036]);
  });
});

describe('FpingProbeLines (fping -C N, stdout, as it comes)', () => {
  it('finishes an address once every probe has its line, whatever the order and the chunking', () => {
    const done: [string, (number | null)[]][] = [];
    const lines = new FpingProbeLines(3, (address, rtts) => done.push([address, [...rtts]]));
    lines.push('10.77.0.11 : [0], 64 bytes, 0.226 ms (0.226 avg, 0% loss)\n10.77.0.1  : [0], 64 bytes, 0.05 ms (0.05 avg, 0% loss)\n');
    lines.push('10.77.0.11 : [2], 64 bytes, 0.240 ms (0.233 avg, 0% loss)\n10.77.0.11 : [2], 84 bytes, 0.3 ms (DUP!)\n');
    // Probe 2 answered, probe 1 still waiting for its timeout: not done yet.
    expect(done).toEqual([]);
    lines.push('10.77.0.11 : [1], timed o');
    expect(done).toEqual([]);
    lines.push('ut (0.233 avg, 33% loss)\n10.77.0.10 : [0], timed out (NaN avg, 100% loss)\n');
    expect(done).toEqual([['10.77.0.11', [0.226, null, 0.24]]]);
    lines.push('10.77.0.10 : [1], timed out (NaN avg, 100% loss)\n10.77.0.10 : [2], timed out (NaN avg, 100% loss)\n10.77.0.10 : [2], 64 bytes, 9 ms\n');
    expect(done).toEqual([
      ['10.77.0.11', [0.226, null, 0.24]],
      ['10.77.0.10', [null, null, null]],
    ]);
    // Other output is not a probe.
    lines.push('ICMP Host Unreachable from 10.77.0.1 for ICMP Echo sent to 10.77.0.9\n10.77.0.1 : [7], 64 bytes, 1 ms\n');
    expect(done).toHaveLength(2);
  });
});

describe('parseSystemPingOutput', () => {
  it('Linux iputils', () => {
    const text = [
      'PING 10.77.0.11 (10.77.0.11) 56(84) bytes of data.',
      '64 bytes from 10.77.0.11: icmp_seq=1 ttl=64 time=0.023 ms',
      '64 bytes from 10.77.0.11: icmp_seq=3 ttl=64 time=0.053 ms',
      '',
      '--- 10.77.0.11 ping statistics ---',
      '3 packets transmitted, 2 received, 33.3333% packet loss, time 406ms',
      'rtt min/avg/max/mdev = 0.023/0.038/0.053/0.015 ms',
    ].join('\n');
    expect(parseSystemPingOutput(text, 3)).toEqual({ sent: 3, received: 2, rtts: [0.023, 0.053], rtt: { min: 0.023, avg: 0.038, max: 0.053 }, unresolved: false });
  });

  it('Linux, no answer and an unknown name', () => {
    const silent = ['PING 10.77.0.10 (10.77.0.10) 56(84) bytes of data.', '', '--- 10.77.0.10 ping statistics ---', '2 packets transmitted, 0 received, 100% packet loss, time 1010ms'].join('\n');
    expect(parseSystemPingOutput(silent, 2)).toMatchObject({ sent: 2, received: 0, rtt: null });
    expect(parseSystemPingOutput('ping: nosuch.example: Name or service not known\n', 3)).toMatchObject({ sent: 0, unresolved: true });
    expect(parseSystemPingOutput('ping: nosuch.example: Temporary failure in name resolution\n', 3).unresolved).toBe(true);
  });

  it('macOS', () => {
    const text = [
      'PING 10.0.0.1 (10.0.0.1): 56 data bytes',
      '64 bytes from 10.0.0.1: icmp_seq=0 ttl=64 time=0.045 ms',
      '64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=0.072 ms',
      '',
      '--- 10.0.0.1 ping statistics ---',
      '2 packets transmitted, 2 packets received, 0.0% packet loss',
      'round-trip min/avg/max/stddev = 0.045/0.058/0.072/0.013 ms',
    ].join('\n');
    expect(parseSystemPingOutput(text, 2)).toMatchObject({ sent: 2, received: 2, rtt: { min: 0.045, avg: 0.058, max: 0.072 } });
    expect(parseSystemPingOutput('ping: cannot resolve nosuch.example: Unknown host\n', 2).unresolved).toBe(true);
  });

  it('Windows (English): "Destination host unreachable" is not a reply', () => {
    const text = [
      'Pinging 192.168.1.1 with 32 bytes of data:',
      'Reply from 192.168.1.1: bytes=32 time=1ms TTL=64',
      'Reply from 192.168.1.1: bytes=32 time<1ms TTL=64',
      'Request timed out.',
      'Reply from 192.168.1.10: Destination host unreachable.',
      '',
      'Ping statistics for 192.168.1.1:',
      '    Packets: Sent = 4, Received = 3, Lost = 1 (25% loss),',
      'Approximate round trip times in milli-seconds:',
      '    Minimum = 0ms, Maximum = 1ms, Average = 0ms',
    ].join('\r\n');
    expect(parseSystemPingOutput(text, 4)).toEqual({ sent: 4, received: 2, rtts: [1, 0.5], rtt: null, unresolved: false });
    expect(parseSystemPingOutput('Ping request could not find host nosuch. Please check the name and try again.\r\n', 4).unresolved).toBe(true);
  });

  it('Windows in Chinese, as the bytes of the OEM code page (GBK) arrive read as latin1', () => {
    const chinese = [
      '正在 Ping 192.168.1.1 具有 32 字节的数据:',
      '来自 192.168.1.1 的回复: 字节=32 时间=2ms TTL=64',
      '来自 192.168.1.1 的回复: 字节=32 时间<1ms TTL=64',
      '请求超时。',
      '',
      '192.168.1.1 的 Ping 统计信息:',
      '    数据包: 已发送 = 3，已接收 = 2，丢失 = 1 (33% 丢失)，',
    ].join('\r\n');
    const garbled = iconv.encode(chinese, 'gbk').toString('latin1');
    expect(parseSystemPingOutput(garbled, 3)).toMatchObject({ sent: 3, received: 2, rtts: [2, 0.5] });
    // Read as UTF-8 text (a console set to code page 65001) it parses the same.
    expect(parseSystemPingOutput(chinese, 3)).toMatchObject({ sent: 3, received: 2, rtts: [2, 0.5] });
  });
});
