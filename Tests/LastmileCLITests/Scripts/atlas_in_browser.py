#!/usr/bin/env python3
"""Loads an atlas.html in headless Chromium (Debian's `chromium`) from file:// with the network
disabled, drives it over the DevTools protocol (the --remote-debugging-pipe transport: NUL-separated
JSON on file descriptors 3 and 4, no extra package), and prints what a test asserts, as JSON:

  requests        every URL the page asked for other than the atlas file itself
  errors          console errors, uncaught exceptions and log entries of level error (CSP included)
  areas           the number of area shapes (path.atlas-area) drawn
  ready_ms        milliseconds from navigation to the atlas script's end (body[data-ready])
  legend          the legend's text
  layers          the layer choices
  popup           the text of the popup after a real mouse click inside the area CLICK_ID
  search          the text of the search results for SEARCH
  injected        whether any script from the data ran (window.__atlasInjected set)
  title           document.title

usage: atlas_in_browser.py ATLAS.html CLICK_ID SEARCH SCREENSHOT.png
"""
import base64, json, os, shutil, subprocess, sys, tempfile, time

html, click_id, search_text, screenshot = sys.argv[1:5]
url = "file://" + os.path.abspath(html)
profile = tempfile.mkdtemp(prefix="atlas-chromium-")
to_child_r, to_child_w = os.pipe()
from_child_r, from_child_w = os.pipe()


def child_fds():
    # Chromium reads commands on fd 3 and writes replies on fd 4 (copies made after the pipes exist, in
    # an order that never overwrites a pipe end still to be copied).
    r, w = os.dup(to_child_r), os.dup(from_child_w)
    os.dup2(r, 3)
    os.dup2(w, 4)


browser = subprocess.Popen(
    ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
     "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check", "--disable-extensions",
     "--disable-background-networking", "--disable-component-update", "--disable-sync",
     "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1280,860", "about:blank"],
    pass_fds=(3, 4), preexec_fn=child_fds,
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_child_r)
os.close(from_child_w)
out = os.fdopen(to_child_w, "wb", buffering=0)
inp = os.fdopen(from_child_r, "rb", buffering=0)
buffer = b""
next_id = 0
events = []
deadline = time.time() + 60


def read_message():
    global buffer
    while b"\0" not in buffer:
        if time.time() > deadline:
            raise SystemExit("chromium did not answer within 60 s")
        chunk = inp.read(65536)
        if not chunk:
            raise SystemExit("chromium closed the DevTools pipe")
        buffer += chunk
    raw, buffer = buffer.split(b"\0", 1)
    return json.loads(raw)


def send(method, params=None, session=None):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    out.write(json.dumps(message).encode() + b"\0")
    while True:
        reply = read_message()
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(f"{method}: {reply['error']}")
            return reply.get("result", {})
        events.append(reply)


def wait_for(predicate, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        value = evaluate(predicate)
        if value:
            return value
        time.sleep(0.05)
    return None


def evaluate(expression):
    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session)
    if "exceptionDetails" in result:
        raise SystemExit(f"evaluate {expression!r}: {result['exceptionDetails']}")
    return result["result"].get("value")


try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        send(domain + ".enable", {}, session)
    send("Network.emulateNetworkConditions",
         {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}, session)
    send("Emulation.setDeviceMetricsOverride",
         {"width": 1280, "height": 860, "deviceScaleFactor": 1, "mobile": False}, session)
    start = time.time()
    send("Page.navigate", {"url": url}, session)
    ready = wait_for("document.body && document.body.getAttribute('data-ready')", 60)
    ready_ms = round((time.time() - start) * 1000)
    areas = evaluate("document.querySelectorAll('path.atlas-area').length")
    # A real click: the centre of the largest box inside the area's shape that hits the shape itself.
    point = evaluate("""(() => {
        const p = document.querySelector('path.atlas-area[data-id=%s]');
        if (!p) return null;
        const r = p.getBoundingClientRect();
        for (let k = 1; k < 12; k++) for (let i = 1; i < 2 * k; i += 2) for (let j = 1; j < 2 * k; j += 2) {
            const x = r.left + r.width * i / (2 * k), y = r.top + r.height * j / (2 * k);
            if (document.elementFromPoint(x, y) === p) return [x, y];
        }
        return null; })()""" % json.dumps(click_id))
    popup = None
    if point:
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            send("Input.dispatchMouseEvent", {"type": kind, "x": point[0], "y": point[1], "button": "left",
                                               "clickCount": 1}, session)
        popup = wait_for("(document.querySelector('.leaflet-popup-content') || {}).innerText", 10)
    legend = evaluate("document.getElementById('legend').innerText")
    layers = evaluate("[...document.querySelectorAll('#layers label')].map(l => l.innerText.trim())")
    evaluate("(() => { const s = document.getElementById('search'); s.value = %s;"
             " s.dispatchEvent(new Event('input')); })()" % json.dumps(search_text))
    search = evaluate("document.getElementById('results').innerText")
    injected = evaluate("window.__atlasInjected === true")
    title = evaluate("document.title")
    time.sleep(0.5)  # let the popup's fade-in end before the screenshot
    shot = send("Page.captureScreenshot", {"format": "png"}, session)
    with open(screenshot, "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    # Drain what is left, then collect requests and errors from every event seen.
    send("Runtime.evaluate", {"expression": "0"}, session)
    requests, errors = [], []
    for e in events:
        m, p = e.get("method"), e.get("params", {})
        if m == "Network.requestWillBeSent":
            u = p["request"]["url"]
            if u != url:
                requests.append(u)
        elif m == "Runtime.exceptionThrown":
            errors.append(p["exceptionDetails"].get("exception", {}).get("description") or p["exceptionDetails"]["text"])
        elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", [])))
        elif m == "Log.entryAdded" and p["entry"].get("level") == "error":
            errors.append(p["entry"].get("text", ""))
    print(json.dumps({"requests": requests, "errors": errors, "areas": areas, "ready": ready, "ready_ms": ready_ms,
                      "legend": legend, "layers": layers, "popup": popup, "search": search,
                      "injected": injected, "title": title}))
finally:
    try:
        send("Browser.close")
    except BaseException:
        pass
    try:
        browser.wait(timeout=10)
    except subprocess.TimeoutExpired:
        browser.kill()
    shutil.rmtree(profile, ignore_errors=True)
