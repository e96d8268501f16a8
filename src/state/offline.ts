import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that keeps the app usable offline after one visit (vite.config.ts
 * says what it precaches). `<html data-build>` names the build on screen; `data-offline` becomes
 * `ready` once everything is cached, or `unavailable` where the browser refuses service workers
 * (the app then works online only, as before). A new build's worker takes over and the page
 * reloads into it; the URL hash keeps the view.
 */
export function startOffline(root: HTMLElement = document.documentElement): void {
  root.dataset.build = __JOURNEY_MAP_BUILD__;
  if (!('serviceWorker' in navigator)) {
    root.dataset.offline = 'unavailable';
    return;
  }
  registerSW({
    immediate: true,
    onOfflineReady: () => (root.dataset.offline = 'ready'),
    onRegisteredSW: (_url, registration) => {
      if (registration?.active && !registration.installing) root.dataset.offline = 'ready';
    },
    onRegisterError: () => (root.dataset.offline = 'unavailable'),
  });
}
