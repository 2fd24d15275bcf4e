"""The command line: a thin layer that parses options, calls the library and turns its
errors into messages a person can act on. Exit codes (EXIT_CODES below) are part of the
contract: cron jobs and scripts test them."""

from __future__ import annotations

import functools
import os
import signal
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from baocao.campaign import CampaignError, load_campaign
from baocao.config import ConfigFileError, config_path, load_config, read_password
from baocao.i18n import (
    N_,
    _,
    current_language,
    language_from_environment,
    moment_text,
    ngettext,
    number_text,
    recorded_text,
    use_language,
)
from baocao.i18n_click import TranslatedGroup
from baocao.store import Store, StoreError, StoreLocked, StoreWriteError

if TYPE_CHECKING:
    from baocao.campaign import Campaign
    from baocao.ingest.sources import MailSource

EXIT_CONFIG, EXIT_CONNECTION, EXIT_LOCKED, EXIT_STORE = 3, 4, 5, 6
EXIT_INTERRUPTED = 130   # the shell's own code for Ctrl-C
TABLE_NAME, REPORT_NAME = "bang-tong-hop", "bao-cao"


class Failure(click.ClickException):
    def __init__(self, message: str, exit_code: int = 1):
        super().__init__(message)
        self.exit_code = exit_code

    def show(self, file=None) -> None:
        # A library's message is English (the msgid); recorded_text finds it in the catalogue.
        click.echo(_("Error: {message}").format(message=recorded_text(self.format_message())), err=file is None,
                   file=file)


def _load_config(ctx: click.Context, param, value):
    try:
        settings = load_config(config_path(value))
    except ConfigFileError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    ctx.default_map = {**settings.get("*", {}), **settings.get(ctx.info_name, {})}
    return value


config_option = click.option(
    "--config", type=click.Path(dir_okay=False, path_type=Path), is_eager=True, expose_value=False,
    callback=_load_config, envvar="BAOCAO_CONFIG",
    help="Settings file (default: ./baocao.toml if present). Keys are the option names: store, campaign, "
         "[imap] host, port, user, password_file, folder (a name or a list), tls, ca_file.",
)
store_option = click.option(
    "--store", type=click.Path(file_okay=False, path_type=Path), envvar="BAOCAO_STORE", required=True,
    help="The store directory (created by the first ingest).",
)
campaign_option = click.option(
    "--campaign", metavar="LETTER|FILE", envvar="BAOCAO_CAMPAIGN", default=None,
    help="The campaign: a recorded one's letter number (1683/BXD-PTDT) or a campaign TOML (default: the "
         "store's only campaign; the bundled 1683/BXD-PTDT in a store that records none).",
)
campaigns_option = click.option(
    "--campaign", "campaigns", type=click.Path(dir_okay=False, path_type=Path), envvar="BAOCAO_CAMPAIGN",
    multiple=True,
    help="Campaign TOML to record in the store and analyse against; repeat it for several requests answered "
         "in one mailbox. Every open campaign the store records is analysed too (default: the bundled "
         "1683/BXD-PTDT in a store that records none).",
)
quiet_option = click.option("--quiet", "-q", is_flag=True, envvar="BAOCAO_QUIET", help="Print only problems.")
document_seconds_option = click.option(
    "--document-seconds", type=click.FloatRange(1, 3600), default=60, show_default=True,
    envvar="BAOCAO_DOCUMENT_SECONDS",
    help="Time limit for reading one attached document (conversion and OCR included).")


class _FolderName(click.ParamType):
    """An IMAP folder name. Several in one variable are separated by commas, not by
    spaces as click would: folder names hold spaces ("Thư rác", "Junk E-mail")."""

    name = "FOLDER"
    envvar_list_splitter = ","

    def convert(self, value, param, ctx):
        value = str(value).strip()
        if not value:
            self.fail(_("an empty folder name"), param, ctx)
        return value


def mail_source_options(f):
    """Where the mail is (--from, or the --imap-* options), handed to the command as one
    value, `mail` (a MailSource)."""
    options = [
        click.option("--from", "from_path", type=click.Path(exists=True, path_type=Path), envvar="BAOCAO_FROM",
                     help="Read a folder of .eml files, a Maildir or an mbox file instead of IMAP."),
        click.option("--imap-host", envvar="BAOCAO_IMAP_HOST", help="IMAP server."),
        click.option("--imap-port", type=int, envvar="BAOCAO_IMAP_PORT", help="Port (default 993 for ssl, else 143)."),
        click.option("--imap-user", envvar="BAOCAO_IMAP_USER", help="Login name."),
        click.option("--imap-password-file", type=click.Path(dir_okay=False, path_type=Path),
                     envvar="BAOCAO_IMAP_PASSWORD_FILE",
                     help="File holding the password (or set BAOCAO_IMAP_PASSWORD). Never on the command line."),
        click.option("--imap-folder", type=_FolderName(), multiple=True, default=["INBOX"], show_default=True,
                     envvar="BAOCAO_IMAP_FOLDER",
                     help="Folder to read; repeat it to read several, the server's spam folder say, where a "
                          "province's report may land (in BAOCAO_IMAP_FOLDER: separated by commas)."),
        click.option("--imap-tls", type=click.Choice(["ssl", "starttls", "none"]), default="ssl", show_default=True,
                     envvar="BAOCAO_IMAP_TLS", help="'none' only for a loopback address."),
        click.option("--imap-ca-file", type=click.Path(dir_okay=False, path_type=Path), envvar="BAOCAO_IMAP_CA_FILE",
                     help="CA certificate for a server with a private certificate."),
        click.option("--imap-retries", type=click.IntRange(0, 20), default=5, show_default=True,
                     envvar="BAOCAO_IMAP_RETRIES",
                     help="Reconnections after a dropped connection (waits 1, 2, 4 … s, at most 30 s)."),
    ]

    @functools.wraps(f)
    def with_mail_source(*args, from_path, imap_host, imap_port, imap_user, imap_password_file, imap_folder,
                         imap_tls, imap_ca_file, imap_retries, **kwargs):
        mail = _mail_source(from_path, imap_host, imap_port, imap_user, imap_password_file, imap_folder, imap_tls,
                            imap_ca_file, imap_retries)
        return f(*args, mail=mail, **kwargs)

    for option in reversed(options):
        with_mail_source = option(with_mail_source)
    return with_mail_source


