import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { channelPath, openAdminChannel, sendToServer, type ChannelRequest } from './admin-channel.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'clock-chan-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function sink() {
  const chunks: Buffer[] = [];
  const lines: string[] = [];
  const out = new Writable({
    write(c: Buffer, _e, done) {
      chunks.push(Buffer.from(c));
      done();
    },
  });
  return {
    out,
    print: (l: string) => lines.push(`out: ${l}`),
    warn: (l: string) => lines.push(`err: ${l}`),
    bytes: () => Buffer.concat(chunks),
    lines,
  };
}
const request = (command: string): ChannelRequest => ({ v: 1, operator: 'tester', command, values: {} });

describe('the command channel', () => {
  it('is a socket only its owner may open, relays input, output and messages intact, and is removed at close', async () => {
    const dir = path.join(tmp, 'a');
    fs.mkdirSync(dir);
    // Output with multi-byte characters split across many writes must arrive byte for byte.
    const text = 'perché è così — ¿qué? 東京 '.repeat(20_000);
    const channel = await openAdminChannel(
      dir,
      async (req, io) => {
        let input = '';
        if (io.input) for await (const c of io.input) input += c;
        io.print(`got ${req.command} from ${req.operator} with ${input.length} characters`);
        const bytes = Buffer.from(text);
        for (let i = 0; i < bytes.length; i += 1000) io.out.write(bytes.subarray(i, i + 1000));
        io.warn('done');
        return 3;
      },
      () => {},
    );
    expect(channel).not.toBeNull();
    expect(fs.statSync(channelPath(dir)).mode & 0o777).toBe(0o600);
    const s = sink();
    const code = await sendToServer(
      channelPath(dir),
      request('import'),
      Readable.from([Buffer.from('{"format":'), Buffer.from('"clock-bundle/1"}')]),
      s,
    );
    expect(code).toBe(3);
    expect(s.bytes().toString('utf8')).toBe(text);
    expect(s.lines).toEqual(['out: got import from tester with 27 characters', 'err: done']);
    await channel!.close();
    expect(fs.existsSync(channelPath(dir))).toBe(false);
    expect(await sendToServer(channelPath(dir), request('export'), null, sink())).toBeNull();
  });

  it('answers a malformed command with exit code 2 and keeps serving', async () => {
    const dir = path.join(tmp, 'b');
    fs.mkdirSync(dir);
    const channel = (await openAdminChannel(
      dir,
      async () => 0,
      () => {},
    ))!;
    const answer = await new Promise<string>((resolve) => {
      const socket = net.createConnection(channelPath(dir), () => socket.end('this is not json\n'));
      let got = '';
      socket.on('data', (d) => {
        got += d;
      });
      socket.on('close', () => resolve(got));
    });
    expect(
      answer
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([{ e: expect.stringContaining('could not be read') }, { x: 2 }]);
    expect(await sendToServer(channelPath(dir), request('export'), null, sink())).toBe(0);
    await channel.close();
  });

  it('treats a socket left by a stopped server as no server', async () => {
    const dir = path.join(tmp, 'c');
    fs.mkdirSync(dir);
    fs.writeFileSync(channelPath(dir), '');
    expect(await sendToServer(channelPath(dir), request('export'), null, sink())).toBeNull();
  });
});
