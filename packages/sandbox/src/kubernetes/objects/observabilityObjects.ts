import type { KubeObject } from '../types';
import {
  installed,
  object,
  refuses,
  wants,
  type ServiceContext,
} from './ServiceContext';

/** A ServiceMonitor (in the monitoring namespace) or a PodMonitor when metrics-scraped should pass. */
export function monitors(context: ServiceContext): KubeObject[] {
  if (!wants(context, 'metrics-scraped')) return [];
  if (context.random.chance(0.7)) {
    return [
      object(
        context,
        'monitoring.coreos.com/v1',
        'ServiceMonitor',
        context.name,
        {
          spec: {
            namespaceSelector: { matchNames: [context.namespace] },
            selector: { matchLabels: context.podSelector },
            endpoints: [{ port: 'http', interval: '30s' }],
          },
        },
        { namespace: 'monitoring' },
      ),
    ];
  }
  return [
    object(context, 'monitoring.coreos.com/v1', 'PodMonitor', context.name, {
      spec: {
        selector: { matchLabels: context.podSelector },
        podMetricsEndpoints: [{ port: 'http' }],
      },
    }),
  ];
}

/**
 * A PrometheusRule carrying the entity's link labels, with alerts (complete or not) and SLO
 * recording rules as intended; or a Sloth PrometheusServiceLevel for the SLO.
 */
export function prometheusRules(context: ServiceContext): KubeObject[] {
  const { name } = context;
  const groups: Record<string, unknown>[] = [];
  if (wants(context, 'alerts-defined')) {
    const complete = !refuses(context, 'audit-alerts-everywhere');
    groups.push({
      name: `${name}.alerts`,
      rules: [
        {
          alert: `${camel(name)}HighErrorRate`,
          expr: `sum(rate(http_requests_total{service="${name}",code=~"5.."}[5m])) > 1`,
          labels: { severity: 'critical' },
          annotations: {
            summary: 'Error rate is high',
            runbook_url: `https://runbooks.acme.example/${name}`,
          },
        },
        {
          alert: `${camel(name)}HighLatency`,
          expr: `histogram_quantile(0.99, rate(http_request_duration_seconds_bucket{service="${name}"}[5m])) > 1`,
          labels: { severity: 'warning' },
          annotations: complete
            ? { runbook_url: `https://runbooks.acme.example/${name}#latency` }
            : { summary: 'Slow' },
        },
      ],
    });
  }
  const objects: KubeObject[] = [];
  if (wants(context, 'slo-defined')) {
    if (
      installed(context, 'PrometheusServiceLevel') &&
      context.random.chance(0.3)
    ) {
      objects.push(
        object(
          context,
          'sloth.slok.dev/v1',
          'PrometheusServiceLevel',
          name,
          {
            spec: {
              service: name,
              slos: [{ name: 'requests-availability', objective: 99.9 }],
            },
          },
          { labels: context.linkLabels },
        ),
      );
    } else {
      groups.push({
        name: `${name}.slo`,
        rules: [
          {
            record: 'slo:sli_error:ratio_rate5m',
            expr: `sum(rate(http_requests_total{service="${name}",code=~"5.."}[5m]))`,
          },
        ],
      });
    }
  }
  if (groups.length) {
    objects.push(
      object(
        context,
        'monitoring.coreos.com/v1',
        'PrometheusRule',
        name,
        { spec: { groups } },
        { labels: context.linkLabels },
      ),
    );
  }
  return objects;
}

function camel(name: string): string {
  return name.replace(/(^|-)(\w)/g, (_m, _dash, letter: string) =>
    letter.toUpperCase(),
  );
}
