#!/usr/bin/env node
// The installed `journey-scorecard` command: runs the TypeScript CLI through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { runFromProcess } = await import("./main.ts");
runFromProcess();
