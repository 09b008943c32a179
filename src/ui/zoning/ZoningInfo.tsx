/**
 * The plan regulation panel: the plan's name and status, then every regulation that applies
 * at the picked point, grouped as the plan map's legend groups them. All text is data, shown
 * as text.
 */
import { PROVISION_KIND_NAMES } from '../../sources/plans/provision-kinds';
import type { InfoViewProps } from '../info-views';
import { formatPlanValue } from '../../sources/plans/format-value';
import { useZoningTexts } from './zoning-texts';
import './zoning-info.css';

type Props = Record<string, unknown>;

interface Value {
  name?: string;
  value: unknown;
  unit?: string;
  valueType?: string;
}

/** The legend's groups: each kind of regulation with its heading. */
const GROUPS = [
  [PROVISION_KIND_NAMES.användning, 'use'],
  [PROVISION_KIND_NAMES.egenskap, 'property'],
  [PROVISION_KIND_NAMES.administrativ, 'administrative'],
] as const;

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function Regulation({ p }: { p: Props }) {
  const t = useZoningTexts();
  const values = (Array.isArray(p.values) ? (p.values as Value[]) : []).filter((v) => v.value !== undefined && v.value !== '');
  const colour = str(p.colour);
  return (
    <li className="regulation">
      <span className="regulation-symbol" style={colour ? { background: colour } : undefined} aria-hidden={!str(p.beteckning)}>
        {p.prickmark === true ? '···' : (str(p.beteckning) ?? '')}
      </span>
      <span className="regulation-text">
        {str(p.bestammelseformulering) ?? ''}
        {values.length > 0 ? <span className="regulation-values">{values.map((v) => formatPlanValue(v, t.lang)).join(', ')}</span> : null}
      </span>
    </li>
  );
}

export function ZoningInfo({ picked }: InfoViewProps) {
  const t = useZoningTexts();
  const features = picked.features ?? [picked.properties];
  const plan = features.find((f) => f.kind === 'detaljplan') ?? features[0] ?? {};
  const name = str(plan.planNamn) ?? picked.layerName;
  const status = str(plan.planStatus);
  const purpose = str(plan.syfte);
  const regulations = features.filter((f) => f.kind !== 'detaljplan');
  return (
    <div className="zoning-info" data-testid="zoning-info">
      <p className="info-title">{name}</p>
      <p className="info-layer">
        {t('plan')}
        {str(plan.planBeteckning) ? ` ${str(plan.planBeteckning)}` : ''}
        {status ? <span className="plan-status" data-testid="plan-status">{status}</span> : null}
      </p>
      {purpose ? <p className="plan-purpose">{purpose}</p> : null}
      {regulations.length === 0 ? <p>{t('noRegulation')}</p> : null}
      {GROUPS.map(([kind, key]) => {
        const group = regulations.filter((f) => f.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} className="regulation-group">
            <h3>{t(key)}</h3>
            <ul>
              {group.map((p, i) => (
                <Regulation key={`${String(p.id)}-${i}`} p={p} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
