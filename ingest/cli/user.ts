// `npm run -s user -- COMMAND …`: manages the archive's accounts from the command line, so an operator can script
// it. Passwords are read from standard input (never from arguments, which other users of the machine can see in
// the process list); tokens are printed once and stored only as digests.
//   add NAME --role läsare|redaktör|admin   (password on stdin)
//   list | remove NAME | token NAME | revoke NAME [--id N]
// Exit codes: 0 done, 1 refused (no such user, name taken, short password), 2 usage errors.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '../store/accounts.ts';
import { openStore } from '../store/sqlite.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { digestOf, newApiToken } from '../../server/auth/secrets.ts';

const USAGE = `usage: npm run -s user -- COMMAND [--db FILE]
  add NAME --role ${ROLES.join('|')}   create a user; the password (at least 10 characters) is read from stdin
  list                               users with their role and active tokens
  remove NAME                        delete a user with their sessions and tokens
  token NAME                         print a new personal API token for NAME (shown once)
  revoke NAME [--id N]               revoke all of NAME's tokens, or the one with id N
`;

const MIN_PASSWORD = 10;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is the end of the line typed or echoed, not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { db: { type: 'string' }, role: { type: 'string' }, id: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
})();
if (values.help || positionals.length === 0) {
  process.stdout.write(USAGE);
  process.exit(values.help ? 0 : 2);
}

const [command, name] = positionals;
const store = openStore(values.db ?? join(process.env.DATA_DIR ?? 'data', 'archive.sqlite'));
const needName = () => name ?? fail(`${command}: name a user\n${USAGE}`, 2);

try {
  switch (command) {
    case 'add': {
      const role = values.role;
      if (!isRole(role)) fail(`add: --role must be one of ${ROLES.join(', ')}`, 2);
      const userName = needName();
      if (await store.accounts.findUser(userName)) fail(`a user named ${userName} already exists`);
      const password = await readStdin();
      if (password.length < MIN_PASSWORD) fail(`the password must have at least ${MIN_PASSWORD} characters`);
      await store.accounts.addUser({ name: userName, role, passwordHash: await hashPassword(password) });
      process.stdout.write(`added ${userName} (${role})\n`);
      break;
    }
    case 'list': {
      const tokens = await store.accounts.listTokens();
      for (const user of await store.accounts.listUsers()) {
        const active = tokens.filter((t) => t.userName === user.name && t.revokedAt === null).length;
        process.stdout.write(`${user.name}\t${user.role}\t${user.createdAt}\t${active} active token(s)${user.oidcSubject ? '\tOIDC' : ''}\n`);
      }
      break;
    }
    case 'remove': {
      const userName = needName();
      if (!(await store.accounts.removeUser(userName))) fail(`no user named ${userName}`);
      process.stdout.write(`removed ${userName}\n`);
      break;
    }
    case 'token': {
      const user = await store.accounts.findUser(needName());
      if (!user) fail(`no user named ${name}`);
      const token = newApiToken();
      const id = await store.accounts.addToken({ userId: user.id, tokenHash: digestOf(token) });
      process.stderr.write(`token ${id} for ${user.name} (${user.role}); it is shown only now:\n`);
      process.stdout.write(`${token}\n`);
      break;
    }
    case 'revoke': {
      const userName = needName();
      if (!(await store.accounts.findUser(userName))) fail(`no user named ${userName}`);
      const mine = (await store.accounts.listTokens(userName)).map((t) => t.id);
      const id = values.id === undefined ? undefined : Number(values.id);
      if (id !== undefined && !mine.includes(id)) fail(`${userName} has no token with id ${values.id}`);
      const revoked = await store.accounts.revokeTokens(id === undefined ? { userName } : { id });
      process.stdout.write(`revoked ${revoked} token(s) of ${userName}\n`);
      break;
    }
    default:
      fail(`unknown command ${command}\n${USAGE}`, 2);
  }
} finally {
  await store.close();
}
