// Vite build and dev-server settings for the Steward UI, plus the Vitest setup.
// The Tauri shell loads `dist/` in production and the dev server on port 1420 in development.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Tauri on Linux uses WebKitGTK 2.4x, roughly Safari 15+ in what it supports.
    target: ["es2021", "safari15"],
    sourcemap: false,
    // One bundle loaded from local disk; its size is not a network concern.
    chunkSizeWarningLimit: 1024,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./vitest.setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    mockReset: true,
    // Generous: CI shares two cores with a Rust build.
    testTimeout: 20_000,
  },
});
