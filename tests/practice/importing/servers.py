"""A real HTTP server on 127.0.0.1 for feed, link and import tests: each path answers as a test tells it to."""

import dataclasses
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclasses.dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict = dataclasses.field(default_factory=dict)
    delay: float = 0
    etag: str = ""
    last_modified: str = ""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.answer(with_body=True)

    def do_HEAD(self):  # noqa: N802
        self.answer(with_body=False)

    def answer(self, *, with_body):
        server = self.server
        server.requests.append((self.command, self.path, dict(self.headers)))
        route = server.routes.get(self.path) or Route(status=404, body=b"<title>Not found</title>")
        with server.lock:
            server.active += 1
            server.most_active = max(server.most_active, server.active)
        try:
            if route.delay:
                time.sleep(route.delay)
        finally:
            # Counted out before answering: once the answer is sent, the client may start its next
            # request before this thread runs again, and an overlap that never was would be counted.
            with server.lock:
                server.active -= 1
        self.send(route, with_body=with_body)

    def send(self, route, *, with_body):
        server = self.server
        not_modified = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
            route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified
        )
        status = 304 if not_modified else route.status
        body = b"" if not_modified else route.body
        try:
            self.send_response(status)
            for name, value in route.headers.items():
                self.send_header(name, value.replace("{base}", server.base_url))
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if with_body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as a timeout test wants

    def log_message(self, format, *args):
        pass


class WebServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes = {}
        self.requests = []
        self.lock = threading.Lock()
        self.active = self.most_active = 0  # requests being answered at once, and the most there were
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path):
        return self.base_url + path

    def add(self, path, **route):
        self.routes[path] = Route(**route)
        return self.url(path)

    def paths_requested(self):
        return [path for _, path, _ in self.requests]


def start_server():
    server = WebServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


def stop_server(server):
    server.shutdown()
    server.server_close()
