/** The i18n key of the compass direction (8 points) of an azimuth in degrees clockwise from north. */
const KEYS = ['dirN', 'dirNE', 'dirE', 'dirSE', 'dirS', 'dirSW', 'dirW', 'dirNW'] as const;

export function compassKey(azimuth: number): (typeof KEYS)[number] {
  return KEYS[Math.round((((azimuth % 360) + 360) % 360) / 45) % 8]!;
}
