"""Drive headless Chromium through the DevTools protocol, standard library only.

    with Browser(profile_dir) as browser:
        page = browser.open("file:///.../dashboard.html")
        page.wait_for("document.body.dataset.rendered === 'ok'")
        page.evaluate("document.title")
        page.screenshot("national.png", 1400, 1000)

Chromium is started with --remote-debugging-pipe: it reads the protocol's
JSON messages, each ended by a NUL byte, from its file descriptor 3 and
writes its own to descriptor 4. No port, no websocket, no third-party
package (Playwright and the like are not available offline).

The browser is kept off the network: every host name resolves to nothing
and every request would go through a proxy that does not exist. Each page
records the URL of every request it makes (Network.requestWillBeSent), so a
test can check that a page loaded nothing but its own files.
"""

import base64
import json
import os
import select
import shutil
import subprocess
import time

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--mute-audio", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=socks5://127.0.0.1:9",
         "--remote-debugging-pipe"]


class ProtocolError(RuntimeError):
    pass


class Browser:
    def __init__(self, profile, executable="chromium", timeout=60):
        self.profile = str(profile)
        self.executable = executable
        self.timeout = timeout
        self.process = None
        self.next_id = 0
        self.buffer = b""
        self.events = []

    def __enter__(self):
        shutil.rmtree(self.profile, ignore_errors=True)
        to_browser, self.write_fd = os.pipe()
        self.read_fd, from_browser = os.pipe()

        def child_fds():
            # Descriptors 3 and 4 in the child, inheritable (pipes are not).
            a, b = os.dup(to_browser), os.dup(from_browser)
            os.dup2(a, 3)
            os.dup2(b, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        try:
            self.process = subprocess.Popen(
                [self.executable, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                preexec_fn=child_fds, close_fds=False, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except FileNotFoundError:
            raise SystemExit(f"{self.executable} is not installed (Debian: apt-get install chromium)")
        os.close(to_browser)
        os.close(from_browser)
        return self

    def __exit__(self, *exc):
        try:
            self.send("Browser.close", wait=False)
        except OSError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.write_fd)
        os.close(self.read_fd)
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method, params=None, session=None, wait=True, timeout=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.write_fd, json.dumps(message).encode() + b"\0")
        if not wait:
            return None
        reply = self._reply(self.next_id, timeout or self.timeout, method)
        if "error" in reply:
            raise ProtocolError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def _reply(self, ident, timeout, method):
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                message = json.loads(raw)
                if message.get("id") == ident:
                    return message
                if "method" in message:
                    self.events.append(message)
            left = deadline - time.monotonic()
            if left <= 0:
                raise ProtocolError(f"{method}: no answer within {timeout} s")
            ready, _, _ = select.select([self.read_fd], [], [], left)
            if ready:
                chunk = os.read(self.read_fd, 1 << 20)
                if not chunk:
                    raise ProtocolError(f"{method}: the browser closed the connection "
                                        f"(exit status {self.process.poll()})")
                self.buffer += chunk

    def open(self, url, width=1400, height=1000):
        """A new tab showing `url`, its DevTools session attached."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        for domain in ("Page", "Runtime", "Network"):
            page.call(domain + ".enable")
        page.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        if url:
            page.navigate(url)
        return page


class Page:
    def __init__(self, browser, target, session):
        self.browser, self.target, self.session = browser, target, session

    def call(self, method, params=None, timeout=None):
        return self.browser.send(method, params, self.session, timeout=timeout)

    def navigate(self, url):
        self.call("Page.navigate", {"url": url})

    def evaluate(self, expression, timeout=None):
        """The value of a JavaScript expression (awaited when it is a promise)."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True}, timeout=timeout)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise ProtocolError(f"evaluating {expression[:120]!r}: {text}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=30, interval=0.02):
        """Polls until `expression` is truthy; returns its value and the seconds waited."""
        started = time.monotonic()
        while True:
            value = self.evaluate(expression)
            if value:
                return value, time.monotonic() - started
            if time.monotonic() - started > timeout:
                raise ProtocolError(f"waited {timeout} s for {expression!r}")
            time.sleep(interval)

    def requests(self):
        """URLs this page has requested so far."""
        return [e["params"]["request"]["url"] for e in self.browser.events
                if e.get("sessionId") == self.session and e["method"] == "Network.requestWillBeSent"]

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.call("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 12000),
                              "scale": 1}
        data = self.call("Page.captureScreenshot", params)["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))

    def close(self):
        self.browser.send("Target.closeTarget", {"targetId": self.target})
