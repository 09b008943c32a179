/// <reference types="vite/client" />

/** The app's version from package.json, injected by Vite. */
declare const __APP_VERSION__: string;
