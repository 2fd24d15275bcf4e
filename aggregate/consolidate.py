"""From the store to the analyst's consolidation: the campaign's reports, the analyst's
corrections applied, the table and its views, and what a person should check."""

from __future__ import annotations

from baocao.aggregate.checklist import checklist
from baocao.aggregate.corrections import apply_cells, load_corrections, reassign
from baocao.aggregate.export import Consolidation
from baocao.aggregate.reports import campaign_reports
from baocao.aggregate.review import flag_far_figures, settle_figures
from baocao.aggregate.schema import table_schema
from baocao.aggregate.summary import history, region_totals, theme_counts
from baocao.aggregate.table import build_table
from baocao.campaign import Campaign
from baocao.store import Store


def consolidate(store: Store, campaign: Campaign) -> Consolidation:
    corrections = load_corrections(store.root, campaign)
    received = reassign(campaign_reports(store, campaign.id), corrections)
    reports = [r for r in received if r.province_code]
    funding = campaign.section_with_role("funding")
    table = settle_figures(apply_cells(build_table(reports, campaign), corrections), funding and funding.number)
    table = flag_far_figures(table, {c.province_code for c in corrections.cells
                                     if c.field in ("funding_vnd", "funding_review")})
    schema = table_schema(campaign)
    return Consolidation(table, region_totals(table), theme_counts(table, campaign), history(reports, table, campaign),
                         schema, checklist(table, received, schema))
