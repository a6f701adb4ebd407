// The app's data router. Hash routing, because the app is served from Tauri's custom
// protocol where only index.html exists.
import { createHashRouter } from "react-router";
import { routes } from "./routes";

export const router = createHashRouter(routes);
