import pytest

from tests.practice.importing.servers import start_server, stop_server


@pytest.fixture
def web():
    """A real web server on 127.0.0.1 that answers each path as the test sets it up."""
    server = start_server()
    yield server
    stop_server(server)
