// The part of oidc-provider (which ships no types) that the OIDC sign-in test uses.
declare module 'oidc-provider' {
  import type { Server } from 'node:http';
  interface Account {
    accountId: string;
    claims(): Promise<Record<string, unknown>>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    listen(port: number, host: string, callback?: () => void): Server;
    proxy: boolean;
  }
  export type FindAccount = (ctx: unknown, sub: string) => Promise<Account | undefined>;
}
