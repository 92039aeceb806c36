// Brings a fresh checkout to a runnable state, and does nothing when it is
// already there: installs the locked npm packages, generates the Prisma
// clients, and with --test the system packages the tests use (Debian's
// chromium and postgresql). Uses only Node built-ins, since it runs before
// node_modules exists.
import { execFileSync, execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--test');

requireNode(20, 19);
installNpmPackages();
await generateClients();
if (forTests) installSystemPackages(['chromium', 'postgresql']);

function requireNode(major, minor) {
  const [have, haveMinor] = process.versions.node.split('.').map(Number);
  if (have > major || (have === major && haveMinor >= minor)) return;
  fail(
    `Node ${major}.${minor} or newer is needed, this is ${process.versions.node}. Install a current Node.js LTS and run again.`,
  );
}

function installNpmPackages() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  say('Installing npm packages (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  // prisma (the CLI, for `prisma generate`) → @prisma/dev (only for `prisma dev`) → @prisma/streams-local declares Node >= 22.
  if (Number(process.versions.node.split('.')[0]) < 22) {
    say(
      'The EBADENGINE warning about @prisma/streams-local is expected on Node 20: only `prisma dev` loads that package, and this project never runs it.',
    );
  }
}

async function generateClients() {
  const hashFile = join(root, 'core', 'storage', 'generated', '.schema-hash');
  const hash = createHash('sha256')
    .update(readFileSync(join(root, 'prisma', 'schema.prisma')))
    .digest('hex');
  if (existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) return;
  say('Generating the Prisma clients…');
  const { generatePrismaClients } = await import('./generatePrismaClients.mjs');
  generatePrismaClients();
  writeFileSync(hashFile, hash);
}

function installSystemPackages(packages) {
  const missing = packages.filter((name) => !isInstalled(name));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    fail(
      `The tests need the Debian packages ${missing.join(', ')}. Install them with: sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  say(`Installing Debian packages: ${missing.join(', ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

function isInstalled(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).includes(
      'install ok installed',
    );
  } catch {
    return false;
  }
}

function say(line) {
  process.stdout.write(`[setup] ${line}\n`);
}

function fail(line) {
  process.stderr.write(`[setup] ${line}\n`);
  process.exit(1);
}
