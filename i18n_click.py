"""click's help screens in the chosen language.

click takes the help texts when the decorators run, at import, before `--lang` is read; so
they stay the English msgids on the commands and are translated when a help screen is
written (i18n.help_text). The headings click writes itself (Usage, Options, Commands) are
translated here too, and click's own error texts ("Missing option …"): click marks them with the
standard library's gettext in the default domain, so its modules are given baocao's `_` and
`ngettext` instead, which answer in the language chosen at start (`--lang` included)."""

from __future__ import annotations

import copy
import gettext

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.termui
import click.types

from baocao.i18n import N_, _, help_text, ngettext

# Texts of click's own that baocao's screens show: in the catalogue through these marks,
# written exactly as in click's source (the msgids click looks up).
CLICK_TEXTS = (
    N_("Show this message and exit."), N_("Show the version and exit."),
    N_("Error: {message}"), N_("Try '{command} {option}' for help."),
    N_("Missing argument"), N_("Missing option"), N_("Missing parameter"), N_("Missing command."),
    N_("No such option {name!r}."), N_("No such command {name!r}."),
    N_("Invalid value: {message}"), N_("Invalid value for {param_hint}: {message}"),
    N_("Argument {name!r} takes {nargs} values."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("{value} is not in the range {range}."),
    N_("file"), N_("directory"), N_("path"),
    N_("{name} {filename!r} does not exist."), N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."), N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("Choose from:\n\t{choices}"),
    N_("required"), N_("default: {default}"), N_("env var: {var}"), N_("(dynamic)"), N_("Aborted!"),
    N_("Error: The two entered values do not match."), N_("Error: invalid input"),
    N_("Option {name!r} does not take a value."), N_("Missing parameter: {param_name}"),
    N_("Missing {param_type}"), N_("Could not open file {filename!r}: {message}"),
)
# click's texts that change with a count; ngettext marks them for the catalogue.
CLICK_PLURALS = (
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1),
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1),
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1),
    ngettext("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1),
)


_PATH_NOUNS = ("file", "directory", "path")


class _PathNoun(str):
    """click.Path names what it wants ("file") when the option is declared, at import, before
    `--lang` is read, and writes it titled in its errors ("File 'x' does not exist."): the
    noun is translated then, when the error is written."""

    def title(self) -> str:
        text = _(str(self))   # "thư mục" becomes "Thư mục", not "Thư Mục" as str.title() writes it
        return text[:1].upper() + text[1:]


def _click_types_text(message: str) -> str:
    return _PathNoun(message) if message in _PATH_NOUNS else _(message)


def _install_for_click() -> None:
    """click's modules call `_` and `ngettext`, imported from the standard library's gettext,
    whose default domain baocao does not use: they call baocao's instead."""
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser,
                   click.termui, click.types):
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _click_types_text if module is click.types else _
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = ngettext


_install_for_click()


class TranslatedCommand(click.Command):
    def format_usage(self, ctx, formatter):
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage:") + " ")

    def format_help_text(self, ctx, formatter):
        with _translated(self, "help"):
            super().format_help_text(ctx, formatter)

    def format_epilog(self, ctx, formatter):
        with _translated(self, "epilog"):
            super().format_epilog(ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        with _translated(self, "help"), _translated(self, "short_help"):
            return super().get_short_help_str(limit)

    def format_options(self, ctx, formatter):
        rows = []
        for param in self.get_params(ctx):
            shown = copy.copy(param)
            shown.help = help_text(param.help)
            row = shown.get_help_record(ctx)
            if row is not None and not isinstance(param, click.Argument):
                rows.append(row)
        if rows:
            with formatter.section(_("Options")):
                formatter.write_dl(rows)


class TranslatedGroup(TranslatedCommand, click.Group):
    command_class = TranslatedCommand
    group_class = type   # a group's subgroups are of its own class

    def format_options(self, ctx, formatter):
        TranslatedCommand.format_options(self, ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command))
        if rows:
            limit = formatter.width - 6 - max(len(name) for name, _command in rows)
            with formatter.section(_("Commands")):
                formatter.write_dl([(name, command.get_short_help_str(limit)) for name, command in rows])


class _translated:
    """The attribute in the chosen language while click formats it."""

    def __init__(self, command: click.Command, attribute: str):
        self.command, self.attribute = command, attribute

    def __enter__(self):
        self.original = getattr(self.command, self.attribute)
        setattr(self.command, self.attribute, help_text(self.original))

    def __exit__(self, *exc):
        setattr(self.command, self.attribute, self.original)