EXIT_CODES = N_("""\b
Exit codes:
  0  done (problems with single messages or files are recorded: see `baocao errors`)
  1  unexpected failure (please report it with the output)
  2  wrong usage
  3  configuration problem (campaign, config or password file, unsafe TLS setting)
  4  the IMAP server cannot be reached or refuses the login or the folder
  5  another baocao process holds the store
  6  the store cannot be written (disk full, read-only, I/O error)
  7  the store is damaged (`baocao verify` says which object, which messages, what to do)
  130  interrupted (Ctrl-C): what was stored is kept, the next run completes it
""")


def _language(ctx: click.Context, param, value):
    use_language(value or language_from_environment())
    return value


@click.group(cls=TranslatedGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
             epilog=EXIT_CODES)
@click.version_option(package_name="baocao")
@click.option("--lang", type=click.Choice(["vi", "en"]), is_eager=True, expose_value=False, callback=_language,
              help="Language of the messages: vi (the default) or en (else BAOCAO_LANG, else LC_ALL, LC_MESSAGES "
                   "or LANG: English when it starts with en).")
def cli() -> None:
    """baocao: turns the report-collection mailbox into the consolidated national report.

    \b
    The clerk:    baocao ingest --store kho --imap-host mail.example.vn --imap-user baocao.uda \\
                      --imap-password-file ~/.baocao-pass
                  baocao status --store kho
    The analyst:  baocao aggregate --store kho --out bang-tong-hop.xlsx
    The reviewer: baocao render --store kho --out bao-cao.html
    All at once:  baocao run --from fixtures/mailbox --store kho --out bao-cao
    """


# -- helpers -------------------------------------------------------------------------

def _campaign(path: Path | None):
    try:
        return load_campaign(path)
    except CampaignError as e:
        raise Failure(str(e), EXIT_CONFIG) from e


def _campaign_of(store_path: Path, named, *, read_only: bool = False) -> "Campaign":
    """The one resolver of --campaign for the commands that read a store (issue 19): a
    recorded letter number or a file; the store's only campaign when none is named. Several
    and none named: they are listed and the command exits 2. `read_only`: the store is only
    read (verify, which changes nothing and runs beside an ingest)."""
    from baocao.register import CampaignChoiceError, resolve_campaign

    if named is not None and Path(named).is_file():
        return _campaign(Path(named))   # a file is read as it is, the store not even opened
    if read_only:
        try:
            s = Store.open_read_only(store_path)
        except StoreError as e:
            raise Failure(str(e), EXIT_CONFIG) from e
    else:
        s = _open_store(store_path)
    try:
        return resolve_campaign(s, named, record=not read_only)
    except CampaignChoiceError as e:
        raise Failure(str(e), 2) from e
    except CampaignError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    except StoreWriteError as e:
        raise _write_failed(store_path, e) from e
    finally:
        s.close()


def _campaigns_recorded(store_path: Path, files, reopen: bool = False) -> list:
    """--campaign FILE (repeatable) of ingest, parse and watch: each file recorded in the
    store; what is analysed is every open campaign it records (the bundled one when none).
    A closed campaign given is refused before any file is recorded (its versions stay as
    they were when its table was frozen), or opened again with `reopen`."""
    from baocao.register import analysed_campaigns, open_campaigns, record_campaign, recorded_named, reopen_campaign

    s = _open_store(store_path, create=True)
    try:
        if not files and not open_campaigns(s) and not s.recorded_campaigns():
            files = (None,)
        closed = [(campaign, found) for campaign in map(load_campaign, files)
                  if (found := recorded_named(s.recorded_campaigns(), campaign.id)) and found.closed_at is not None]
        if closed and not reopen:
            campaign, found = closed[0]
            raise Failure(_("campaign {campaign} is closed (its table frozen at {closed_at}) and is not "
                            "analysed again: run `baocao parse --store {store} --campaign FILE --reopen` to "
                            "open it again").format(campaign=campaign.id, store=store_path,
                                                    closed_at=moment_text(found.closed_at, campaign.tz)), 2)
        given = [record_campaign(s, file)[0] for file in files]
        for campaign, _found in closed:
            reopen_campaign(s, campaign.id)
        analysed = analysed_campaigns(s, given)   # as each run of a watch reads them again
        if not analysed:
            raise Failure(_("every campaign of the store {store} is closed: give the campaign to analyse with "
                            "--campaign FILE (a closed one with `baocao parse --campaign FILE --reopen`)").format(
                                store=store_path), 2)
        return analysed
    except CampaignError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    except StoreWriteError as e:
        raise _write_failed(store_path, e) from e
    finally:
        s.close()


def _open_store(path: Path, create: bool = False) -> Store:
    try:
        return Store.open(path, create=create)
    except StoreWriteError as e:
        raise _write_failed(path, e) from e
    except StoreError as e:
        raise Failure(str(e), EXIT_CONFIG) from e


def _mail_source(from_path, imap_host, imap_port, imap_user, imap_password_file, imap_folder, imap_tls,
                 imap_ca_file, imap_retries) -> "MailSource":
    """The options of `mail_source_options` as one value."""
    from baocao.ingest.imap import ImapSettings
    from baocao.ingest.sources import MailSource

    if from_path is not None:
        return MailSource(path=from_path)
    if not imap_host or not imap_user:
        raise Failure(_("say where the mail is: --from PATH, or --imap-host and --imap-user "
                        "(also from baocao.toml or BAOCAO_IMAP_HOST / BAOCAO_IMAP_USER)"), EXIT_CONFIG)
    try:
        password = read_password(imap_password_file)
    except ConfigFileError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    settings = ImapSettings(host=imap_host, port=imap_port, user=imap_user, password=password, tls=imap_tls,
                            ca_file=str(imap_ca_file) if imap_ca_file else None, retries=imap_retries)
    return MailSource(imap=settings, folders=tuple(dict.fromkeys(imap_folder)))


def _ingest(store_path: Path, campaign, mail: "MailSource", quiet: bool, document_seconds: float = 60) -> None:
    shown: list[_Progress] = []
    interrupt = signal.signal(signal.SIGINT, lambda signum, frame: _interrupted(shown))
    try:
        _ingest_locked(store_path, campaign, mail, quiet, document_seconds, shown)
    finally:
        signal.signal(signal.SIGINT, interrupt)


