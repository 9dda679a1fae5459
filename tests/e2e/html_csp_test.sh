# The HTML report under Jenkins' default Content-Security-Policy for archived artifacts
# (`sandbox; default-src 'none'; img-src 'self'; style-src 'self';`), served by nginx and opened
# in headless Chromium: no CSP violation reaches the console, and the screenshot shows the
# verdict banner in its colour (so the stylesheet was applied). A passing and a failing run.
source "$(dirname "$0")/lib.sh"
command -v chromium >/dev/null || fail "chromium is not installed (scripts/install-deps.sh installs it)"

csp="sandbox; default-src 'none'; img-src 'self'; style-src 'self';"
start_nginx "listen 127.0.0.1:%PORT%; types { text/html html; text/css css; image/svg+xml svg; } \
add_header Content-Security-Policy \"$csp\" always;"

# open_page NAME PATH: screenshot of http://127.0.0.1:$NGINX_PORT/PATH into $WORK/NAME.png and
# the browser console's messages into $WORK/console-NAME.txt.
open_page() {
  local name=$1 path=$2
  timeout 90 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --enable-logging=stderr --v=0 \
    --user-data-dir="$WORK/chromium-$name" --window-size=1200,1400 --screenshot="$WORK/$name.png" \
    "http://127.0.0.1:$NGINX_PORT/$path" >"$WORK/chromium-$name.log" 2>&1 || fail "chromium could not open $path"
  [[ -s $WORK/$name.png ]] || fail "chromium wrote no screenshot of $path"
  grep -E ":CONSOLE\(|:CONSOLE:" "$WORK/chromium-$name.log" >"$WORK/console-$name.txt" || true
}
expect_quiet_console() {
  [[ ! -s $WORK/console-$1.txt ]] || fail "the browser console is not empty for $1: $(cat "$WORK/console-$1.txt")"
}

# The detector itself: a page with an inline style and a script does report violations.
mkdir -p "$WORK/www"
echo '<html><body><p style="color:red">x</p><script>console.log(1)</script></body></html>' >"$WORK/www/bad.html"
open_page bad bad.html
grep -q "Content Security Policy" "$WORK/console-bad.txt" || fail "a page breaking the CSP raised no console message"

# A passing run: the example suite against the demo: SLOs, the coverage map and span waterfalls.
run_glassbox pass run "$SRC/suites/examples/demo.yaml" --listen 127.0.0.1:0 --html "$WORK/www/pass"
expect_status 0 "the example suite"
for part in 'id="slos"' 'slo-tiles' 'class="coverage-map"'; do
  grep -q "$part" "$WORK/www/pass/index.html" || fail "the demo's first page has no $part"
done
# The cases sit on one page per technique, linked from the first page.
page=$(grep -o 'href="technique-[a-z0-9-]*\.html' "$WORK/www/pass/index.html" | sed -n '1s/^href="//p')
[[ -n $page ]] || fail "the demo's first page links to no technique page"
grep -q 'class="waterfall' "$WORK/www/pass/$page" || fail "$page shows no span waterfall"
open_page pass pass/index.html
expect_quiet_console pass
open_page technique "pass/$page"
expect_quiet_console technique
read -r colour size < <(python3 "$SRC/tests/e2e/tools/png_colours.py" "$WORK/pass.png" 60 320)
[[ $colour == green ]] || fail "the passing report's banner is $colour, expected green ($size)"

# A failing run: a wrong expectation against the demo; the failing case's waterfall is in the page.
port_suite="$WORK/failing.yaml"
cat >"$port_suite" <<'YAML'
suite: failing
targets:
  demo: builtin:demo
inputs:
  a: {type: int, min: 1, max: 200}
  b: {type: int, min: 1, max: 200}
  c: {type: int, min: 1, max: 200}
requests:
  classify:
    method: POST
    path: /triangle
    body: {a: "{{a}}", b: "{{b}}", c: "{{c}}"}
    expect: {status: 200, json: {/kind: "scalene"}}
    expect_invalid: {status: 400}
coverage:
  services:
    glassbox-demo:
      operations: [POST /triangle, classify]
YAML
run_glassbox fail run "$port_suite" --listen 127.0.0.1:0 --html "$WORK/www/fail"
expect_status 1 "the failing suite"
grep -q 'class="waterfall' "$WORK/www/fail/index.html" || fail "the failing report has no span waterfall"
open_page fail fail/index.html
expect_quiet_console fail
read -r colour size < <(python3 "$SRC/tests/e2e/tools/png_colours.py" "$WORK/fail.png" 60 320)
[[ $colour == red ]] || fail "the failing report's banner is $colour, expected red ($size)"

# Nothing in the report needs what the CSP forbids.
for f in "$WORK"/www/pass/*.html "$WORK"/www/fail/*.html; do
  ! grep -q -E '<script|style="|data:' "$f" || fail "$f uses a script, an inline style or a data: URI"
done
echo "html_csp_test: ok"
