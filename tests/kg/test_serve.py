"""The explorer's routes over a store loaded with the sample (Starlette's test client, no
browser): the URL contract, JSON beside every page, errors as pages, the privacy rule, the
search, and the guards (read-only unless --review, loopback unless named, same origin)."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import warnings
from urllib.parse import quote

import pytest

with warnings.catch_warnings():  # Starlette 1.x would rather drive httpx2; httpx is what is installed
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from govkg.errors import KgError
from govkg.settings import Settings
from kg.load import load_paths
from kg.review import people_for
from kg.serve import allowed_hosts, is_loopback, serve
from kg.serve.app import create_app
from kg.serve.state import Explorer
from kg.stores import open_store

DOC = "阳政办发〔2020〕33号"
CONTACTS_DOC = "阳政办发〔2020〕25号"  # prints phone numbers of its contact persons


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, sample_path):
    settings = dataclasses.replace(Settings.from_env(), store="embedded", graph="serve",
                                   data_dir=tmp_path_factory.mktemp("serve-data"), judgements=None)
    store = open_store(settings)
    store.clear()
    assert load_paths([sample_path.resolve()], store, people=people_for(settings)).ok
    yield settings, store
    store.clear()
    store.close()
    store.server.stop()


def client_for(loaded, **options) -> TestClient:
    settings, store = loaded
    app = create_app(Explorer(settings, store, **options), allowed_hosts("127.0.0.1"))
    return TestClient(app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(loaded):
    with client_for(loaded) as c:
        yield c


def node_id(client, q: str, type_: str) -> str:
    results = client.get("/api/search", params={"q": q, "type": type_}).json()["results"]
    assert results, (q, type_)
    return results[0]["id"]


@pytest.mark.parametrize("q, type_, name", [
    ("阳泉市水利局", "agency", "阳泉市水利局"),
    ("市水利局", "agency", "阳泉市水利局"),       # a written form
    ("水利", "agency", "阳泉市水利局"),           # two characters
    ("shuiliju", "agency", "阳泉市水利局"),       # pinyin
    ("yqsslj", "agency", "阳泉市水利局"),         # pinyin initials
    (DOC, "document", "阳泉市人民政府办公室关于印发阳泉市2020年度河长制重点工作任务的通知"),  # 文号
    ("桃河", "river", "桃河"),
    ("石成芳", "official", "石成芳"),
    ("西城分局局长", "post", "阳泉市公安局西城分局局长"),
])
def test_search_finds_names_written_forms_文号_and_pinyin(client, q, type_, name):
    results = client.get("/api/search", params={"q": q, "type": type_}).json()["results"]
    assert name in [r["name"] for r in results[:3]], results[:3]
    assert all(r["type"] == type_ for r in results)


def test_a_group_is_its_own_type(client):
    groups = client.get("/api/search", params={"q": "领导小组", "type": "group"}).json()["results"]
    assert groups and all("领导小组" in g["name"] or "小组" in g["name"] for g in groups)


@pytest.mark.parametrize("path", ["/", "/search?q=水利", "/query", "/query/agency_tasks", "/review", "/review/decisions"])
def test_every_page_answers(client, path):
    page = client.get(path)
    assert page.status_code == 200 and "<html" in page.text and "Traceback" not in page.text


def test_an_agency_page_and_its_json_say_the_same(client):
    agency = node_id(client, "阳泉市水利局", "agency")
    page = client.get(f"/entity/{quote(agency, safe='')}")
    data = client.get(f"/api/entity/{quote(agency, safe='')}").json()
    assert page.status_code == 200 and data["name"] == "阳泉市水利局"
    titles = {r["title"] for r in data["relations"]}
    assert {"Leads (牵头)", "Cooperates on (配合)", "Answers for (负责)"} <= titles
    for relation in data["relations"]:
        for row in relation["rows"]:
            assert row["name"] in page.text and f"/edge/{quote(row['edge'], safe='')}" in page.text


def test_an_official_page_is_a_career_in_date_order(client):
    official = client.get(f"/api/entity/{quote(node_id(client, '石成芳', 'official'), safe='')}").json()
    dates = [c["date"] for c in official["career"]]
    assert len(dates) >= 2 and dates == sorted(dates)
    assert {c["type"] for c in official["career"]} >= {"APPOINTED_TO", "REMOVED_FROM"}


def test_a_document_page_marks_every_fact_span_in_its_text(client):
    data = client.get(f"/api/entity/{quote(DOC, safe='')}").json()
    assert data["source_found"] and data["facts"]
    marked = {edge for part in data["text"] for piece in part for edge in piece["edges"]}
    with_span = {f["edge"] for f in data["facts"] if f.get("span")}
    assert with_span and with_span <= marked
    page = client.get(f"/entity/{quote(DOC, safe='')}").text
    assert page.count("<mark") >= len({tuple(f["span"]) for f in data["facts"] if f.get("span")})


def test_a_file_that_cannot_be_read_again_leaves_the_facts(client, monkeypatch):
    from govkg.errors import InputError
    from kg.serve import text

    def unreadable(path, doc, max_bytes=None):
        raise InputError("changed since it was loaded", where=str(path))

    monkeypatch.setattr(text, "raw_parts", unreadable)
    page = client.get(f"/entity/{quote(DOC, safe='')}")
    data = client.get(f"/api/entity/{quote(DOC, safe='')}").json()
    assert page.status_code == 200 and "changed since it was loaded" in page.text and data["facts"] and not data["text"]
    fact = data["facts"][0]
    assert client.get(f"/api/edge/{quote(fact['edge'], safe='')}", params={"doc": DOC}).json()["context"] is None


def test_an_edge_opens_its_evidence(client):
    fact = next(f for f in client.get(f"/api/entity/{quote(DOC, safe='')}").json()["facts"] if f["type"] == "LEADS")
    evidence = client.get(f"/api/edge/{quote(fact['edge'], safe='')}", params={"doc": DOC}).json()
    assert evidence["doc"] == DOC and evidence["document"]["number"] == DOC
    assert evidence["props"]["rule"] and evidence["props"]["page"] and evidence["context"][1]
    assert evidence["context"][1].replace("\n", "") .startswith(evidence["props"]["evidence"].replace("\n", "")[:10])
    page = client.get(f"/edge/{quote(fact['edge'], safe='')}", params={"doc": DOC}).text
    assert "<mark>" in page and evidence["props"]["rule"] in page
    assert client.get(f"/api/edge/{quote(fact['edge'], safe='')}").json()["doc"] == DOC  # without its document


def test_the_neighbourhood_draws_the_centre_and_counts_what_it_leaves_out(client):
    agency = node_id(client, "阳泉市水利局", "agency")
    graph = client.get(f"/api/neighbourhood/{quote(agency, safe='')}", params={"limit": 3}).json()
    ids = {n["id"] for n in graph["nodes"]}
    assert agency in ids and all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert graph["more"] and sum(graph["more"].values()) > 0


def test_a_canned_query_runs_as_a_form_and_downloads_as_csv(client):
    page = client.get("/query/agency_tasks", params={"run": "1", "agency": "市水利局"})
    assert page.status_code == 200 and "阳泉市水利局" in page.text and "format=csv" in page.text
    csv_file = client.get("/api/query/agency_tasks", params={"agency": "市水利局", "format": "csv"})
    assert csv_file.headers["content-type"].startswith("text/csv") and "attachment" in csv_file.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(csv_file.text)))
    assert rows and {r["agency"] for r in rows} == {"阳泉市水利局"}
    as_json = client.get("/api/query/agency_tasks", params={"agency": "市水利局"}).json()
    assert len(as_json["rows"]) == len(rows)


@pytest.mark.parametrize("path, status, words", [
    ("/entity/agency%3Anosuch", 404, "no node 'agency:nosuch'"),
    ("/api/entity/agency%3Anosuch", 404, "no node"),
    ("/edge/edge%3Anosuch?doc=x", 404, "no fact"),
    ("/query/no_such_query", 404, "no canned query named"),
    ("/no/such/page", 404, "no such page"),
    ("/query/agency_tasks?run=1&agency=水力局", 400, "did you mean 阳泉市水利局"),
    ("/query/post_holders?run=1&post=局长&on=tomorrow", 400, "must be a date"),
    ("/api/search?q=x&type=nosuch", 400, "unknown type"),
    ("/api/search?q=x&limit=0", 400, "limit must be"),
])
def test_errors_are_pages_not_tracebacks(client, path, status, words):
    answer = client.get(path)
    assert answer.status_code == status and words in html.unescape(answer.text) and "Traceback" not in answer.text
    if path.startswith("/api/"):
        assert answer.json()["status"] == status


def test_contact_details_are_withheld_unless_asked(loaded):
    with client_for(loaded) as c:
        page = c.get(f"/entity/{quote(CONTACTS_DOC, safe='')}").text
    with client_for(loaded, include_contacts=True) as c:
        shown = c.get(f"/entity/{quote(CONTACTS_DOC, safe='')}").text
    assert "18635381792" in shown and "18635381792" not in page and "***********" in page


def test_writes_need_review_and_this_servers_own_pages(loaded, client):
    refused = client.post("/api/review", json={"kind": "confirm", "edge": "edge:x", "doc": DOC})
    assert refused.status_code == 403 and "read-only" in refused.json()["error"]
    with client_for(loaded, review=True, reviewer="tester") as c:
        other = c.post("/api/review", json={"kind": "confirm", "edge": "edge:x"}, headers={"origin": "http://evil.example"})
        assert other.status_code == 403 and "evil.example" in other.json()["error"]
        unknown = c.post("/api/review", json={"kind": "confirm", "edge": "edge:nosuch", "doc": DOC})
        assert unknown.status_code == 400 and "no fact" in unknown.json()["error"]


def test_a_foreign_host_name_is_refused(client):
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                            ("[::1]", True), ("0.0.0.0", False), ("192.168.1.5", False)])
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback
    assert (allowed_hosts(host) == ["*"]) is not loopback


def test_a_network_address_is_refused_unless_named(loaded):
    with pytest.raises(KgError, match="not a loopback address"):
        serve(loaded[0], host="0.0.0.0", port=1)


def test_review_forms_decide_redirect_and_undo(loaded):
    """Last in the module: it changes the store, and leaves it as it found it."""
    with client_for(loaded, review=True, reviewer="tester") as c:
        keep = node_id(c, "阳泉市水利局", "agency")
        merged = c.post("/review/decide", data={"kind": "merge", "label": "Agency", "keep": keep, "drop": "水利部门",
                                                "why": "one body", "next": f"/entity/{quote(keep, safe='')}"},
                        follow_redirects=False)
        assert merged.status_code == 303 and merged.headers["location"].startswith(f"/entity/{quote(keep, safe='')}?done=")
        page = c.get(merged.headers["location"]).text
        assert "Done: merge Agency 水利部门 into 阳泉市水利局" in page
        assert not [r for r in c.get("/api/search", params={"q": "水利部门"}).json()["results"] if r["name"] == "水利部门"]
        decision = c.get("/api/review/decisions").json()[0]
        assert decision["who"] == "tester" and decision["why"] == "one body"
        undone = c.post("/review/undo", data={"decision": decision["id"]}, follow_redirects=False)
        assert undone.status_code == 303 and undone.headers["location"].startswith("/review/decisions?done=undo")
        assert [r for r in c.get("/api/search", params={"q": "水利部门"}).json()["results"] if r["name"] == "水利部门"]
        fact = c.get(f"/api/entity/{quote(DOC, safe='')}").json()["facts"][0]
        away = c.post("/review/decide", data={"kind": "confirm", "edge": fact["edge"], "doc": DOC,
                                              "next": "//elsewhere.example/"}, follow_redirects=False)
        assert away.status_code == 303 and away.headers["location"].startswith("/review?done=confirm")


def test_a_large_store_is_indexed_beside_the_requests(loaded, monkeypatch):
    import threading
    import time

    from kg.serve import state
    from kg.serve.search import SearchIndex

    settings, store = loaded
    monkeypatch.setattr(state, "WAIT_BELOW", 0)  # as if the sample were a million nodes
    gate, rebuild = threading.Event(), SearchIndex.rebuild
    monkeypatch.setattr(SearchIndex, "rebuild", lambda self, *a: gate.wait(30) and rebuild(self, *a))
    ex = Explorer(dataclasses.replace(settings, graph="serve-aside"), store)
    assert ex.search("水利局", None, 5) == [] and ex.building  # answers at once, from the index it has
    gate.set()
    for _ in range(300):
        if not ex.building:
            break
        time.sleep(0.1)
    assert "阳泉市水利局" in [r["name"] for r in ex.search("水利局", None, 5)]
    assert not ex.index_path.with_name(ex.index_path.name + ".building").exists()