def _ingest_locked(store_path, campaign, mail, quiet, document_seconds, shown) -> None:
    from baocao.ingest import pipeline
    from baocao.ingest.imap import ConfigError, ImapError
    from baocao.ingest.sources import SourceError, open_source

    store = _open_store(store_path, create=True)
    try:
        store.lock()
    except StoreLocked as e:
        raise Failure(str(e), EXIT_LOCKED) from e
    try:
        progress = _Progress(quiet)
        shown.append(progress)
        messages = open_source(mail, store, on_folder=progress.folder, on_event=progress.log)
        try:
            summary = pipeline.ingest(store, messages, campaign, on_message=progress.message,
                                      document_seconds=document_seconds)
        except (SourceError, ConfigError) as e:
            raise Failure(str(e), EXIT_CONFIG) from e
        except ImapError as e:
            raise Failure(str(e), EXIT_CONNECTION) from e
        except StoreWriteError as e:
            raise _write_failed(store_path, e) from e
        finally:
            progress.close()
        if not quiet:
            kinds = ", ".join(f"{k}: {v}" for k, v in sorted(summary.kinds.items())) or _("none")
            click.echo(ngettext("{source}: {seen} message seen, {stored} new, {already} already stored; "
                                "analysed {analysed} ({kinds})",
                                "{source}: {seen} messages seen, {stored} new, {already} already stored; "
                                "analysed {analysed} ({kinds})", summary.seen).format(
                source=mail.name, seen=summary.seen, stored=summary.stored, already=summary.already_stored,
                analysed=summary.analysed, kinds=kinds), err=True)
        if summary.errors:
            click.echo(ngettext("{count} new problem recorded: see `baocao errors --store {store}`",
                                "{count} new problems recorded: see `baocao errors --store {store}`",
                                summary.errors).format(
                count=summary.errors, store=store_path), err=True)
    finally:
        store.close()


def _interrupted(shown: list["_Progress"]) -> None:
    """Ctrl-C: leave at once, as a killed run does. The store is made for that (what is
    committed is whole, the rest is done again by the next run; the tests kill runs at
    random points); unwinding through the worker pool instead can deadlock it."""
    try:
        for progress in shown:
            progress.close()   # the terminal gets its cursor back
    finally:
        click.echo("\n" + _("interrupted: every message stored so far is kept; run the same command again to fetch "
                          "and analyse the rest"), err=True)
        os._exit(EXIT_INTERRUPTED)


def _write_failed(store_path: Path, error: StoreWriteError) -> Failure:
    return Failure(_("cannot write to the store {store} ({error}): free space or fix the disk, then run "
                     "again; what was stored before is intact").format(store=store_path, error=error), EXIT_STORE)


class _Progress:
    """A progress bar on a terminal; one log line per new message under cron."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self.count = 0
        self.expected = 0
        self._rich = None
        if sys.stderr.isatty() and not quiet:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._rich = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                  MofNCompleteColumn(), TimeElapsedColumn(), console=Console(stderr=True),
                                  transient=True)
            self._task = self._rich.add_task(_("fetching"), total=None)
            self._rich.start()

    def expect(self, more: int) -> None:
        """A folder's new messages were counted: the bar gets (or moves) its end."""
        self.expected += more
        if self._rich is not None:
            self._rich.update(self._task, total=self.expected)

    def folder(self, source: str, uidvalidity: int, count: int) -> None:
        """An IMAP folder was opened and its new messages counted."""
        self.expect(count)
        if not self.quiet:
            self.log(ngettext("{source}: {count} new message to fetch (UIDVALIDITY {uidvalidity})",
                              "{source}: {count} new messages to fetch (UIDVALIDITY {uidvalidity})", count).format(
                source=source, count=count, uidvalidity=uidvalidity))

    def message(self, raw, new: bool) -> None:
        self.count += 1
        if self._rich is not None:
            self._rich.update(self._task, completed=self.count, description=_("stored") if new else _("fetching"))
        elif new and not self.quiet:
            click.echo(_("stored {source} {key}").format(source=raw.source, key=raw.key), err=True)

    def log(self, text: str) -> None:
        """A line above the bar on a terminal, a plain line otherwise; shown even when quiet."""
        if self._rich is not None:
            self._rich.console.print(text, markup=False, highlight=False)
        else:
            click.echo(text, err=True)

    def close(self) -> None:
        if self._rich is not None:
            self._rich.stop()


def _consolidation(store: Store, campaign):
    from baocao.aggregate.consolidate import consolidate
    from baocao.aggregate.corrections import CorrectionsError

    try:
        return consolidate(store, campaign)
    except CorrectionsError as e:
        raise Failure(str(e), EXIT_CONFIG) from e


def _table(store: Store, campaign):
    return _consolidation(store, campaign).table


def _write_table(table, out: Path, columns=None) -> None:
    from baocao.aggregate.export import ExportError, write_table

    try:
        write_table(table, out, columns)
    except ExportError as e:
        raise Failure(str(e), 2) from e


def _render(store: Store, campaign, table, out: Path, templates: Path | None, on=None,
            with_excerpts: bool = False) -> None:
    from baocao.render.report import RenderError, render_report

    try:
        render_report(table, campaign, store.errors(campaign.id), out, templates=templates, on=on,
                      with_excerpts=with_excerpts)
    except RenderError as e:
        raise Failure(str(e), 2) from e


def _letter_date(ctx, param, value):
    """--date YYYY-MM-DD as a date; the letter is dated today (campaign's zone) without it."""
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(_("'{value}' is not a date written YYYY-MM-DD, e.g. 2022-06-29").format(
            value=value)) from None


date_option = click.option(
    "--date", "on", callback=_letter_date, default=None, metavar="YYYY-MM-DD",
    help="The letter's date (\"Hà Nội, ngày …\", \"Tính đến ngày …\", the annexes' line); default: today in the "
         "campaign's time zone.")
excerpts_option = click.option(
    "--with-excerpts", is_flag=True,
    help="Add Phụ lục III: each province's text for each outline item, corrected cells as corrected.")


# -- commands ------------------------------------------------------------------------

@cli.command(epilog=EXIT_CODES)
@config_option
@store_option
@mail_source_options
@campaigns_option
@quiet_option
@document_seconds_option
def ingest(store, mail, campaigns, quiet, document_seconds):
    """Fetch new mail into the store, recognise each report's province and parse it.

    Only messages not stored yet are fetched; the mailbox is opened read-only, so mail
    stays unread for the clerk's mail client. Run it every night.

    Example:

    \b
        baocao ingest --store kho --imap-host mail.moc.gov.vn --imap-user baocao.uda \\
            --imap-password-file /etc/baocao/pass
        BAOCAO_IMAP_PASSWORD=… baocao ingest --store kho --imap-host 127.0.0.1 --imap-port 10143 \\
            --imap-tls none --imap-user baocao
        baocao ingest --store kho --from fixtures/mailbox
    """
    _ingest(store, _campaigns_recorded(store, campaigns), mail, quiet, document_seconds)


