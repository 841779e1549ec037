// The audit policy on hand-made `pnpm audit --json` outputs (the npm audit
// format: advisories by id, each with module_name, severity and findings).
// Run by `pnpm test` with `node --test`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPolicy, readReport } from './audit.mjs';

function output(...advisories) {
  const entries = advisories.map(([module, severity], i) => [
    String(1000 + i),
    {
      id: 1000 + i,
      module_name: module,
      severity,
      title: `${severity} issue in ${module}`,
      url: `https://github.com/advisories/GHSA-test-${i}`,
      findings: [{ version: '1.0.0', paths: [`apps__cli>${module}`] }],
    },
  ]);
  return JSON.stringify({ actions: [], advisories: Object.fromEntries(entries), muted: [] });
}

const badResponse = JSON.stringify({
  error: { code: 'ERR_PNPM_AUDIT_BAD_RESPONSE', message: 'responded with 405' },
});
const strict = { ignoreRegistryErrors: false };
const lenient = { ignoreRegistryErrors: true };

describe('audit policy', () => {
  it('fails on a high or critical advisory in a production dependency', () => {
    for (const severity of ['high', 'critical']) {
      const result = applyPolicy(
        [readReport('prod', output(['yaml', severity])), readReport('dev', output())],
        strict,
      );
      assert.equal(result.exitCode, 1, severity);
      assert.deepEqual(
        result.failures.map((f) => [f.module, f.severity]),
        [['yaml', severity]],
      );
    }
  });

  it('lists moderate and low production advisories without failing', () => {
    const result = applyPolicy(
      [readReport('prod', output(['zod', 'moderate'], ['vega', 'low'])), readReport('dev', '{}')],
      strict,
    );
    assert.equal(result.exitCode, 0);
    assert.deepEqual(
      result.listed.map((f) => f.severity),
      ['moderate', 'low'],
    );
  });

  it('fails on a critical development advisory, lists a high one', () => {
    const high = applyPolicy([readReport('dev', output(['vite', 'high']))], strict);
    assert.equal(high.exitCode, 0);
    assert.equal(high.listed.length, 1);
    const critical = applyPolicy([readReport('dev', output(['esbuild', 'critical']))], strict);
    assert.equal(critical.exitCode, 1);
  });

  it('fails when the registry does not answer, unless told to ignore registry errors', () => {
    const reports = [readReport('prod', badResponse), readReport('dev', output())];
    assert.equal(applyPolicy(reports, strict).exitCode, 1);
    const ignored = applyPolicy(reports, lenient);
    assert.equal(ignored.exitCode, 0);
    assert.match(ignored.unanswered[0] ?? '', /^prod: ERR_PNPM_AUDIT_BAD_RESPONSE/);
    const refused = JSON.stringify({ error: { code: 'ECONNREFUSED', message: 'connect' } });
    assert.equal(applyPolicy([readReport('prod', refused)], lenient).exitCode, 0);
  });

  it('fails on output that is not an audit, even when ignoring registry errors', () => {
    const noLockfile = JSON.stringify({
      error: { code: 'ERR_PNPM_AUDIT_NO_LOCKFILE', message: 'No pnpm-lock.yaml found' },
    });
    for (const stdout of ['', 'Segmentation fault', noLockfile]) {
      assert.equal(applyPolicy([readReport('prod', stdout)], lenient).exitCode, 1, stdout);
    }
  });
});
