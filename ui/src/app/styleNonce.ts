// Makes runtime <style> tags pass the strict CSP. Tauri stamps a per-load nonce onto the
// empty <style id="steward-nonce-carrier"> in index.html and allows it in `style-src`.
// Mantine gets it through MantineProvider's getStyleNonce; the scroll lock that Mantine's
// modals use (react-remove-scroll) gets it through get-nonce's setNonce. The `.nonce`
// property is read because browsers hide the attribute's value once the page has loaded.
import { setNonce } from "get-nonce";

export function getStyleNonce(): string {
  const carrier = document.getElementById("steward-nonce-carrier") as HTMLStyleElement | null;
  // Mantine types this as `() => string`; an empty string means "no nonce" (dev server, tests).
  return carrier?.nonce || "";
}

/** Call once at start-up, before anything renders. */
export function installStyleNonce(): void {
  const nonce = getStyleNonce();
  if (nonce) {
    setNonce(nonce);
  }
}