@cli.command()
@config_option
@store_option
@campaigns_option
@document_seconds_option
@click.option("--reopen", is_flag=True, help="Open again a closed campaign given with --campaign: its frozen table "
                                             "is made again from the store.")
def parse(store, campaigns, document_seconds, reopen):
    """Analyse every stored message again: parse its documents, recognise its province.

    For after an upgrade of baocao or a change of campaign file; the clerk's
    `baocao assign` decisions are kept.

    Example:

    \b
        baocao parse --store kho
    """
    from baocao.ingest.pipeline import reanalyse_all

    c = _campaigns_recorded(store, campaigns, reopen)
    s = _open_store(store)
    try:
        s.lock()
        n = reanalyse_all(s, c, document_seconds)
    except StoreLocked as e:
        raise Failure(str(e), EXIT_LOCKED) from e
    except StoreWriteError as e:
        raise _write_failed(store, e) from e
    finally:
        s.close()
    click.echo(ngettext("analysed {count} message again", "analysed {count} messages again", n).format(count=n),
               err=True)


@cli.command()
@config_option
@store_option
@campaign_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Output file: .xlsx (for people: Vietnamese headers and values, with sheets of the "
                   "status, figures, regions, themes, history and what to check), .csv, .json or .parquet "
                   "(machine names and values).")
@click.option("--by-2025-provinces", "by_2025", is_flag=True,
              help="Present the results by the 34 provinces in force since 1 July 2025.")
def aggregate(store, campaign, out, by_2025):
    """Build the province × section table: status, received time, each section's text, figures.

    One row per province of the campaign, missing ones included. The analyst's
    corrections in STORE/corrections.toml are applied and marked in the column
    `overridden` (see the README for its form).

    Example:

    \b
        baocao aggregate --store kho --out bang-tong-hop.xlsx
        baocao aggregate --store kho --out theo-tinh-2025.csv --by-2025-provinces
    """
    from baocao.aggregate.schema import BY_2025_COLUMNS
    from baocao.aggregate.summary import by_2025_provinces

    c = _campaign_of(store, campaign)
    s = _open_store(store)
    try:
        consolidation = _consolidation(s, c)
        if by_2025:
            _write_table(by_2025_provinces(consolidation.table), out, BY_2025_COLUMNS)
        else:
            _write_table(consolidation, out)
    finally:
        s.close()
    click.echo(_("wrote {out}").format(out=out), err=True)


@cli.command()
@config_option
@store_option
@campaign_option
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Output file: .docx (the letter to edit and sign), .pdf, .html or .md.")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              envvar="BAOCAO_TEMPLATES", help="A folder of templates replacing the bundled ones.")
@date_option
@excerpts_option
def render(store, campaign, out, templates, on, with_excerpts):
    """Write the consolidated national report for the reviewer, and kiem-tra.html beside it
    (what the clerk and the analyst should check: unreadable reports, doubtful cells, sources).

    Example:

    \b
        baocao render --store kho --out bao-cao.docx --date 2022-06-29
        baocao render --store kho --out bao-cao.pdf --templates mau-cua-bo
    """
    c = _campaign_of(store, campaign)
    s = _open_store(store)
    try:
        _render(s, c, _table(s, c), out, templates, on, with_excerpts)
    finally:
        s.close()
    click.echo(_("wrote {out} and {checklist} (what to check)").format(out=out, checklist=out.parent / "kiem-tra.html"),
               err=True)


@cli.command(epilog=EXIT_CODES)
@config_option
@store_option
@mail_source_options
@campaign_option
@quiet_option
@document_seconds_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Output folder for the table and the report.")
@click.option("--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
              envvar="BAOCAO_TEMPLATES", help="A folder of templates replacing the bundled ones.")
@date_option
@excerpts_option
def run(store, mail, campaign, quiet, document_seconds, out, templates, on, with_excerpts):
    """Ingest, aggregate and render in one go into an output folder.

    Writes bang-tong-hop.xlsx/.csv/.json (the table), bao-cao.docx/.pdf/.html/.md (the report)
    and kiem-tra.html (what to check).

    Example:

    \b
        baocao run --from fixtures/mailbox --store kho --out bao-cao
    """
    analysed = _campaigns_recorded(store, (campaign,) if campaign else ())
    _ingest(store, analysed, mail, quiet, document_seconds)
    c = _campaign_of(store, campaign)
    s = _open_store(store)
    try:
        consolidation = _consolidation(s, c)
        out.mkdir(parents=True, exist_ok=True)
        for suffix in (".xlsx", ".csv", ".json"):
            _write_table(consolidation, out / f"{TABLE_NAME}{suffix}")
        written = []
        for suffix in (".html", ".md", ".docx", ".pdf"):
            try:
                _render(s, c, consolidation.table, out / f"{REPORT_NAME}{suffix}", templates, on, with_excerpts)
                written.append(suffix)
            except Failure as e:
                if suffix != ".pdf":
                    raise
                # The PDF needs LibreOffice; the other formats are worth having without it.
                click.echo(_("the report was not written as PDF: {reason}").format(reason=e.message), err=True)
    finally:
        s.close()
    if not quiet:
        click.echo(_("wrote {report}, {checklist} and {table}.xlsx, .csv, .json").format(
            report=f"{out}/{REPORT_NAME}{', '.join(written)}", checklist=f"{out}/kiem-tra.html",
            table=f"{out}/{TABLE_NAME}"), err=True)


