import { describe, expect, it } from 'vitest';
import { withoutStackFrames } from '../../../indexer/local-node/launch.ts';
import { lastLines } from '../../../indexer/local-node/run-command.ts';

// Shaped like the end of an Elasticsearch 8 log after a failed boot (abridged).
const FAILED_BOOT_LOG = [
  '[2026-01-01T10:00:00,496][INFO ][o.e.n.Node               ] [pressmon-local-node] starting ...',
  '[2026-01-01T10:00:00,828][ERROR][o.e.b.Elasticsearch      ] [pressmon-local-node] fatal exception while booting Elasticsearch',
  'org.elasticsearch.transport.BindTransportException: Failed to bind to 127.0.0.1:80',
  '\tat org.elasticsearch.server@8.19.21/org.elasticsearch.transport.TcpTransport.bindToPort(TcpTransport.java:499)',
  '\tat org.elasticsearch.server@8.19.21/org.elasticsearch.node.Node.start(Node.java:320)',
  'Caused by: java.net.BindException: Permission denied',
  '\tat java.base/sun.nio.ch.Net.bind0(Native Method)',
  '\t... 12 more',
  '\tSuppressed: java.lang.RuntimeException: Rethrowing promise failure cause',
  '\t\tat io.netty.common@4.1.135.Final/io.netty.util.concurrent.DefaultPromise.rethrowIfFailed(DefaultPromise.java:686)',
  '',
  '[2026-01-01T10:00:00,863][INFO ][o.e.n.Node               ] [pressmon-local-node] closed',
].join('\n');

describe('withoutStackFrames', () => {
  it('keeps the exception and its cause, drops the frames, so a short tail explains the failure', () => {
    const tail = lastLines(withoutStackFrames(FAILED_BOOT_LOG), 4).split('\n');
    expect(tail).toEqual([
      expect.stringContaining('fatal exception while booting'),
      'org.elasticsearch.transport.BindTransportException: Failed to bind to 127.0.0.1:80',
      'Caused by: java.net.BindException: Permission denied',
      expect.stringContaining('closed'),
    ]);
  });
});
