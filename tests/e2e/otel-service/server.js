// A triangle classifier instrumented with the OpenTelemetry JS SDK: the HTTP server span
// comes from instrumentation-http (continuing the caller's traceparent), the internal steps
// are manual spans with a `branch` attribute, and a BatchSpanProcessor exports OTLP/HTTP
// protobuf to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT. PORT picks the port; SIGTERM flushes.
'use strict';
const { NodeTracerProvider, BatchSpanProcessor } = require('@opentelemetry/sdk-trace-node');
const { OTLPTraceExporter } = require('@opentelemetry/exporter-trace-otlp-proto');
const { registerInstrumentations } = require('@opentelemetry/instrumentation');
const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http');
const { resourceFromAttributes } = require('@opentelemetry/resources');

const provider = new NodeTracerProvider({
  resource: resourceFromAttributes({ 'service.name': 'otel-triangle' }),
  spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 100 })],
});
provider.register();
registerInstrumentations({ instrumentations: [new HttpInstrumentation()] });

const http = require('http');
const { trace } = require('@opentelemetry/api');
const tracer = trace.getTracer('otel-triangle');

function step(name, fn) {
  return tracer.startActiveSpan(name, (span) => {
    try {
      const [branch, result] = fn();
      span.setAttribute('branch', branch);
      return result;
    } finally {
      span.end();
    }
  });
}

function classify(body) {
  const sides = step('validate', () => {
    for (const k of ['a', 'b', 'c']) {
      if (!Number.isInteger(body[k])) return ['not_integer', null];
      if (body[k] < 1 || body[k] > 200) return ['out_of_range', null];
    }
    return ['ok', [body.a, body.b, body.c]];
  });
  if (!sides) return [400, { error: 'invalid side' }];
  const kind = step('classify', () => {
    const [a, b, c] = sides;
    if (a >= b + c || b >= a + c || c >= a + b) return ['not_a_triangle', 'not_a_triangle'];
    if (a === b && b === c) return ['equilateral', 'equilateral'];
    if (a === b || b === c || a === c) return ['isosceles', 'isosceles'];
    return ['scalene', 'scalene'];
  });
  return [200, { kind }];
}

const server = http.createServer((req, res) => {
  let data = '';
  req.on('data', (chunk) => { data += chunk; });
  req.on('end', () => {
    let status = 404;
    let out = { error: 'not found' };
    if (req.method === 'POST' && req.url === '/triangle') {
      try {
        [status, out] = classify(JSON.parse(data));
      } catch (e) {
        [status, out] = [400, { error: 'malformed JSON' }];
      }
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(out));
  });
});
server.listen(Number(process.env.PORT || 3000), '127.0.0.1');

process.on('SIGTERM', () => {
  server.close();
  provider.shutdown().finally(() => process.exit(0));
});
