// The Worker's entry: the app around the manifest the build generated.

import { manifest } from "../generated/manifest.ts";
import { createApp } from "./app.ts";

export default createApp(manifest);
