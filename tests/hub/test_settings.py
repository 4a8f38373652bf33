"""Production settings: configured from the environment, refusing to start without a secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REAL_CONFIGURATION = {
    "DJANGO_SETTINGS_MODULE": "hub.settings.production",
    "SECRET_KEY": "k9#Rr2vP!x7Qw3zL@m5Nt8Yb1Hc4Jd6Fg0Ks2Ua9Ve3Xi7Oq5Wp1Zl8Mn4By6Ct",
    "ALLOWED_HOSTS": "practicehub.example.gov.uk",
    "DATABASE_URL": "postgres://hub:secret@127.0.0.1:5432/hub",
}


def manage(*args, env):
    clean = {
        key: value for key, value in os.environ.items() if key not in {*REAL_CONFIGURATION, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_a_real_configuration():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=REAL_CONFIGURATION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {**REAL_CONFIGURATION, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "ImproperlyConfigured: Set the SECRET_KEY" in result.stderr


def test_elasticsearch_is_the_search_backend_when_its_url_is_set():
    env = {
        **REAL_CONFIGURATION,
        "ELASTICSEARCH_URL": "https://search.internal:9200",
        "ELASTICSEARCH_INDEX_PREFIX": "hub_live_",
    }
    code = "from django.conf import settings; print(settings.WAGTAILSEARCH_BACKENDS)"
    result = manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    # Our subclass of Wagtail's Elasticsearch 9 backend, with the database index kept as the fallback.
    assert "'BACKEND': 'search.elastic.Elasticsearch9Backend'" in result.stdout
    assert "'database': {'BACKEND': 'search.backends.database'}" in result.stdout
    assert "'INDEX_PREFIX': 'hub_live_'" in result.stdout
    assert "https://search.internal:9200" in result.stdout


def test_test_settings_write_email_to_files_only_when_email_url_asks_for_them(tmp_path):
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND, settings.EMAIL_FILE_PATH)"
    test_settings = {"DJANGO_SETTINGS_MODULE": "hub.settings.test"}

    # The browser tests' server, in a process of its own, writes what it sends where the tests read it.
    to_files = manage("shell", "-c", code, env={**test_settings, "EMAIL_URL": f"filemail:///{tmp_path}"})
    assert to_files.returncode == 0, to_files.stderr
    backend, folder = to_files.stdout.splitlines()[-1].split()
    assert (backend, folder) == ("django.core.mail.backends.filebased.EmailBackend", str(tmp_path))

    # Any other EMAIL_URL, say a real mail server in the developer's shell, never sends mail from the tests.
    smtp = manage("shell", "-c", code, env={**test_settings, "EMAIL_URL": "smtp://mail.example.org:25"})
    assert smtp.returncode == 0, smtp.stderr
    assert smtp.stdout.splitlines()[-1].split()[0] == "django.core.mail.backends.locmem.EmailBackend"


def test_postgresql_queries_run_without_parallel_workers_or_jit_and_with_solid_state_costs_unless_asked():
    show = ["shell", "-c", "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"]

    default = manage(*show, env=REAL_CONFIGURATION)
    asked = manage(
        *show,
        env={
            **REAL_CONFIGURATION,
            "DATABASE_PARALLEL_WORKERS": "2",
            "DATABASE_JIT": "true",
            "DATABASE_RANDOM_PAGE_COST": "4",
        },
    )

    assert "-c max_parallel_workers_per_gather=0 -c jit=off -c random_page_cost=1.1" in default.stdout, default.stderr
    assert "-c max_parallel_workers_per_gather=2 -c jit=on -c random_page_cost=4.0" in asked.stdout, asked.stderr
