"""Screenshot the web page (docs/web.png) with headless Chromium, serving a store on 127.0.0.1.

    .venv/bin/python scripts/screenshot_web.py DB [OUT.png] [QUERY]
    e.g. .venv/bin/python -m factwire.store.demo_db /tmp/demo.db && \
         .venv/bin/python scripts/screenshot_web.py /tmp/demo.db docs/web.png "?view=forces"

Needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver).
QUERY may name a fact to open (?fact=ID); by default the first force level's evidence is opened.
"""

from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from factwire.server import create_app

    db, out = Path(argv[0]), Path(argv[1] if len(argv) > 1 else "docs/web.png")
    query = argv[2] if len(argv) > 2 else ""
    binary, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not binary or not driver_path:
        print("needs chromium and chromedriver: apt-get install -y chromium chromium-driver", file=sys.stderr)
        return 2
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1600,1100"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.get(f"http://127.0.0.1:{port}/{query}")
        time.sleep(2.5)  # fetches, then the map and timeline are drawn
        if "fact=" not in query:
            rows = driver.find_elements("css selector", "#view tr.fact")
            if rows:
                rows[0].click()
                time.sleep(1)
        driver.execute_script("window.scrollTo(0, 0)")  # clicking scrolled the row into view
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
    finally:
        driver.quit()
        server.should_exit = True
        thread.join(10)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
