import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { startMosquitto } from '../../services/mosquitto.ts';

describe("Debian's mosquitto on loopback", () => {
  it('starts, carries a message over WebSocket from publisher to subscriber, and stops', async () => {
    const broker = await startMosquitto();
    const subscriber = await mqtt.connectAsync(broker.wsUrl, { clientId: 'twin-test-sub', reconnectPeriod: 0 });
    const publisher = await mqtt.connectAsync(broker.wsUrl, { clientId: 'twin-test-pub', reconnectPeriod: 0 });
    try {
      await subscriber.subscribeAsync('arena/sensors/+/temperature', { qos: 1 });
      const received = new Promise<{ topic: string; payload: string }>((resolve) => {
        subscriber.on('message', (topic, payload) => resolve({ topic, payload: payload.toString() }));
      });
      await publisher.publishAsync('arena/sensors/library/temperature', JSON.stringify({ celsius: 21.5 }), { qos: 1 });
      expect(await received).toEqual({ topic: 'arena/sensors/library/temperature', payload: '{"celsius":21.5}' });
    } finally {
      await Promise.all([subscriber.endAsync(), publisher.endAsync()]);
      await broker.stop();
    }
    // stopped: nobody listens any more
    const again = mqtt.connect(broker.wsUrl, { reconnectPeriod: 0, connectTimeout: 2000 });
    const error = await new Promise<Error>((resolve) => again.once('error', resolve));
    again.end(true);
    expect(error.message).toMatch(/ECONNREFUSED|connect/);
  });
});
