#!/usr/bin/env node
// The `aanwezig` command: runs the TypeScript CLI through tsx's loader (no separate build step).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
