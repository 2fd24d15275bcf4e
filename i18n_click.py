"""click's help screens in the chosen language.

click takes the help texts when the decorators run, at import, before `--lang` is read; so
they stay the English msgids on the commands and are translated when a help screen is
written (i18n.help_text). The headings click writes itself (Usage, Options, Commands) are
translated here too; click's own error texts ("Missing option …") stay English."""

from __future__ import annotations

import copy

import click

from baocao.i18n import N_, _, help_text

# Texts of click's own that baocao's screens show: in the catalogue through these marks.
CLICK_TEXTS = (N_("Show this message and exit."), N_("Show the version and exit."))


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
