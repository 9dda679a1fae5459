// report.css, the HTML report's one stylesheet. It lives in a file of its own beside
// index.html because Jenkins' CSP allows `style-src 'self'` but no inline style.
// System fonts only: nothing is fetched, so the page reads the same offline.
#include "reports/writers/html_sections.hpp"

namespace glassbox::reports::html {

std::string_view report_css() {
  return R"css(/* glassbox HTML report */
:root {
  --bg: #f4f6f8; --surface: #ffffff; --text: #1f2328; --muted: #59636e; --faint: #818b98;
  --border: #d1d9e0; --border-soft: #e6eaef; --hover: #f6f8fa; --code-bg: #f6f8fa;
  --pass: #1a7f37; --pass-bg: #dafbe1; --fail: #cf222e; --fail-bg: #ffebe9;
  --warn: #9a6700; --warn-bg: #fff8c5; --skip: #6e7781; --skip-bg: #eaeef2;
  --accent: #0969da; --accent-bg: #ddf4ff; --slow: #d4a72c;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  --mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
  --radius: 12px;
  --shadow: 0 1px 2px rgba(31, 35, 40, .06), 0 3px 12px rgba(31, 35, 40, .04);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --surface: #151b23; --text: #e6edf3; --muted: #9198a1; --faint: #6e7681;
    --border: #30363d; --border-soft: #262c36; --hover: #1c232c; --code-bg: #0f141b;
    --pass: #3fb950; --pass-bg: rgba(46, 160, 67, .16); --fail: #ff7b72; --fail-bg: rgba(248, 81, 73, .14);
    --warn: #d29922; --warn-bg: rgba(187, 128, 9, .16); --skip: #9198a1; --skip-bg: rgba(110, 118, 129, .2);
    --accent: #4493f8; --accent-bg: rgba(56, 139, 253, .15); --slow: #d29922;
    --shadow: none;
  }
}

* { box-sizing: border-box; }
html { scroll-padding-top: 72px; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 15px/1.5 var(--sans); -webkit-font-smoothing: antialiased;
}
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre, .mono { font-family: var(--mono); font-size: 13px; }
.wrap { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
.muted { color: var(--muted); }
.note { color: var(--muted); font-size: 13px; margin: 8px 0 0; }
h2 { font-size: 19px; font-weight: 650; margin: 0 0 14px; letter-spacing: -.01em; }
.h2-note { font-size: 13px; font-weight: 500; color: var(--muted); margin-left: 4px; }
h3 { font-size: 15px; font-weight: 600; margin: 0 0 8px; }
h4 {
  font-size: 11.5px; font-weight: 650; text-transform: uppercase; letter-spacing: .07em;
  color: var(--muted); margin: 18px 0 6px;
}

/* Sticky top bar: the verdict and the way to every section stay in view. */
.topbar {
  position: sticky; top: 0; z-index: 10;
  background: var(--surface); border-bottom: 1px solid var(--border); border-top: 4px solid var(--skip);
}
.topbar-passed { border-top-color: var(--pass); }
.topbar-failed { border-top-color: var(--fail); }
.topbar-interrupted { border-top-color: var(--warn); }
.topbar-inner { display: flex; align-items: center; gap: 14px; min-height: 52px; flex-wrap: wrap; }
.brand { font-weight: 800; letter-spacing: -.02em; font-size: 17px; }
.topbar-title { font-weight: 600; overflow-wrap: anywhere; }
.topbar-counts { color: var(--muted); font-size: 13.5px; font-variant-numeric: tabular-nums; }
.topbar nav { margin-left: auto; display: flex; gap: 4px; flex-wrap: wrap; }
.topbar nav a { color: var(--muted); font-size: 13.5px; font-weight: 550; padding: 5px 10px; border-radius: 8px; }
.topbar nav a:hover { background: var(--hover); color: var(--text); text-decoration: none; }

/* Badges and counters. */
.badge {
  display: inline-block; min-width: 52px; padding: 2px 9px; border-radius: 999px; text-align: center;
  font-size: 11px; font-weight: 750; letter-spacing: .07em; line-height: 18px; white-space: nowrap;
}
.badge-passed { background: var(--pass-bg); color: var(--pass); }
.badge-failed { background: var(--fail-bg); color: var(--fail); }
.badge-error, .badge-interrupted { background: var(--warn-bg); color: var(--warn); }
.badge-skipped { background: var(--skip-bg); color: var(--skip); }
.topbar .badge-passed { background: #1a7f37; color: #fff; }
.topbar .badge-failed { background: #cf222e; color: #fff; }
.topbar .badge-interrupted { background: #9a6700; color: #fff; }
.count {
  display: inline-block; padding: 1px 10px; border-radius: 999px; vertical-align: 2px;
  background: var(--skip-bg); color: var(--muted); font-size: 13px; font-weight: 650;
  font-variant-numeric: tabular-nums;
}
.count-bad { background: var(--fail-bg); color: var(--fail); }

/* The verdict banner: the answer to "is it working?" before anything else. */
.verdict {
  margin-top: 24px; color: #fff; border-radius: 16px; padding: 26px 30px 20px; box-shadow: var(--shadow);
  background: linear-gradient(135deg, #59636e, #424a53);
}
.verdict-passed { background: linear-gradient(135deg, #1f883d, #116329); }
.verdict-failed { background: linear-gradient(135deg, #d1242f, #a0111f); }
.verdict-interrupted { background: linear-gradient(135deg, #9a6700, #7d4e00); }
.verdict-main { display: flex; align-items: baseline; gap: 20px; flex-wrap: wrap; }
.verdict-word { font-size: 46px; font-weight: 850; letter-spacing: .03em; line-height: 1.05; }
.verdict-headline { font-size: 19px; font-weight: 500; opacity: .95; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(112px, 1fr)); gap: 10px; margin: 22px 0 16px; }
.tile { background: rgba(255, 255, 255, .13); border-radius: 10px; padding: 10px 14px; display: flex; flex-direction: column; }
.tile-value { font-size: 25px; font-weight: 750; font-variant-numeric: tabular-nums; line-height: 1.2; }
.tile-label { font-size: 11.5px; text-transform: uppercase; letter-spacing: .08em; opacity: .85; }
.tile-zero { opacity: .62; }
.tile-rate { background: rgba(255, 255, 255, .22); }
.verdict .outcome-bar { height: 10px; background: rgba(255, 255, 255, .2); }
.verdict .seg-passed { fill: #7ee2a8; }
.verdict .seg-failed { fill: #ffb3ad; }
.verdict .seg-error { fill: #f5d76e; }
.verdict .seg-skipped { fill: rgba(255, 255, 255, .45); }
.facts {
  display: flex; flex-wrap: wrap; gap: 10px 34px; margin: 16px 0 0; padding-top: 14px;
  border-top: 1px solid rgba(255, 255, 255, .22);
}
.facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: .08em; opacity: .78; }
.facts dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }

/* Outcome bars (banner and technique rows). */
.outcome-bar { display: block; width: 100%; height: 8px; border-radius: 4px; overflow: hidden; background: var(--skip-bg); }
.seg-passed { fill: var(--pass); }
.seg-failed { fill: var(--fail); }
.seg-error { fill: var(--slow); }
.seg-skipped { fill: var(--faint); }

/* Panels: latency and techniques side by side on wide screens. */
.panels { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 20px; margin-top: 20px; align-items: start; }
.panel, .block > .case, .request-group {
  background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); box-shadow: var(--shadow);
}
.panel { padding: 18px 20px 16px; overflow-x: auto; }
.stats { display: flex; flex-wrap: wrap; gap: 8px 26px; margin-bottom: 8px; }
.stat { display: flex; flex-direction: column; }
.stat-label { font-size: 11.5px; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-weight: 600; }
.stat-value { font-size: 21px; font-weight: 700; font-variant-numeric: tabular-nums; }

/* The latency histogram. */
.waterfall { display: block; width: 100%; height: auto; margin: 6px 0 12px; }
.waterfall text { font-family: var(--mono); font-size: 11px; }
.waterfall .span-band { fill: transparent; }
.waterfall .span-row-alt .span-band { fill: var(--border-soft); opacity: .35; }
.waterfall .span-row:hover .span-band { fill: var(--accent); opacity: .12; }
.waterfall .span-label { fill: var(--text); }
.waterfall .span-duration { fill: var(--muted); }
.waterfall .span-bar { fill: var(--accent); }
.waterfall .span-server { fill: var(--slow); }
.waterfall .span-error { fill: var(--fail); }
.waterfall .span-orphan { fill: var(--muted); }
.telemetry { margin: 10px 2px 0; color: var(--muted); font-size: 13px; }
.telemetry-warn { color: var(--fail); }
.chart { display: block; width: 100%; height: auto; margin-top: 6px; }
.chart text { font-family: var(--sans); font-size: 11px; }
.chart .bar { fill: var(--accent); }
.chart .bar-slow { fill: var(--slow); }
.chart .bar-tail { fill: var(--fail); }
.chart .bar:hover { opacity: .75; }
.chart .grid { stroke: var(--border-soft); stroke-dasharray: 3 3; }
.chart .axis, .chart .tick { stroke: var(--border); }
.chart .axis-label { fill: var(--muted); }
.marker line { stroke-width: 1.5; stroke-dasharray: 4 3; }
.marker text { font-weight: 650; font-size: 11.5px; }
.marker-p50 line { stroke: var(--muted); }
.marker-p50 text { fill: var(--muted); }
.marker-p90 line { stroke: var(--slow); }
.marker-p90 text { fill: var(--warn); }
.marker-p99 line { stroke: var(--fail); }
.marker-p99 text { fill: var(--fail); }

/* Tables. */
.grid-table { width: 100%; border-collapse: collapse; font-size: 14px; }
.grid-table th {
  text-align: left; font-size: 11.5px; font-weight: 650; text-transform: uppercase; letter-spacing: .06em;
  color: var(--muted); padding: 6px 10px; border-bottom: 1px solid var(--border);
}
.grid-table td { padding: 7px 10px; border-bottom: 1px solid var(--border-soft); vertical-align: top; overflow-wrap: break-word; }
.grid-table td.mono { overflow-wrap: anywhere; }
.grid-table tr:last-child > td, .grid-table tr:last-child > th { border-bottom: 0; }
.numeric td, .numeric th { text-align: right; font-variant-numeric: tabular-nums; }
.numeric td.name, .numeric th:first-child { text-align: left; }
.grid-table td.name { font-weight: 600; }
.form { display: block; font-size: 12px; font-weight: 450; color: var(--muted); }
.items { display: block; font-size: 12px; font-weight: 450; color: var(--pass); }
.n-zero { color: var(--faint); }
.n-passed { color: var(--pass); font-weight: 600; }
.n-failed { color: var(--fail); font-weight: 700; }
.n-error { color: var(--warn); font-weight: 700; }
.n-skipped { color: var(--skip); }
.bar-cell { width: 18%; min-width: 56px; vertical-align: middle; }
.row-bad td.name { color: var(--fail); }

/* Coverage: goals per service, then every item with its covering cases. */
.coverage { margin-top: 20px; }
.coverage-service + .coverage-service { margin-top: 18px; }
.coverage-service h3 { font-size: 15px; margin: 6px 0 8px; overflow-wrap: anywhere; }
details.coverage-kind { margin-top: 8px; }
details.coverage-kind > summary { cursor: pointer; font-weight: 600; }
.coverage-items { margin: 6px 0 4px; padding-left: 20px; }
.coverage-items li { margin: 2px 0; overflow-wrap: anywhere; }
.coverage-items .badge { min-width: 0; }
.coverage-missed code { color: var(--fail); }
.coverage-cases { color: var(--muted); font-size: 12.5px; }
.coverage-map { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px; margin: 8px 0 4px; align-items: start; }
.map-op { border: 1px solid var(--border); border-left: 4px solid var(--border); border-radius: 8px; padding: 8px 10px; background: var(--surface); }
.map-op.map-hit { border-left-color: var(--pass); }
.map-op.map-miss { border-left-color: var(--fail); background: var(--fail-bg); }
.map-op.map-extra { border-style: dashed; }
.map-op-head { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
.map-op-name { font-weight: 600; font-family: var(--mono, monospace); font-size: 13px; overflow-wrap: anywhere; }
.map-count { color: var(--muted); font-size: 12px; white-space: nowrap; }
.map-chips { display: flex; flex-wrap: wrap; gap: 5px; margin-top: 6px; }
.map-chip { display: inline-flex; gap: 6px; align-items: baseline; border-radius: 999px; padding: 1px 9px; font-size: 12px; border: 1px solid var(--border); text-decoration: none; color: var(--text); }
.map-chip.map-hit { background: var(--pass-bg); border-color: var(--pass); }
.map-chip.map-miss { background: var(--fail-bg); border-color: var(--fail); color: var(--fail); font-weight: 600; }
.map-chip.map-extra { border-style: dashed; color: var(--muted); }
.map-value { font-family: var(--mono, monospace); overflow-wrap: anywhere; }
.map-legend { display: flex; gap: 8px; flex-wrap: wrap; font-size: 12px; margin: 6px 0; }
.coverage-undeclared-title { margin: 8px 0 0; font-size: 12.5px; }

/* Failures and cases. */
.block { margin-top: 34px; }
.all-good {
  background: var(--pass-bg); color: var(--pass); border-radius: 10px; padding: 12px 16px; font-weight: 600; margin: 0;
}
details.case { border-left-width: 4px; margin: 10px 0; overflow: hidden; }
details > summary { list-style: none; cursor: pointer; }
details > summary::-webkit-details-marker { display: none; }
details.case > summary {
  display: flex; align-items: center; gap: 12px; padding: 10px 16px; flex-wrap: wrap;
}
details.case > summary:hover { background: var(--hover); }
details.case > summary::before, details.sub > summary::before {
  content: ""; flex: none; width: 7px; height: 7px; margin-right: 2px;
  border-right: 2px solid var(--faint); border-bottom: 2px solid var(--faint);
  transform: rotate(-45deg); transition: transform .12s ease;
}
details[open].case > summary::before, details[open].sub > summary::before { transform: rotate(45deg); }
.case-title { font-weight: 600; flex: 1 1 260px; min-width: 0; overflow-wrap: anywhere; }
.case-meta { color: var(--muted); font-size: 13px; }
.case-result { display: flex; align-items: center; gap: 10px; font-variant-numeric: tabular-nums; }
.latency { color: var(--muted); font-size: 13px; min-width: 64px; text-align: right; }
.status {
  font-family: var(--mono); font-size: 12.5px; font-weight: 650; padding: 1px 8px; border-radius: 6px;
  background: var(--skip-bg); color: var(--skip); white-space: nowrap;
}
.status-2xx { background: var(--pass-bg); color: var(--pass); }
.status-3xx { background: var(--accent-bg); color: var(--accent); }
.status-4xx { background: var(--warn-bg); color: var(--warn); }
.status-5xx { background: var(--fail-bg); color: var(--fail); }
.case-body { padding: 2px 20px 18px 20px; border-top: 1px solid var(--border-soft); }
.request-line {
  display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin: 14px 0 10px;
  background: var(--code-bg); border: 1px solid var(--border-soft); border-radius: 8px; padding: 8px 12px;
}
.method { font-family: var(--mono); font-weight: 750; color: var(--accent); }
.url { overflow-wrap: anywhere; }
.arrow { color: var(--faint); }
.message {
  margin: 10px 0; padding: 9px 14px; border-radius: 8px; font-weight: 600; overflow-wrap: anywhere; white-space: pre-wrap;
  background: var(--fail-bg); color: var(--fail); border-left: 3px solid var(--fail);
}
.case-error .message { background: var(--warn-bg); color: var(--warn); border-left-color: var(--slow); }
.check-mark { width: 24px; font-weight: 800; text-align: center; }
.check-passed .check-mark { color: var(--pass); }
.check-failed td { background: var(--fail-bg); }
.check-failed .check-mark, .check-failed .actual { color: var(--fail); font-weight: 700; }
.class-name { color: var(--muted); }
.error-text { color: var(--warn); }
.headers th { text-transform: none; letter-spacing: 0; font-family: var(--mono); font-size: 12.5px; color: var(--muted); width: 28%; border-bottom: 1px solid var(--border-soft); }
.kv { display: grid; grid-template-columns: max-content 1fr; gap: 3px 18px; margin: 12px 0 0; }
.kv > div { display: contents; }
.kv dt { color: var(--muted); font-size: 13px; }
.kv dd { margin: 0; overflow-wrap: anywhere; }
pre.body {
  margin: 6px 0 0; padding: 12px 14px; max-height: 440px; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere;
  background: var(--code-bg); border: 1px solid var(--border-soft); border-radius: 8px; font-size: 12.5px; line-height: 1.45;
}
details.sub { margin-top: 12px; border: 1px solid var(--border-soft); border-radius: 8px; padding: 0 12px; }
details.sub > summary { display: flex; align-items: center; gap: 8px; padding: 7px 0; font-weight: 600; font-size: 13.5px; }
details[open].sub { padding-bottom: 12px; }
a.more { display: inline-block; margin-top: 12px; font-size: 13.5px; font-weight: 550; }
/* pages of a technique past one page's worth of cases, and index.html's failure cap */
.pager { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin: 8px 0; font-size: 13.5px; color: var(--muted); }
.pager a, .pager-current { padding: 2px 8px; border-radius: 6px; }
.pager-current { background: var(--hover); color: var(--text); font-weight: 650; }
.more-failures { color: var(--muted); font-size: 13.5px; }
.failures-list td.message { white-space: pre-wrap; word-break: break-word; }
.request-group { padding: 16px 18px 8px; margin-top: 16px; }
.request-group h3 { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
.request-name { font-family: var(--mono); font-size: 14.5px; }
.request-group details.case { box-shadow: none; border: 1px solid var(--border-soft); border-left-width: 4px; border-radius: 10px; margin: 6px 0; }
.request-group details.case > summary { padding: 7px 14px; }
/* After the border rules above, so the status colour wins at equal specificity. */
details.case.case-passed { border-left-color: var(--pass); }
details.case.case-failed { border-left-color: var(--fail); }
details.case.case-error { border-left-color: var(--slow); }
details.case.case-skipped { border-left-color: var(--faint); }
.footer { color: var(--muted); font-size: 12.5px; padding-top: 18px; padding-bottom: 40px; margin-top: 36px; border-top: 1px solid var(--border); }
.footer p { margin: 2px 0; }
:target { outline: 2px solid var(--accent); outline-offset: 2px; }

/* Service levels: SLO and coverage tiles on the first screen, then the detail section. */
.overview { margin-top: 20px; display: grid; gap: 20px; }
.overview-panels { display: grid; grid-template-columns: minmax(0, 1fr); gap: 20px; }
.slo-tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
.slo-tile {
  display: flex; flex-direction: column; gap: 2px; padding: 10px 14px; border-radius: 10px; color: var(--text);
  border: 1px solid var(--border); border-left: 5px solid var(--faint); background: var(--surface);
}
.slo-tile:hover { text-decoration: none; background: var(--hover); }
.slo-tile-pass { border-left-color: var(--pass); }
.slo-tile-warn { border-left-color: var(--slow); background: var(--warn-bg); }
.slo-tile-fail { border-left-color: var(--fail); background: var(--fail-bg); }
.slo-tile-verdict { font-size: 11px; font-weight: 750; letter-spacing: .08em; color: var(--muted); }
.slo-tile-pass .slo-tile-verdict { color: var(--pass); }
.slo-tile-warn .slo-tile-verdict { color: var(--warn); }
.slo-tile-fail .slo-tile-verdict { color: var(--fail); }
.slo-tile-name { font-weight: 600; overflow-wrap: anywhere; }
.slo-tile-value { font-size: 24px; font-weight: 750; font-variant-numeric: tabular-nums; line-height: 1.2; }
.slo-tile-none .slo-tile-value { font-size: 17px; color: var(--muted); }
.slo-tile-detail { font-size: 12.5px; color: var(--muted); overflow-wrap: anywhere; }
.badge-slo-pass { background: var(--pass-bg); color: var(--pass); }
.badge-slo-warn { background: var(--warn-bg); color: var(--warn); }
.badge-slo-fail { background: var(--fail-bg); color: var(--fail); }
.badge-slo-none { background: var(--skip-bg); color: var(--skip); }
.slo-table td.num, .burn-table td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.slo-row-fail td.name { color: var(--fail); }
.slo-message { overflow-wrap: anywhere; }
.comparison-table .badge { min-width: 0; }
.load-panel, .budget-panel, .logs-panel { margin-top: 16px; }
.load-line { font-weight: 600; margin: 0 0 10px; overflow-wrap: anywhere; }
.chart-pair { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 20px; }
.chart-figure { margin: 0; }
.chart-figure figcaption { font-size: 12.5px; font-weight: 600; color: var(--muted); }
.counts-table { width: auto; min-width: 240px; margin: 8px 0; }
.chart .threshold line { stroke: var(--fail); stroke-width: 1.5; }
.chart .threshold text { fill: var(--fail); font-weight: 650; }
.chart .series { fill: none; stroke-width: 2; }
.chart .series-p50 { stroke: var(--accent); }
.chart .series-p99 { stroke: var(--slow); }
.chart .point { fill: var(--slow); }
.chart .error-mark { fill: var(--fail); }
.chart .legend line { stroke-width: 2; }
.chart .legend text { fill: var(--muted); }
.chart .legend-p50 line { stroke: var(--accent); }
.chart .legend-p99 line { stroke: var(--slow); }
.marker-p95 line { stroke: var(--slow); }
.marker-p95 text { fill: var(--warn); }
.budget-bar { display: block; width: 100%; height: 16px; border-radius: 6px; overflow: hidden; margin: 6px 0 10px; }
.budget-consumed { fill: var(--fail); }
.budget-remaining { fill: var(--pass); opacity: .45; }
.budget-over { fill: var(--fail); }
.budget-panel h3 .badge { min-width: 0; }
.log-check + .log-check { margin-top: 10px; }
.log-head { margin: 0; overflow-wrap: anywhere; }
.findings { margin: 4px 0 0; padding-left: 20px; }
.findings li { overflow-wrap: anywhere; }
.level { font-family: var(--mono); font-size: 12px; font-weight: 650; color: var(--muted); }
.level-error { color: var(--fail); }
.level-warn { color: var(--warn); }
.log-lines td.mono { white-space: pre-wrap; overflow-wrap: anywhere; }
.log-lines td:first-child, .log-lines td:nth-child(2) { width: 1%; white-space: nowrap; }

@media (max-width: 960px) {
  .panels { grid-template-columns: minmax(0, 1fr); }
  .chart-pair { grid-template-columns: minmax(0, 1fr); }
  .topbar-counts { display: none; }
}
@media (max-width: 600px) {
  .wrap { padding: 0 12px; }
  .topbar { position: static; }
  .topbar nav a { padding: 4px 8px; }
  .tiles { grid-template-columns: repeat(auto-fit, minmax(92px, 1fr)); }
  .tile-value { font-size: 21px; }
  .bar-cell { display: none; }
  .grid-table td, .grid-table th { padding-left: 6px; padding-right: 6px; }
  .verdict { padding: 20px 18px 16px; }
  .verdict-word { font-size: 36px; }
  .case-body { padding: 2px 12px 14px; }
  .topbar nav { margin-left: 0; }
}
@media print {
  .topbar { position: static; }
  details.case > summary::before { display: none; }
}
)css";
}

}  // namespace glassbox::reports::html
