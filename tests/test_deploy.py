"""The ready-made schedules in deploy/: systemd units that systemd accepts, cron lines of
the right shape, and in both only command lines baocao itself accepts."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from baocao.cli import cli
from baocao.config import load_config

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
INSTALLED = "/opt/baocao/.venv/bin/baocao"
UNITS = sorted(DEPLOY.glob("*.service")) + sorted(DEPLOY.glob("*.timer"))
SERVICES = sorted(DEPLOY.glob("*.service"))


def unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=True, interpolation=None, delimiters=("=",))
    parser.optionxform = str   # systemd's keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser


def baocao_accepts(argv: list[str]) -> None:
    """Parse a command line with baocao's own click commands, as `baocao …` would, without
    running it: an unknown command or option, a missing required one, a bad value fail."""
    assert argv[0] == INSTALLED, argv
    name, *args = argv[1:]
    assert name in cli.commands, f"{name} is no baocao command"
    cli.commands[name].make_context(name, args)


@pytest.fixture(autouse=True)
def no_settings_from_here(monkeypatch, tmp_path):
    for name in [n for n in os.environ if n.startswith("BAOCAO_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)   # no ./baocao.toml


def test_the_schedules_are_all_there():
    assert {p.name for p in UNITS} == {"baocao-watch.service", "baocao-ingest.service", "baocao-ingest.timer",
                                       "baocao-digest.service", "baocao-digest.timer"}
    assert (DEPLOY / "crontab").is_file() and (DEPLOY / "baocao.toml").is_file()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    # Installed, baocao is at INSTALLED; here it is this environment's script.
    here = Path(sys.executable).parent / "baocao"
    for path in UNITS:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8").replace(INSTALLED, str(here)))
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", *sorted(map(str, tmp_path.iterdir()))],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: p.name)
def test_each_service_runs_as_its_own_user_in_the_store_with_the_password_as_a_credential(path):
    service = unit(path)["Service"]
    assert service["User"] == "baocao"
    command = shlex.split(service["ExecStart"])
    store = command[command.index("--store") + 1]
    assert store.startswith(service["WorkingDirectory"]) and store.startswith(service["ReadWritePaths"])
    assert service["ProtectSystem"] == "strict"
    credential, _, source = service["LoadCredential"].partition(":")
    assert credential in ("imap-password", "smtp-password") and source == f"/etc/baocao/{credential}"
    assert "password" not in service["ExecStart"].replace("password-file", "")


def test_watch_restarts_after_a_failure_but_not_after_a_mistake_restarting_cannot_mend():
    service = unit(DEPLOY / "baocao-watch.service")["Service"]
    assert service["Restart"] == "on-failure"
    assert set(service["RestartPreventExitStatus"].split()) == {"2", "3", "4", "7"}


@pytest.mark.parametrize("name", ["baocao-ingest", "baocao-digest"])
def test_each_timer_starts_its_service_at_a_hanoi_hour_and_catches_up_a_missed_one(name):
    timer = unit(DEPLOY / f"{name}.timer")["Timer"]
    assert timer["OnCalendar"].endswith("Asia/Ho_Chi_Minh") and timer["Persistent"] == "true"
    assert unit(DEPLOY / f"{name}.service")["Service"]["Type"] == "oneshot"


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: p.name)
def test_the_services_command_lines_are_baocao_commands(path):
    baocao_accepts(shlex.split(unit(path)["Service"]["ExecStart"]))


def cron_commands() -> list[list[str]]:
    commands = []
    for line in (DEPLOY / "crontab").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "=" in line.split()[0]:
            continue
        fields = line.split()
        schedule, rest = (fields[:1], fields[1:]) if fields[0].startswith("@") else (fields[:5], fields[5:])
        assert len(schedule) in (1, 5) and rest[0] == "baocao", line   # /etc/cron.d: a user column
        command = shlex.split(" ".join(rest[1:]))
        commands.append(command[:command.index(">>")])
    return commands


def test_the_cron_lines_are_baocao_commands():
    commands = cron_commands()
    assert [c[1] for c in commands] == ["watch", "ingest", "digest"]
    for command in commands:
        baocao_accepts(command)


def test_the_settings_file_names_only_options_the_commands_have():
    settings = load_config(DEPLOY / "baocao.toml")
    assert set(settings["*"]) <= {p.name for p in cli.commands["ingest"].params}
    assert set(settings["watch"]) <= {p.name for p in cli.commands["watch"].params}
    context = cli.commands["watch"].make_context("watch", ["--config", str(DEPLOY / "baocao.toml")])
    assert (context.params["store"], context.params["imap_host"]) == (Path("/srv/baocao/kho"), "mail.moc.gov.vn")
    assert context.params["interval"] == 600


def test_the_password_systemd_hands_the_service_is_read_when_no_file_or_variable_gives_one(monkeypatch, tmp_path):
    from baocao.config import read_password

    credentials = tmp_path / "credentials"
    credentials.mkdir()
    (credentials / "imap-password").write_text("Mat-khau 1\n")
    (credentials / "smtp-password").write_text("thu-di\n")
    monkeypatch.setenv("CREDENTIALS_DIRECTORY", str(credentials))
    assert read_password(None) == "Mat-khau 1"
    assert read_password(None, "BAOCAO_SMTP_PASSWORD", "smtp-password", "SMTP") == "thu-di"
    # a file or the variable named by the clerk comes first
    monkeypatch.setenv("BAOCAO_IMAP_PASSWORD", "from-the-environment")
    assert read_password(None) == "from-the-environment"
    (tmp_path / "pass").write_text("from-the-file\n")
    assert read_password(tmp_path / "pass") == "from-the-file"
