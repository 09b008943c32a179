/** Standing eye height of a typical user above the floor, metres (the emulated headset's, too). */
export const EYE_HEIGHT = 1.6;
