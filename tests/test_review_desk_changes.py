"""The review desk's other changes (issue 16): the funding figure corrected in Vietnamese
numbers, a message assigned to a province or set aside as not a report; each written to
corrections.toml with who and when, and applied by `aggregate` as a hand edit is."""

from __future__ import annotations

import re
import shutil
import tomllib

import pytest
from review_desk import Browserless, start_desk

from baocao.aggregate.consolidate import consolidate
from baocao.campaign import load_campaign
from baocao.store import Store

CAMPAIGN = load_campaign()


@pytest.fixture()
def desk(ingested_sample, tmp_path):
    store = tmp_path / "kho"
    shutil.copytree(ingested_sample, store)
    running = start_desk(store)
    yield running
    running.stop()


def _table(store):
    s = Store.open_read_only(store)
    try:
        return consolidate(s, CAMPAIGN).table.set_index("province_code")
    finally:
        s.close()


def _entries(store) -> dict:
    path = store / "corrections.toml"
    return tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _funding_form(client: Browserless, code: str) -> dict:
    _, body = client.get(f"/tinh/{code}")
    form = re.search(rb'<form method="post" action="/tinh/' + code.encode() + rb'/kinh-phi".*?</form>', body, re.S)
    assert form, "the province page has no funding form"
    fields = dict(re.findall(rb'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))
    return {k.decode(): v.decode() for k, v in fields.items()}


def test_the_funding_figure_is_shown_with_how_it_was_read_and_a_form_to_correct_it(desk):
    status, body = Browserless(desk.url).get("/tinh/17")
    page = body.decode()
    assert status == 200
    assert '<label for="kinh-phi-so">Tổng kinh phí (tỷ đồng)</label>' in page
    assert 'name="amount" inputmode="decimal" value="0,85"' in page     # 850 triệu, read from the report
    assert "stated total: 850 trieu" in page                             # funding_rule


@pytest.mark.parametrize("typed, vnd", [("42,5", 42_500_000_000), ("1.234,5", 1_234_500_000_000)])
def test_a_corrected_funding_figure_is_kept_in_dong_with_who_and_when_and_the_table_shows_it(desk, typed, vnd):
    client = Browserless(desk.url)
    status, body = client.post("/tinh/17/kinh-phi", {**_funding_form(client, "17"), "amount": typed, "action": "save"})
    assert status == 200, body
    [entry] = _entries(desk.store)["correction"]
    assert (entry["province"], entry["field"], entry["value"]) == ("17", "funding_vnd", vnd)
    assert entry["by"] and entry["at"]
    row = _table(desk.store).loc["17"]
    assert row["funding_vnd"] == vnd and "funding_vnd (correction 1" in row["overridden"]
    assert "sửa tổng kinh phí" in body.decode()          # the figure's history, on the page after saving


def test_a_funding_figure_changed_meanwhile_is_not_overwritten(desk):
    first, second = Browserless(desk.url), Browserless(desk.url)
    seen_by_second = _funding_form(second, "17")
    assert first.post("/tinh/17/kinh-phi", {**_funding_form(first, "17"), "amount": "30", "action": "save"})[0] == 200
    status, body = second.post("/tinh/17/kinh-phi", {**seen_by_second, "amount": "31,5", "action": "save"})
    assert status == 409
    assert "30,00 tỷ đồng" in body.decode() and "31,5 tỷ đồng" in body.decode()   # both figures, nothing lost
    assert [e["value"] for e in _entries(desk.store)["correction"]] == [30_000_000_000]


def test_the_funding_figure_is_marked_checked(desk):
    client = Browserless(desk.url)
    assert client.post("/tinh/17/kinh-phi", {**_funding_form(client, "17"), "action": "checked"})[0] == 200
    [entry] = _entries(desk.store)["correction"]
    assert (entry["field"], entry["value"]) == ("funding_review", False)
    assert "funding_review" in _table(desk.store).loc["17", "overridden"]


def test_a_funding_figure_that_is_not_a_number_is_refused_and_shown_as_text(desk):
    client = Browserless(desk.url)
    status, body = client.post("/tinh/17/kinh-phi", {**_funding_form(client, "17"), "action": "save",
                                                    "amount": '5 <img src=x onerror="alert(1)">'})
    assert status == 422 and b"<img src=x" not in body and b"&lt;img src=x" in body
    assert not (desk.store / "corrections.toml").exists()


def test_a_funding_correction_without_the_csrf_token_changes_nothing(desk):
    client = Browserless(desk.url)
    fields = {k: v for k, v in _funding_form(client, "17").items() if k != "csrf"}
    assert client.post("/tinh/17/kinh-phi", {**fields, "amount": "42,5", "action": "save"})[0] == 403
    assert not (desk.store / "corrections.toml").exists()
