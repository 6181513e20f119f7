import type { Viewer } from '#lib/server/viewer.ts';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in person, looked up once per request by hooks.server.ts. */
      viewer: Viewer | null;
    }
  }
}

export {};
