// A triangle classifier instrumented with the OpenTelemetry JS SDK: an end-to-end span source
// glassbox did not write the SDK of.
//
// Spans: the HTTP server span comes from instrumentation-http (continuing the caller's
// traceparent) with the stable HTTP semantic conventions; the handler names it after its
// route ("POST /triangle", http.route). The logic is manual spans whose decision is an
// attribute, so the span tree depends on the input:
//   POST /triangle                  http.route, http.response.status_code
//     parse_body                    branch: ok | malformed
//     validate                      branch: ok | missing | not_integer | out_of_range
//     classify (valid sides only)   triangle.kind: equilateral | isosceles | scalene | not_a_triangle
//       inequality                  branch: holds | fails
//       angle (isosceles, scalene)  triangle.angle: acute | right | obtuse
//
// Environment: PORT (default 3000); OTEL_EXPORTER_OTLP_TRACES_PROTOCOL picks the exporter:
// http/protobuf (default), http/json or grpc; OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is where it
// sends (http://host:port/v1/traces for the HTTP ones, http://host:port for grpc), read by the
// exporter itself as the SDK specifies. SIGTERM flushes the spans and exits.
'use strict';
// Before instrumentation-http is loaded: it reads this once. Stable HTTP attribute names
// (http.request.method, http.response.status_code, url.path) unless the caller chose.
process.env.OTEL_SEMCONV_STABILITY_OPT_IN ??= 'http';

const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { resourceFromAttributes } = require('@opentelemetry/resources');

// Each protocol's exporter package, loaded only when chosen.
const exporters = {
  'http/protobuf': '@opentelemetry/exporter-trace-otlp-proto',
  'http/json': '@opentelemetry/exporter-trace-otlp-http',
  'grpc': '@opentelemetry/exporter-trace-otlp-grpc',
};
const protocol = process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || 'http/protobuf';
if (!exporters[protocol]) {
  console.error(`OTEL_EXPORTER_OTLP_TRACES_PROTOCOL '${protocol}' is not one of ${Object.keys(exporters).join(', ')}`);
  process.exit(2);
}
const { OTLPTraceExporter } = require(exporters[protocol]);

const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'otel-triangle' }),
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 100 })],
});
provider.register();
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

const http = require('http');
const fs = require('fs');
const { trace, SpanStatusCode } = require('@opentelemetry/api');
const promClient = require('prom-client');
const tracer = trace.getTracer('otel-triangle');

// Prometheus metrics (prom-client): request duration histogram and request counter by route
// and status code, served on GET /metrics (OpenMetrics when the scraper asks for it).
const registry = new promClient.Registry();
const duration = new promClient.Histogram({
  name: 'http_server_duration_seconds',
  help: 'Duration of HTTP requests handled',
  labelNames: ['route', 'code'],
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [registry],
});
const requests = new promClient.Counter({
  name: 'http_requests_total',
  help: 'HTTP requests handled',
  labelNames: ['route', 'code'],
  registers: [registry],
});

// Structured logs: one JSON line per request (and one at start-up, untraced) appended to
// LOG_FILE when set, with a UTC timestamp in microseconds and the W3C ids of the server span.
const logFile = process.env.LOG_FILE;
const clockBase = { wallMicros: BigInt(Date.now()) * 1000n, mono: process.hrtime.bigint() };
function timestamp() {
  const micros = clockBase.wallMicros + (process.hrtime.bigint() - clockBase.mono) / 1000n;
  const seconds = new Date(Number(micros / 1000000n) * 1000).toISOString().slice(0, 19);
  return `${seconds}.${String(micros % 1000000n).padStart(6, '0')}Z`;
}
function log(level, message, fields) {
  if (!logFile) return;
  const context = trace.getActiveSpan()?.spanContext();
  const line = { timestamp: timestamp(), level, message, trace_id: context?.traceId ?? null,
                 span_id: context?.spanId ?? null, source: 'otel-triangle/server', ...fields };
  fs.appendFileSync(logFile, JSON.stringify(line) + '\n');
}

