import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PassThrough, Writable, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { OperationIO, OperationRequest } from './cli-operations.ts';

/**
 * The server's owner-only channel for the operator's commands: a Unix domain socket in the embedded database's data
 * directory, created with mode 0600 by the running server and removed when it stops. Whoever may write to it is the
 * account that owns the installation (the operating system checks it), so the channel needs no password.
 *
 * Protocol, one command per connection: the client sends one JSON line (the parsed command), then standard input's
 * bytes (for `import -`) and ends its side. The server answers JSON lines: {"o": base64} bytes of the command's output,
 * {"e": text} a line for standard error, {"p": text} a line for standard output, and last {"x": exit code}.
 */

const CHANNEL_FILE = 'clock.sock';
export const channelPath = (dataDir: string) => path.join(dataDir, CHANNEL_FILE);
/** Linux and macOS refuse longer socket paths (sun_path is 108 and 104 bytes). */
const MAX_SOCKET_PATH = 103;

export interface ChannelRequest extends OperationRequest {
  v: 1;
  operator: string;
}
export type ChannelHandler = (req: ChannelRequest, io: OperationIO) => Promise<number>;

export interface AdminChannel {
  path: string;
  close(): Promise<void>;
}

/** Opens the channel; null (with the reason logged) when the path is too long for a socket. */
export async function openAdminChannel(
  dataDir: string,
  handler: ChannelHandler,
  log: (m: string) => void,
): Promise<AdminChannel | null> {
  const file = channelPath(dataDir);
  if (Buffer.byteLength(file) > MAX_SOCKET_PATH) {
    log(
      `The command channel is off: ${file} is too long for a socket; stop the server to run clock commands on this data directory.`,
    );
    return null;
  }
  // The caller holds the data directory's lock, so a socket file left here belongs to a process that died.
  fs.rmSync(file, { force: true });
  const sockets = new Set<net.Socket>();
  // Half-open: the client ends its side after the command (and its input); the answer still flows back.
  const server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, handler).catch((e: unknown) => log(`command channel: ${(e as Error).message}`));
  });
  // Created owner-only from the first instant: the process's umask is narrowed around bind(), which happens inside listen().
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } finally {
    process.umask(umask);
  }
  fs.chmodSync(file, 0o600);
  let closing: Promise<void> | null = null;
  return {
    path: file,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }).finally(() => fs.rmSync(file, { force: true }))),
  };
}

async function serveConnection(socket: net.Socket, handler: ChannelHandler): Promise<void> {
  // A client that goes away mid-answer ends its command's output, never the server.
  socket.on('error', () => socket.destroy());
  const send = (msg: object) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(msg)}\n`);
  };
  const input = new PassThrough();
  let header: ChannelRequest;
  try {
    header = await readHeader(socket, input);
  } catch (e) {
    send({ e: `The command could not be read: ${(e as Error).message}` });
    send({ x: 2 });
    socket.end();
    return;
  }
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (socket.destroyed) return done(new Error('the client went away'));
      socket.write(`${JSON.stringify({ o: Buffer.from(chunk).toString('base64') })}\n`, () => done());
    },
  });
  const io: OperationIO = {
    input: header.command === 'import' ? input : null,
    out,
    print: (line) => send({ p: line }),
    warn: (line) => send({ e: line }),
  };
  const code = await handler(header, io);
  // Everything the command wrote reaches the client before its exit code.
  if (!out.writableEnded) out.end();
  await finished(out).catch(() => {});
  send({ x: code });
  socket.end();
}

/** Reads the first line (the command) and passes every later byte to `rest`. */
function readHeader(socket: net.Socket, rest: PassThrough): Promise<ChannelRequest> {
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const nl = buffered.indexOf(10);
      if (nl < 0) {
        if (buffered.length > 1_000_000) fail(new Error('the command line is too long'));
        return;
      }
      socket.off('data', onData);
      socket.off('end', onEnd);
      let header: ChannelRequest;
      try {
        header = JSON.parse(buffered.subarray(0, nl).toString('utf8')) as ChannelRequest;
        if (header.v !== 1 || typeof header.command !== 'string') throw new Error('unknown protocol version');
      } catch (e) {
        return fail(e as Error);
      }
      rest.write(buffered.subarray(nl + 1));
      socket.pipe(rest);
      resolve(header);
    };
    const onEnd = () => fail(new Error('the connection ended before the command'));
    const fail = (e: Error) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      reject(e);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
  });
}

/**
 * Sends a command to the server listening on the channel and relays its answer. Resolves null when no server listens
 * there (no socket, or one left by a process that stopped): the caller then opens the database itself.
 */
export function sendToServer(
  file: string,
  req: ChannelRequest,
  input: Readable | null,
  sink: { out: Writable; print(line: string): void; warn(line: string): void },
): Promise<number | null> {
  if (!fs.existsSync(file)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(file);
    let connected = false;
    let exit: number | null = null;
    let pending = '';
    let writing = Promise.resolve();
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(req)}\n`);
      if (input) input.pipe(socket);
      else socket.end();
    });
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n')) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        const msg = JSON.parse(line) as { o?: string; p?: string; e?: string; x?: number };
        if (msg.o !== undefined) {
          const bytes = Buffer.from(msg.o, 'base64');
          if (!sink.out.write(bytes)) {
            socket.pause();
            writing = new Promise((r) =>
              sink.out.once('drain', () => {
                socket.resume();
                r();
              }),
            );
          }
        }
        if (msg.p !== undefined) sink.print(msg.p);
        if (msg.e !== undefined) sink.warn(msg.e);
        if (msg.x !== undefined) exit = msg.x;
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (!connected && (e.code === 'ECONNREFUSED' || e.code === 'ENOENT')) resolve(null);
      else reject(new Error(`The running server's command channel failed: ${e.message}`));
    });
    socket.on('close', () => {
      if (!connected) return;
      void writing.then(() => {
        if (exit === null) reject(new Error('The running server ended the command without an answer; see its log.'));
        else resolve(exit);
      });
    });
  });
}
