/**
 * Debian's mosquitto for a test: an MQTT listener and a WebSocket listener on free loopback
 * ports, anonymous, nothing persisted, its configuration in a temporary folder.
 *
 *   const broker = await startMosquitto();
 *   const client = await mqtt.connectAsync(broker.wsUrl);
 *   …
 *   await broker.stop();
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProgram, freePort, launch, removeDir, tempDir } from './process.ts';

export interface Mosquitto {
  /** mqtt://127.0.0.1:PORT */
  mqttUrl: string;
  /** ws://127.0.0.1:PORT (MQTT over WebSocket, as browsers speak it) */
  wsUrl: string;
  stop(): Promise<void>;
}

export async function startMosquitto(): Promise<Mosquitto> {
  const program = findProgram('mosquitto');
  const dir = tempDir('mosquitto');
  const [mqttPort, wsPort] = [await freePort(), await freePort()];
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(
    config,
    [
      'per_listener_settings false',
      'allow_anonymous true',
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      `listener ${mqttPort} 127.0.0.1`,
      'protocol mqtt',
      `listener ${wsPort} 127.0.0.1`,
      'protocol websockets',
      '',
    ].join('\n'),
  );
  const proc = await launch('mosquitto', program, ['-c', config], dir, [mqttPort, wsPort]);
  return {
    mqttUrl: `mqtt://127.0.0.1:${mqttPort}`,
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    async stop() {
      await proc.stop('SIGTERM');
      removeDir(dir);
    },
  };
}