// Runs fn inside a child span of the active one; fn returns [attributes, result].
function step(name, fn) {
  return tracer.startActiveSpan(name, (span) => {
    try {
      const [attributes, result] = fn(span);
      span.setAttributes(attributes);
      return result;
    } catch (e) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: String(e) });
      throw e;
    } finally {
      span.end();
    }
  });
}

function parseBody(text) {
  return step('parse_body', () => {
    try {
      const body = JSON.parse(text);
      if (body !== null && typeof body === 'object' && !Array.isArray(body)) return [{ branch: 'ok' }, body];
    } catch (e) {
      // falls through: not JSON
    }
    return [{ branch: 'malformed' }, null];
  });
}

// The sides, or [field, reason] for the first one that is wrong.
function validate(body) {
  return step('validate', () => {
    for (const field of ['a', 'b', 'c']) {
      const side = body[field];
      let reason = null;
      if (side === undefined || side === null) reason = 'missing';
      else if (!Number.isInteger(side)) reason = 'not_integer';
      else if (side < 1 || side > 200) reason = 'out_of_range';
      if (reason) return [{ branch: reason, field }, { error: reason.replace(/_/g, ' '), field }];
    }
    return [{ branch: 'ok' }, { sides: [body.a, body.b, body.c] }];
  });
}

// Acute, right or obtuse, by comparing the square of the longest side with the others'.
function angle(sides) {
  return step('angle', () => {
    const [x, y, z] = [...sides].sort((p, q) => p - q);
    const difference = x * x + y * y - z * z;
    const kind = difference > 0 ? 'acute' : difference === 0 ? 'right' : 'obtuse';
    return [{ 'triangle.angle': kind }, kind];
  });
}

function classify(sides) {
  return step('classify', () => {
    const [a, b, c] = sides;
    const holds = step('inequality', () => {
      const ok = a < b + c && b < a + c && c < a + b;
      return [{ branch: ok ? 'holds' : 'fails' }, ok];
    });
    let kind = 'not_a_triangle';
    if (holds) kind = a === b && b === c ? 'equilateral' : a === b || b === c || a === c ? 'isosceles' : 'scalene';
    const out = { kind };
    // An equilateral triangle is always acute: only the other kinds need the computation.
    if (kind === 'isosceles' || kind === 'scalene') out.angle = angle(sides);
    return [{ 'triangle.kind': kind }, out];
  });
}

function triangle(text) {
  const body = parseBody(text);
  if (!body) return [400, { error: 'malformed JSON' }];
  const checked = validate(body);
  if (!checked.sides) return [400, checked];
  return [200, classify(checked.sides)];
}

const server = http.createServer((req, res) => {
  let data = '';
  req.on('data', (chunk) => { data += chunk; });
  req.on('end', () => {
    if (req.method === 'GET' && req.url === '/metrics') {
      const openMetrics = (req.headers.accept || '').includes('application/openmetrics-text');
      registry.setContentType(openMetrics ? promClient.openMetricsContentType : promClient.prometheusContentType);
      registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      });
      return;
    }
    const started = process.hrtime.bigint();
    let status = 404;
    let out = { error: 'not found' };
    let route = 'unknown';
    if (req.method === 'POST' && req.url === '/triangle') {
      // What a web framework's instrumentation would do: the server span carries its route.
      route = '/triangle';
      const serverSpan = trace.getActiveSpan();
      serverSpan?.setAttribute('http.route', '/triangle');
      serverSpan?.updateName('POST /triangle');
      [status, out] = triangle(data);
    }
    const labels = { route, code: String(status) };
    requests.inc(labels);
    duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    if (status >= 400) log('error', `${req.method} ${req.url} rejected: ${out.error}`, { status });
    else log('info', `${req.method} ${req.url} -> ${out.kind}`, { status });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(out));
  });
});
const port = Number(process.env.PORT || 3000);
server.listen(port, '127.0.0.1', () => {
  log('info', `listening on 127.0.0.1:${port}`, {});
  console.log(`otel-triangle on 127.0.0.1:${port}, spans over ${protocol} to ${process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || 'the default endpoint'}`);
});

process.on('SIGTERM', () => {
  server.close();
  provider.shutdown().finally(() => process.exit(0));
});
