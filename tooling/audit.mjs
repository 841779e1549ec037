// The dependency audit with the policy stated in CONTRIBUTING.md ("Dependency
// audit"): an advisory of high or critical severity in a production dependency
// fails, so does a critical one in a development dependency; every other
// advisory is listed and passes.
//
//   node tooling/audit.mjs                           # the root `audit` script
//   node tooling/audit.mjs --ignore-registry-errors  # in `pnpm test`: an audit endpoint
//                                                    # that does not answer is reported, not failed
//
// Any other argument goes to `pnpm audit` (for example --registry <url>).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Severities that fail the audit, by dependency scope. */
export const FAILING_SEVERITIES = {
  prod: ['high', 'critical'],
  dev: ['critical'],
};

/** Severities from least to most severe, as the npm audit format names them. */
const SEVERITIES = ['info', 'low', 'moderate', 'high', 'critical'];

/** Error codes of pnpm audit that mean the registry did not give an answer. */
const REGISTRY_ERROR_CODES = ['ERR_PNPM_AUDIT_BAD_RESPONSE', 'ERR_PNPM_AUDIT_ENDPOINT_NOT_EXISTS'];

/**
 * Reads the output of `pnpm audit --json` for one scope ('prod' or 'dev').
 *
 * @param {'prod' | 'dev'} scope
 * @param {string} stdout
 * @returns {{ scope: string, error: { code: string, message: string, registry: boolean } | null,
 *   findings: { scope: string, module: string, severity: string, title: string, url: string,
 *   versions: string[], paths: string[] }[] }}
 */
export function readReport(scope, stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    const start = stdout.trim().slice(0, 200);
    const error = { code: 'NO_JSON', message: `pnpm audit printed no JSON: ${start}` };
    return { scope, error: { ...error, registry: false }, findings: [] };
  }
  if (report.error !== undefined) {
    const code = String(report.error.code ?? 'UNKNOWN');
    const registry = REGISTRY_ERROR_CODES.includes(code) || /^E[A-Z]+$/.test(code);
    const error = { code, message: String(report.error.message ?? ''), registry };
    return { scope, error, findings: [] };
  }

  const findings = Object.values(report.advisories ?? {}).map((advisory) => ({
    scope,
    module: advisory.module_name,
    severity: advisory.severity,
    title: advisory.title,
    url: advisory.url,
    versions: [...new Set((advisory.findings ?? []).map((finding) => finding.version))],
    paths: (advisory.findings ?? []).flatMap((finding) => finding.paths ?? []),
  }));
  findings.sort((a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity));
  return { scope, error: null, findings };
}

/**
 * Applies the policy to the reports of both scopes.
 *
 * @param {ReturnType<typeof readReport>[]} reports
 * @param {{ ignoreRegistryErrors: boolean }} options
 * @returns {{ failures: ReturnType<typeof readReport>['findings'],
 *   listed: ReturnType<typeof readReport>['findings'], errors: string[], unanswered: string[],
 *   exitCode: number }}
 */
export function applyPolicy(reports, options) {
  const findings = reports.flatMap((report) => report.findings);
  const fails = (finding) => FAILING_SEVERITIES[finding.scope].includes(finding.severity);
  const failures = findings.filter(fails);
  const listed = findings.filter((finding) => !fails(finding));
  const broken = reports.filter((report) => report.error !== null);
  const ignored = (report) => report.error.registry && options.ignoreRegistryErrors;
  const describe = (report) => `${report.scope}: ${report.error.code} ${report.error.message}`;
  const errors = broken.filter((report) => !ignored(report)).map(describe);
  const unanswered = broken.filter(ignored).map(describe);
  return {
    failures,
    listed,
    errors,
    unanswered,
    exitCode: failures.length > 0 || errors.length > 0 ? 1 : 0,
  };
}

/** One line per finding. */
export function formatFinding(finding) {
  const path = finding.paths[0] ?? finding.module;
  const more = finding.paths.length > 1 ? ` (+${finding.paths.length - 1} paths)` : '';
  const versions = finding.versions.join(', ');
  return (
    `  ${finding.severity.padEnd(8)} ${finding.scope.padEnd(4)} ${finding.module}@${versions}: ` +
    `${finding.title}\n           via ${path}${more}; ${finding.url}`
  );
}

function runPnpmAudit(scope, extra) {
  const args = ['audit', '--json', scope === 'prod' ? '--prod' : '--dev', ...extra];
  let result = spawnSync('pnpm', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.error !== undefined) {
    // Not run through pnpm: take the pinned version from package.json.
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const pnpm = String(manifest.packageManager);
    result = spawnSync('npx', ['-y', pnpm, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  }
  return readReport(scope, result.stdout ?? '');
}

function main() {
  const argv = process.argv.slice(2);
  const ignoreRegistryErrors = argv.includes('--ignore-registry-errors');
  const extra = argv.filter((arg) => arg !== '--ignore-registry-errors');
  const reports = ['prod', 'dev'].map((scope) => runPnpmAudit(scope, extra));
  const result = applyPolicy(reports, { ignoreRegistryErrors });
  const out = (line) => process.stdout.write(`${line}\n`);

  out('Dependency audit (policy: prod fails on high or critical, dev on critical)');
  for (const line of result.unanswered) out(`  NOT AUDITED, the registry did not answer: ${line}`);
  for (const line of result.errors) out(`  audit could not run: ${line}`);
  if (result.failures.length > 0) out('Findings that fail the policy:');
  for (const finding of result.failures) out(formatFinding(finding));
  if (result.listed.length > 0) out('Findings listed only:');
  for (const finding of result.listed) out(formatFinding(finding));
  const audited = reports.filter((report) => report.error === null).map((r) => r.scope);
  if (audited.length > 0) {
    out(
      `${audited.join(' and ')}: ${result.failures.length} failing, ` +
        `${result.listed.length} listed only`,
    );
  }
  out(result.exitCode === 0 ? 'audit: pass' : 'audit: FAIL');
  process.exitCode = result.exitCode;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