@cli.command()
@config_option
@store_option
@campaign_option
@click.option("--reminders", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Also write one reminder draft (.eml, not sent) per missing province into this folder.")
def status(store, campaign, reminders):
    """For the clerk: what is in the store, who reported (on time or late), who is missing, what went wrong.

    Example:

    \b
        baocao status --store kho
        baocao status --store kho --reminders nhac-nho
    """
    from baocao.aggregate.review import review_count
    from baocao.aggregate.schema import Status

    c = _campaign_of(store, campaign)
    s = _open_store(store)
    try:
        kinds = s.counts_by_kind()
        table = _table(s, c)
        errors = s.errors(c.id)
        if reminders is not None:
            from baocao.aggregate.reminders import addresses_seen
            addresses = addresses_seen(s, c.id)   # codes of this campaign's table
    finally:
        s.close()
    counts = table["status"].value_counts()
    # In English the table's own status values, as before; in Vietnamese the table's labels.
    statuses = {s.value: s.value if current_language() == "en" else s.label.lower() for s in Status}
    click.echo(_("Campaign {campaign}, deadline {deadline} ({deadline_text})").format(
        campaign=c.id, deadline=moment_text(c.deadline, c.tz), deadline_text=c.deadline_text))
    click.echo(_("Messages stored: {count} ({kinds})").format(
        count=sum(kinds.values()), kinds=", ".join(f"{k}: {n}" for k, n in kinds.items())))
    click.echo(_("Provinces: {count}; on time {on_time}, late {late}, unreadable {unreadable}, missing {missing}")
               .format(count=len(table), **{k: counts.get(k, 0) for k in ("on_time", "late", "unreadable", "missing")}))
    to_review = review_count(table)
    click.echo(ngettext("Cells to review: {cells} in {provinces} province",
                        "Cells to review: {cells} in {provinces} provinces", to_review.provinces).format(
        cells=to_review.cells, provinces=to_review.provinces)
        + (_(" (the table's section_N_review marks them, section_N_note says why)") if to_review.cells else ""))
    click.echo("")
    width = max(len(t) for t in statuses.values())
    for row in table.itertuples():
        received = moment_text(row.received_at, c.tz) if row.received_at else ""
        click.echo(f"  {row.province_code}  {row.province:<24} {statuses.get(row.status, row.status):<{width}} "
                   f"{received}" + (_("  (corrected)") if row.corrected else ""))
    click.echo("")
    click.echo(_("Recorded problems: {count}").format(count=len(errors))
               + (_(" (see `baocao errors --store {store}`)").format(store=store) if errors else ""))
    if reminders is not None:
        from baocao.aggregate.reminders import REGISTRY_MAILBOX, write_reminders
        guess = REGISTRY_MAILBOX + _("@<the province's domain>")

        written, guessed = write_reminders(table, c, reminders, datetime.now(c.tz), addresses)
        click.echo(ngettext(
            "Wrote {count} reminder draft to {folder}: {known} to the address the province last wrote "
            "from, {guessed} to a guessed registry address ({guess}): check those, then send them.",
            "Wrote {count} reminder drafts to {folder}: {known} to the address the province last wrote "
            "from, {guessed} to a guessed registry address ({guess}): check those, then send them.",
            len(written)).format(
            count=len(written), folder=reminders, known=len(written) - len(guessed), guessed=len(guessed),
            guess=guess))


@cli.command()
@config_option
@store_option
@campaign_option
def errors(store, campaign):
    """Every recorded problem: which message, which file, what went wrong, what to do.

    Example:

    \b
        baocao errors --store kho
        baocao errors --store kho --campaign 1702/BXD-HTKT
    """
    c = _campaign_of(store, campaign)
    s = _open_store(store)
    try:
        rows = s.errors(c.id)
    finally:
        s.close()
    if not rows:
        click.echo(_("No problems recorded."))
    for e in rows:
        click.echo(f"[{e['stage']}] {recorded_text(e['what'])}")
        if e["message_sha256"]:
            received = moment_text(e["received_at"], c.tz) if e["received_at"] else "?"
            click.echo("    " + _("message {sha}: {message_id} from {sender}, received {received}, subject {subject}")
                       .format(sha=e["message_sha256"][:12], message_id=e["message_id"], sender=e["sender"],
                               received=received, subject=repr(e["subject"])))
        if e["file"]:
            click.echo("    " + _("file: {file}").format(file=e["file"]))
        click.echo("    " + _("what to do: {action}").format(action=recorded_text(e["action"])))


@cli.command()
@config_option
@store_option
@campaign_option
@click.argument("message")
@click.argument("province", required=False)
@click.option("--not-report", is_flag=True, help="The message is no report: aggregate leaves it out.")
@click.option("--by", default=None, help="Who decides, kept in corrections.toml (default: your login name).")
def assign(store, campaign, message, province, not_report, by):
    """Settle which province sent a message, or that it is no report; kept through every later run.

    MESSAGE is the start of its hash (as `baocao errors` shows it) or its Message-ID;
    PROVINCE a code ("22") or a name ("Quảng Ninh"). The decision is written to
    STORE/corrections.toml as a [[message]] entry with who and when, as the review desk writes it.

    Example:

    \b
        baocao assign --store kho 3f2a9c1b7d20 22
        baocao assign --store kho 9b1e04c2aa51 --not-report
    """
    import getpass

    from baocao.aggregate.corrections import CorrectionsError
    from baocao.ingest.assign import AssignError, assign_message, province_named, set_aside

    if not_report == bool(province):
        raise Failure(_("give either PROVINCE (the province that sent the message) or --not-report, "
                        "not both nor neither"), 2)
    c = _campaign_of(store, campaign)   # the campaign whose province table PROVINCE is in, named in the entry
    try:
        if province:
            province_named(c, province)   # a wrong name is said before the store is locked
    except AssignError as e:
        raise Failure(str(e), 2) from e
    by = by or getpass.getuser()
    s = _open_store(store)
    try:
        s.lock()
        if not_report:
            sha = set_aside(s, c, message, by=by)
        else:
            assigned = assign_message(s, c, message, province, by=by)
    except AssignError as e:
        raise Failure(str(e), 2) from e
    except CorrectionsError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    except StoreLocked as e:
        raise Failure(str(e), EXIT_LOCKED) from e
    except StoreWriteError as e:
        raise _write_failed(store, e) from e
    finally:
        s.close()
    if not_report:
        click.echo(_("message {sha} marked not a report").format(sha=sha[:12]))
    else:
        click.echo(_("message {sha} assigned to {code} {province}").format(
            sha=assigned.message_sha256[:12], code=assigned.province_code, province=assigned.province_name))


EXIT_DAMAGED = 7   # the store lost something: see EXIT_CODES


@cli.command(epilog=EXIT_CODES)
@config_option
@store_option
@campaign_option
def verify(store, campaign):
    """Check the store: every object still holds its bytes, every one the catalogue names
    is there, the catalogue is whole. Changes nothing; runs beside an ingest.

    Exits 7 when something is damaged, naming the object, the messages and provinces it
    costs, and what to do. Objects no message names (left by a stopped run) are only warned of.

    Example:

    \b
        baocao verify --store kho
    """
    from baocao.store.check import check_store
    from baocao.store.errors import CatalogueUnreadable

    try:
        c = _campaign_of(store, campaign, read_only=True)   # read-only: verify changes nothing
    except (CatalogueUnreadable, OSError):
        c = _campaign(None)   # a catalogue past reading: the check below says so; names from the bundled table
    try:
        result = check_store(store)
    except StoreError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    for problem in result.problems:
        click.echo((_("DAMAGED: {what}") if problem.is_damage else _("warning: {what}")).format(
            what=recorded_text(problem.what)))
        for m in problem.affected:
            try:
                province = f"{m.province_code} {c.province(m.province_code).name}"
            except KeyError:
                province = m.province_code or _("none recognised")
            received = moment_text(m.received_at, c.tz) if m.received_at else "?"
            click.echo("    " + _("message {sha}: {message_id} from {sender}, received {received}, subject {subject}")
                       .format(sha=m.sha256[:12], message_id=m.message_id, sender=m.sender, received=received,
                               subject=repr(m.subject)) + _("; province {province}").format(province=province))
            for place in m.seen_at:
                click.echo("        " + _("seen at {place}").format(place=place))
        click.echo("    " + _("what to do: {action}").format(action=recorded_text(problem.action)))
    damage, warnings = len(result.damage), len(result.warnings)
    click.echo(_("checked {objects} objects ({size} MiB), {messages} messages, {referenced} objects named by the "
                 "catalogue: ").format(objects=result.objects, size=number_text(result.bytes / 2**20, 1),
                                       messages=result.messages, referenced=result.referenced)
               + (_("{count} damaged").format(count=damage) if damage else _("no damage"))
               + (ngettext(", {count} warning", ", {count} warnings", warnings).format(count=warnings)
                  if warnings else ""))
    changed = [] if damage else _frozen_tables_changed(store)   # a damaged catalogue says nothing sure
    for change in changed:
        click.echo(_("CHANGED: {change}\n    what to do: compare with the signed table; `baocao parse --store {store} "
                     "--campaign FILE --reopen` makes the table again from the store as it is now").format(
                         change=recorded_text(change), store=store))
    if damage or changed:
        sys.exit(EXIT_DAMAGED)


def _frozen_tables_changed(store_path: Path) -> list[str]:
    """The closed campaigns' frozen tables checked against the store (issue 19), read-only."""
    from baocao.register import frozen_table_changes

    s = Store.open_read_only(store_path)
    try:
        return frozen_table_changes(s)
    finally:
        s.close()


@cli.command(epilog=EXIT_CODES)
@config_option
@store_option
@click.option("--to", "target", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The backup folder: a new one, or an earlier backup of this store (only what is new is added).")
@click.option("--copy", is_flag=True,
              help="Copy every object, even on the store's own file system (default: hard links there).")
def backup(store, target, copy):
    """Back the store up into a folder that is itself a store; runs beside an ingest.

    The catalogue is copied as one moment saw it, then the objects it names. Run it
    after the nightly ingest, to another disk at best; `baocao verify --store BACKUP`
    checks the copy.

    Example:

    \b
        baocao backup --store kho --to /mnt/sao-luu/kho
        baocao backup --store kho --to kho-sao-luu --copy
    """
    from baocao.store.backup import BackupError, StoreDamaged, back_up_store

    try:
        done = back_up_store(store, target, copy=copy)
    except StoreError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    except StoreDamaged as e:
        raise Failure(str(e), EXIT_DAMAGED) from e
    except BackupError as e:
        raise Failure(str(e), 2) from e
    except OSError as e:
        raise Failure(_("cannot write the backup to {target} ({reason}): free space or fix the disk, then run "
                        "again; an earlier backup there is intact").format(target=target, reason=e.strerror),
                      EXIT_STORE) from e
    new = done.linked + done.copied
    files = "".join(f", {name}" for name in done.files)
    click.echo(_("backed up {store} to {target}: {messages} messages, {objects} objects ({new} new: {linked} linked, "
                 "{copied} copied, {size} MiB; {already} already there)").format(
        store=store, target=target, messages=done.messages, objects=done.objects, new=new, linked=done.linked,
        copied=done.copied, size=number_text((done.bytes_linked + done.bytes_copied) / 2**20, 1),
        already=done.already_there) + files)


@cli.command()
@config_option
@store_option
@campaign_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any but this machine's own (127.0.0.1, ::1) needs a users file "
                   "(`baocao user add`), and every page then asks for a login.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free one; the address printed says which).")
@click.option("--require-login", is_flag=True, help="Ask for a login on 127.0.0.1 too.")
def review(store, campaign, host, port, require_login):
    """Open the review desk: check and correct each province's items beside its pages, in a browser.

    Every change goes into STORE/corrections.toml with who and when, so `baocao aggregate` and
    `baocao render` apply it. Stop it with Ctrl-C.

    Example:

    \b
        baocao review --store kho                      # then open http://127.0.0.1:8765/
        baocao user add --store kho lan.nt --role analyst
        baocao review --store kho --host 10.0.0.5      # others reach it; everyone logs in
    """
    from baocao.config import is_loopback
    from baocao.review.app import Settings, make_app
    from baocao.review.server import ServeError, listen, serve
    from baocao.review.users import UsersError, load_users, users_path

    c = _campaign_of(store, campaign)
    _open_store(store).close()   # a store made by an older baocao is brought up to date once, here
    users_file = users_path(store)
    try:
        users = load_users(users_file)
    except UsersError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    if not is_loopback(host) and not users:
        raise Failure(_("refusing to listen on {host}: other machines could reach the desk and nobody has a login. "
                        "Add users first (`baocao user add --store {store} NAME --role analyst`), "
                        "or keep the default --host 127.0.0.1").format(host=host, store=store), EXIT_CONFIG)
    login = require_login or not is_loopback(host)
    if login and not users:
        raise Failure(_("--require-login, but {users} has no user: add one with "
                        "`baocao user add --store {store} NAME --role analyst`").format(users=users_file, store=store),
                      EXIT_CONFIG)
    try:
        sock = listen(host, port)
    except ServeError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    app = make_app(store, c, Settings(require_login=login, users_file=users_file))
    serve(app, sock, lambda address: click.echo(_("Review desk: {address} (Ctrl-C to stop)").format(address=address)))
    click.echo(_("The review desk has stopped."), err=True)


# -- the campaigns a store answers (issue 19) ----------------------------------------

@cli.group(invoke_without_command=True)
@config_option
@click.option("--store", type=click.Path(file_okay=False, path_type=Path), envvar="BAOCAO_STORE",
              help="The store directory (created by the first ingest).")
@click.pass_context
def campaigns(ctx, store):
    """The campaigns the store answers: letter, title, deadline, file version, reports, open or closed.

    A campaign is recorded by `baocao ingest|parse|watch --campaign FILE`; a changed file is
    a new version. Every reading command takes --campaign LETTER to say which one it is about.

    Example:

    \b
        baocao campaigns --store kho
        baocao campaigns close --store kho 1683/BXD-PTDT
    """
    from zoneinfo import ZoneInfo

    if ctx.invoked_subcommand is not None:
        return
    if store is None:
        raise click.MissingParameter(ctx=ctx, param_type="option", param_hint="'--store'")
    from baocao.aggregate.schema import Status
    from baocao.register import load_recorded, recorded_campaigns

    s = _open_store(store)
    try:
        recorded = recorded_campaigns(s)
        if not recorded:
            click.echo(_("No campaign recorded in {store}: `baocao ingest --store {store} --campaign FILE` records "
                         "one.").format(store=store))
        for r in recorded:
            try:
                counts = _table(s, load_recorded(s, r))["status"].value_counts()
                reported = sum(int(counts.get(k.value, 0)) for k in (Status.ON_TIME, Status.LATE, Status.UNREADABLE))
                figures = _("reported {reported}, late {late}, missing {missing}").format(
                    reported=reported, late=int(counts.get(Status.LATE.value, 0)),
                    missing=int(counts.get(Status.MISSING.value, 0)))
            except CampaignError as e:
                figures = _("its file cannot be read: {reason}").format(reason=recorded_text(str(e)))
            tz = ZoneInfo(r.timezone)
            state = (_("closed {moment}").format(moment=moment_text(r.closed_at, tz))
                     if r.closed_at else _("open"))
            click.echo(_("{id}  {title}\n    deadline {deadline}, file version {version}, {figures}; {state}").format(
                id=r.id, title=r.title, deadline=moment_text(r.deadline, tz), version=r.latest.version,
                figures=figures, state=state))
    finally:
        s.close()


@campaigns.command("close")
@config_option
@store_option
@click.argument("letter")
def campaigns_close(store, letter):
    """Close a campaign: its table is frozen as it stands (kept in the store with what it was
    made from); later runs analyse it no more, `baocao verify` checks it still matches.

    Example:

    \b
        baocao campaigns close --store kho 1683/BXD-PTDT
    """
    from baocao.aggregate.corrections import CorrectionsError
    from baocao.register import close_campaign

    s = _open_store(store)
    try:
        s.lock()
        closed = close_campaign(s, letter)
    except CorrectionsError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    except StoreLocked as e:
        raise Failure(str(e), EXIT_LOCKED) from e
    except CampaignError as e:
        raise Failure(str(e), 2) from e
    except StoreWriteError as e:
        raise _write_failed(store, e) from e
    finally:
        s.close()
    click.echo(_("closed {campaign}: its table is frozen (object {sha})").format(
        campaign=closed.id, sha=closed.frozen_table[:12]))


@cli.group()
def user() -> None:
    """The review desk's users (STORE/users.toml)."""


@user.command("add")
@config_option
@store_option
@click.argument("name")
@click.option("--role", type=click.Choice(["clerk", "analyst", "reviewer"]), required=True,
              help="clerk: reads, assigns a message to a province, marks one not a report; "
                   "analyst and reviewer: also correct and mark items checked.")
@click.option("--password-file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Read the password from this file (first line) instead of asking for it.")
def user_add(store, name, role, password_file):
    """Add a user of the review desk, or give one a new role and password.

    Example:

    \b
        baocao user add --store kho lan.nt --role analyst
    """
    from baocao.review.users import UsersError, add_user, users_path

    _open_store(store).close()
    if password_file is not None:
        password = password_file.read_text(encoding="utf-8").splitlines()[0] if password_file.stat().st_size else ""
    else:
        password = click.prompt(_("Password"), hide_input=True, confirmation_prompt=_("Repeat the password"))
    try:
        added = add_user(users_path(store), name, role, password)
    except UsersError as e:
        raise Failure(str(e), 2) from e
    click.echo(_("user {name} ({role}) saved in {users}").format(name=added.name, role=added.role,
                                                                 users=users_path(store)))


# -- the mailbox polled without a person: watch, digest (issue 18) ---------------------

class _Duration(click.ParamType):
    """A duration: "30s", "10m", "24h", "2d", or a number of seconds."""

    name = "DURATION"
    UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

    def convert(self, value, param, ctx):
        if isinstance(value, (int, float)):
            return float(value)
        text = str(value).strip().lower()
        number, unit = (text[:-1], text[-1]) if text[-1:] in self.UNITS else (text, "s")
        try:
            seconds = float(number) * self.UNITS[unit]
        except ValueError:
            self.fail(_("{value} is not a duration: write it as 30s, 10m, 24h or 2d").format(value=repr(value)),
                      param, ctx)
        if seconds <= 0:
            self.fail(_("{value} is not a duration longer than nothing").format(value=repr(value)), param, ctx)
        return seconds


@cli.command(epilog=EXIT_CODES)
@config_option
@store_option
@mail_source_options
@campaigns_option
@quiet_option
@document_seconds_option
@click.option("--interval", type=_Duration(), default="10m", show_default=True, envvar="BAOCAO_INTERVAL",
              help="How often to check when the server does not announce new mail (no IDLE, --no-idle, "
                   "the folders after the first): 30s, 10m, 1h.")
@click.option("--no-idle", is_flag=True, envvar="BAOCAO_NO_IDLE",
              help="Check every --interval even where the server offers IMAP IDLE.")
def watch(store, mail, campaigns, quiet, document_seconds, interval, no_idle):
    """Keep watching the mailbox and ingest new mail as it arrives, as `baocao ingest` does.

    One connection waits in IMAP IDLE (renewed every 29 minutes) where the server offers it,
    else the mailbox is checked every --interval. The store is locked only while new mail is
    ingested: parse, aggregate, render and the review desk run in between. A lost connection is
    retried with growing pauses (up to 5 minutes) and everything is checked again after it.
    One log line per event on stderr: time, level, event, details. SIGTERM stops it (exit 0),
    Ctrl-C too (exit 130); mail being ingested then is completed by the next run.

    Example:

    \b
        baocao watch --store /srv/baocao/kho --imap-host mail.moc.gov.vn --imap-user baocao.uda \\
            --imap-password-file /etc/baocao/imap-password
        baocao watch --store kho --imap-host 127.0.0.1 --imap-port 10143 --imap-tls none \\
            --imap-user baocao --no-idle --interval 30s
    """
    from baocao.ingest.imap import ConfigError, ImapError
    from baocao.ingest.sources import SourceError
    from baocao.ingest.watch import EventLog, watch_mailbox

    c = _campaigns_recorded(store, campaigns)
    log = EventLog(quiet=quiet)
    try:
        code = watch_mailbox(store, mail, c, log, interval=interval, idle=not no_idle,
                             document_seconds=document_seconds,
                             exit_codes={signal.SIGTERM: 0, signal.SIGINT: EXIT_INTERRUPTED})
    except (SourceError, ConfigError) as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    except ImapError as e:
        raise Failure(str(e), EXIT_CONNECTION) from e
    except StoreWriteError as e:
        raise _write_failed(store, e) from e
    except StoreError as e:
        raise Failure(str(e), EXIT_CONFIG) from e
    sys.exit(code)


@cli.command()
@config_option
@store_option
@campaign_option
@click.option("--since", type=_Duration(), default=None,
              help="Cover this long back (24h, 7d) instead of since the last digest; records nothing.")
@click.option("--mail-to", envvar="BAOCAO_MAIL_TO",
              help="Send it to this address (several: separated by commas).")
@click.option("--mail-from", envvar="BAOCAO_MAIL_FROM", help="Sender address (default: the campaign's mailbox).")
@click.option("--smtp-host", envvar="BAOCAO_SMTP_HOST", help="SMTP server (needed with --mail-to).")
@click.option("--smtp-port", type=int, envvar="BAOCAO_SMTP_PORT", help="Port (default 587 starttls, 465 ssl, 25).")
@click.option("--smtp-user", envvar="BAOCAO_SMTP_USER", help="Login name, if the server asks for one.")
@click.option("--smtp-password-file", type=click.Path(dir_okay=False, path_type=Path),
              envvar="BAOCAO_SMTP_PASSWORD_FILE",
              help="File holding the password (or set BAOCAO_SMTP_PASSWORD). Never on the command line.")
@click.option("--smtp-tls", type=click.Choice(["starttls", "ssl", "none"]), default="starttls", show_default=True,
              envvar="BAOCAO_SMTP_TLS", help="'none' with a login only for a loopback address.")
@click.option("--smtp-ca-file", type=click.Path(dir_okay=False, path_type=Path), envvar="BAOCAO_SMTP_CA_FILE",
              help="CA certificate for a server with a private certificate.")
def digest(store, campaign, since, mail_to, mail_from, smtp_host, smtp_port, smtp_user, smtp_password_file,
           smtp_tls, smtp_ca_file):
    """For the clerk, in Vietnamese: what arrived since the last digest (new reports by province,
    late ones, corrections, messages that need the clerk) and who is still missing, with the days
    left to the deadline. Printed, and mailed with --mail-to.

    Each digest made without --since is recorded in the store (a mailed one once the server took
    it), and the next one covers what came after it; the first covers the last 24 hours.

    Example:

    \b
        baocao digest --store kho
        baocao digest --store kho --since 7d
        baocao digest --store kho --mail-to vanthu@moc.gov.vn --smtp-host mail.moc.gov.vn \\
            --smtp-user baocao.uda --smtp-password-file /etc/baocao/smtp-password
    """
    from datetime import timedelta, timezone

    from baocao.aggregate.digest import digest_subject, digest_text, make_digest
    from baocao.smtp import SmtpError, SmtpSettings, send

    c = _campaign_of(store, campaign)
    settings = None
    mail_to = [a.strip() for a in (mail_to or "").split(",") if a.strip()]
    if mail_to:
        if not smtp_host:
            raise Failure(_("--mail-to needs --smtp-host (or BAOCAO_SMTP_HOST): the server to send through"), 2)
        try:
            password = read_password(smtp_password_file, "BAOCAO_SMTP_PASSWORD", "smtp-password", "SMTP")
        except ConfigFileError as e:
            raise Failure(str(e), EXIT_CONFIG) from e
        settings = SmtpSettings(smtp_host, smtp_port, smtp_user, password, smtp_tls,
                                str(smtp_ca_file) if smtp_ca_file else None)
        try:
            settings.check()   # before the store is read: a wrong setting is said at once
        except SmtpError as e:
            raise Failure(str(e), EXIT_CONFIG) from e
    now = datetime.now(timezone.utc)
    s = _open_store(store)
    try:
        last = s.last_digest_at(c.id)   # each campaign's digests follow on from its own
        covered_from = (now - timedelta(seconds=since) if since is not None
                        else datetime.fromisoformat(last) if last else now - timedelta(hours=24))
        made = _consolidation_errors(lambda: make_digest(s, c, covered_from, now))
        text = digest_text(made)
        click.echo(text, nl=False)
        if settings is not None:
            import email.policy
            import email.utils
            from email.message import EmailMessage

            # Not folded below RFC 5322's limit: Python 3.11 drops the space between two encoded
            # words when it folds a Vietnamese subject ("báo cáo" arrived as "báocáo").
            message = EmailMessage(policy=email.policy.SMTP.clone(max_line_length=998))
            message["From"] = mail_from or c.mailbox
            message["To"] = ", ".join(mail_to)
            message["Subject"] = digest_subject(made)
            message["Date"] = email.utils.format_datetime(now.astimezone(c.tz))
            message["Message-ID"] = email.utils.make_msgid(domain=(mail_from or c.mailbox).rpartition("@")[2] or None)
            message.set_content(text)   # UTF-8, as every Vietnamese text baocao writes
            try:
                send(message, settings)
            except SmtpError as e:
                raise Failure(_("{reason}; the digest was not recorded: the next one covers this period too").format(
                    reason=e), EXIT_CONNECTION) from e
            click.echo(_("sent to {addresses}").format(addresses=", ".join(mail_to)), err=True)
        if since is None:
            s.record_digest(now.isoformat(timespec="seconds"), covered_from.astimezone(timezone.utc)
                            .isoformat(timespec="seconds"), ", ".join(mail_to) or None, c.id)
    except StoreWriteError as e:
        raise _write_failed(store, e) from e
    finally:
        s.close()


def _consolidation_errors(make):
    from baocao.aggregate.corrections import CorrectionsError

    try:
        return make()
    except CorrectionsError as e:
        raise Failure(str(e), EXIT_CONFIG) from e


def main() -> None:
    # UTF-8 whatever the locale: cron's LANG=C, a pipe or a file keep the diacritics.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    use_language(_language_asked(sys.argv[1:]) or language_from_environment())
    cli(prog_name="baocao")


def _language_asked(args: list[str]) -> str | None:
    """--lang before click reads it: `baocao --help --lang en` shows the help in English too."""
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1] if args[i + 1] in ("vi", "en") else None
        if arg.startswith("--lang="):
            return arg.partition("=")[2] if arg.partition("=")[2] in ("vi", "en") else None
    return None
