import { describe, expect, it } from 'vitest';
import { encodeCommand, parseReply, redisCommand, startRedis } from '../../services/redis.ts';

describe("Debian's redis-server on loopback", () => {
  it('starts, stores and returns a value, and stops', async () => {
    const redis = await startRedis();
    try {
      expect(await redisCommand(redis.port, 'PING')).toBe('PONG');
      expect(await redisCommand(redis.port, 'SET', 'room:arena:presenter', 'Härnösand ✓')).toBe('OK');
      expect(await redisCommand(redis.port, 'GET', 'room:arena:presenter')).toBe('Härnösand ✓');
      expect(await redisCommand(redis.port, 'GET', 'nothing')).toBeNull();
    } finally {
      await redis.stop();
    }
    await expect(redisCommand(redis.port, 'PING')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('RESP', () => {
  it('encodes commands as arrays of bulk strings (byte lengths)', () => {
    expect(encodeCommand(['SET', 'k', 'ö']).toString()).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\nö\r\n');
  });

  it('parses replies, and waits for a whole bulk string', () => {
    expect(parseReply(Buffer.from('+OK\r\n'))).toBe('OK');
    expect(parseReply(Buffer.from(':42\r\n'))).toBe(42);
    expect(parseReply(Buffer.from('$-1\r\n'))).toBeNull();
    expect(parseReply(Buffer.from('$5\r\nhel'))).toBeUndefined();
    expect(parseReply(Buffer.from('$5\r\nhello\r\n'))).toBe('hello');
    expect(parseReply(Buffer.from('-ERR wrong\r\n'))).toEqual(new Error('ERR wrong'));
  });
});
