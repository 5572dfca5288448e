"""The WSGI environ of a plain GET, for the benches that call the site's application in a loop (no server).

Imports nothing of the site: bench/render_cpu.py measures the checkout it runs in, not this one."""

import io


def environ_for(path: str, agent: str) -> dict:
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "HTTP_HOST": "127.0.0.1:8000",
        "wsgi.input": io.BytesIO(), "wsgi.url_scheme": "https", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_USER_AGENT": agent, "REMOTE_ADDR": "127.0.0.1",
    }  # fmt: skip
