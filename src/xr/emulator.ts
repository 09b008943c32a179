/**
 * `?emulate=quest3`: installs the iwer WebXR runtime (an emulated Meta Quest 3) before the app
 * starts, so an XR scene can be checked on a laptop and the e2e tests can drive a headset.
 * iwer is imported dynamically here and only here, so it stays out of the initial bundle.
 * Chromium ships a native `navigator.xr` even headless, hence `forceInstall`.
 */
import type { XRDevice } from 'iwer';
import { EYE_HEIGHT } from './eye-height';

export type EmulatedDevice = XRDevice;


export async function installQuest3Emulator(): Promise<XRDevice> {
  const { XRDevice, metaQuest3 } = await import('iwer');
  const device = new XRDevice(metaQuest3);
  device.installRuntime({ forceInstall: true });
  device.position.set(0, EYE_HEIGHT, 0);
  return device;
}
