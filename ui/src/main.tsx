// Entry point: mounts the React app into #root.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { installStyleNonce } from "./app/styleNonce";

installStyleNonce();

const container = document.getElementById("root");
if (!container) {
  throw new Error("Steward: the #root element is missing from index.html");
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
