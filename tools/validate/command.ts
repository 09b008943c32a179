/** The `validate` command of the tools CLI. */
import { UsageError, type Command } from '../lib/command';
import { formatIssue, formatSummary } from './report';
import { InputError, validateFile } from './validate';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a 3D Tiles tileset (structure, bounding volumes, geometric errors, content files) or a scene document.',
  options: [
    { name: 'json', type: 'boolean', description: 'Print a machine-readable JSON report on stdout' },
    { name: 'quiet', short: 'q', type: 'boolean', description: 'Print errors only (no warnings, no summary)' },
    { name: 'deep', type: 'boolean', description: 'Scenes: also validate the tilesets of tiles3d layers' },
    { name: 'tolerance', type: 'string', value: 'M', description: 'How far a child bounding volume may reach outside its parent, metres', default: '0.01' },
    { name: 'max-tiles', type: 'string', value: 'N', description: 'Stop after visiting N tiles', default: '1000000' },
  ],
  details: [
    'Argument: one tileset.json or scene document.',
    '',
    'A tileset (it has "asset" and "root") is checked against the 3D Tiles 1.0/1.1 spec:',
    'asset.version; geometricError present, ≥ 0 and never larger than the parent\'s; bounding',
    'volumes well-formed and each inside its parent\'s (transforms composed, regions in ECEF);',
    'refine; content URIs resolve; glb, b3dm, i3dm, pnts and cmpt headers and chunks; external',
    'tilesets (recursively, cycles caught); implicit tiling (templates, subtrees, availability).',
    'A scene (it has "version" and "layers"/"origin") is checked against the scene spec, and the',
    'local files its layers point at must exist.',
    '',
    'Output: one line per problem, "ERROR file: path: message" or "WARN file: path: message",',
    'then "N errors, M warnings, K tiles, C content files checked".',
    'Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad arguments or an input',
    'that cannot be read (missing file, broken JSON, neither a tileset nor a scene).',
    '',
    'Examples:',
    '  npm run tools -- validate tiles/harnosand-buildings/tileset.json',
    '  npm run tools -- validate public/scenes/demo.json --deep',
  ].join('\n'),
  async run(values, positionals, io) {
    if (positionals.length === 0) throw new UsageError('no file given: validate <tileset.json|scene.json>');
    if (positionals.length > 1) throw new UsageError(`one file at a time, got ${positionals.length}: ${positionals.join(' ')}`);
    const tolerance = Number(values.tolerance ?? '0.01');
    if (!Number.isFinite(tolerance) || tolerance < 0) throw new UsageError(`--tolerance must be a number of metres ≥ 0, got "${String(values.tolerance)}"`);
    const maxText = String(values['max-tiles'] ?? '1000000');
    if (!/^\d+$/.test(maxText) || Number(maxText) < 1) throw new UsageError(`--max-tiles must be a positive integer, got "${maxText}"`);
    const input = positionals[0]!;
    const json = Boolean(values.json);
    const quiet = Boolean(values.quiet);
    let report;
    try {
      report = validateFile(input, { tolerance, maxTiles: Number(maxText), ...(values.deep ? { deep: true } : {}) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      if (json) io.stdout.write(JSON.stringify({ input, ok: false, error: e.message }, null, 2) + '\n');
      io.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    if (json) {
      io.stdout.write(JSON.stringify(report, null, 2) + '\n');
    } else {
      const shown = quiet ? report.issues.filter((i) => i.severity === 'ERROR') : report.issues;
      if (shown.length > 0) io.stdout.write(shown.map(formatIssue).join('\n') + '\n');
      if (!quiet) io.stdout.write(`${formatSummary(report)}\n`);
    }
    return report.ok ? 0 : 1;
  },
};
