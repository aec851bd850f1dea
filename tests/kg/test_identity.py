"""Document identity (issue 15, failure 1): two different texts never become one Document. A
document without a 文号 is known by its text too; a 文号 that two different texts carry is
reported, and the first text kept, instead of one silently overwriting the other."""

from __future__ import annotations

from pathlib import Path

from kg.identity import key_hashes
from kg.load import load_paths
from loaders.pipeline import documents_of
from loaders.read import read

FLOOD = "阳泉市人民政府关于做好防汛工作的通知\n\n{body}\n\n阳泉市人民政府\n2021年3月4日\n"
NUMBERED = "阳泉市人民政府文件\n阳政发〔{year}〕5号\n{title}\n\n{body}\n\n阳泉市人民政府\n2021年3月4日\n"
WATER = "一、做好汛期值守。（市水利局牵头，市财政局配合）\n\n二、做好物资储备。（市应急管理局负责）"
TRAFFIC = "一、做好交通管制。（市公安局牵头，市交通运输局配合）"


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def documents(store) -> list[dict]:
    return store.query("MATCH (d:Document) RETURN d.id AS id, d.source AS source, d.title AS title "
                       "ORDER BY d.source")


def test_two_unnumbered_texts_with_one_title_and_date_stay_two_documents(store, tmp_path):
    a = write(tmp_path, "A.txt", FLOOD.format(body=WATER))
    b = write(tmp_path, "B.txt", FLOOD.format(body=TRAFFIC))
    assert load_paths([a], store).ok and load_paths([b], store).ok
    assert [Path(d["source"]).name for d in documents(store)] == ["A.txt", "B.txt"]
    assert load_paths([a, b], store).unchanged == 2  # and both stay current


def test_copies_whose_number_is_not_a_number_stay_apart(store, tmp_path):
    """〔30NN〕 is no year, so these are documents without a 文号: each is its own text."""
    paths = [write(tmp_path, f"copy{i}.txt", NUMBERED.format(year=3000 + i, title="阳泉市人民政府关于防汛的通知",
                                                             body=WATER)) for i in range(1, 6)]
    report = load_paths(paths, store)
    assert report.ok and report.written == 5 and len(documents(store)) == 5


def test_a_numbered_collision_between_files_is_reported_and_the_first_kept(store, tmp_path):
    first = write(tmp_path, "first.txt", NUMBERED.format(year=2021, title="阳泉市人民政府关于做好防汛工作的通知", body=WATER))
    other = write(tmp_path, "other.txt", NUMBERED.format(year=2021, title="阳泉市人民政府关于做好交通管制工作的通知",
                                                         body=TRAFFIC))
    assert load_paths([first], store).ok
    report = load_paths([other], store)
    assert report.written == 0 and len(report.failures) == 1
    line = report.failures[0]
    assert line.startswith(f"{other}: 阳政发〔2021〕5号 is the 文号 of a different text already loaded from {first}")
    assert "--force" in line and "\n" not in line
    assert [(d["id"], d["source"]) for d in documents(store)] == [("阳政发〔2021〕5号", str(first))]
    forced = load_paths([other], store, force=True)  # the user says: this text replaces that one
    assert forced.ok and documents(store)[0]["source"] == str(other)


def test_the_same_file_corrected_replaces_its_document(store, tmp_path):
    path = write(tmp_path, "notice.txt", NUMBERED.format(year=2021, title="阳泉市人民政府关于做好防汛工作的通知", body=WATER))
    assert load_paths([path], store).ok
    path.write_text(path.read_text(encoding="utf-8").replace("市财政局", "市应急管理局"), encoding="utf-8")
    report = load_paths([path], store)
    assert report.ok and report.written == 1 and len(documents(store)) == 1


def test_two_texts_numbered_alike_in_one_file_keep_the_first(store, tmp_path):
    path = write(tmp_path, "both.txt",
                 NUMBERED.format(year=2021, title="阳泉市人民政府关于做好防汛工作的通知", body=WATER)
                 + NUMBERED.format(year=2021, title="阳泉市人民政府关于做好交通管制工作的通知", body=TRAFFIC))
    report = load_paths([path], store)
    assert report.written == 1 and len(report.failures) == 1
    assert "numbers two different texts in this file" in report.failures[0]
    assert documents(store)[0]["title"] == "阳泉市人民政府关于做好防汛工作的通知"
    agencies = {r["name"] for r in store.query("MATCH (a:Agency)-[r]->(:Task) RETURN a.name AS name")}
    assert "阳泉市水利局" in agencies and not any("公安" in name for name in agencies)  # not the second's facts


META_AND_BODY = ("国务院办公厅关于做好防汛工作的通知\n\n发文字号:\n\n国办函〔2014〕31号\n\n发布日期:\n\n2014年03月10日\n\n"
                 "国务院办公厅关于做好防汛工作的通知\n\n国办函〔2014〕31号\n\n各省、自治区、直辖市人民政府：\n\n"
                 "一、做好汛期值守。（水利部牵头，应急部配合）\n\n二、做好物资储备。（国家发展改革委负责）\n\n"
                 "国务院办公厅\n2014年3月10日\n")


def test_a_metadata_block_and_its_document_are_one_document_and_a_reload_writes_nothing(store, tmp_path):
    """A portal page names the 文号 in its metadata block above the document: two parts, one
    document. The reload once compared the first part's hash with the stored one, rebuilt
    the document from that part alone, and lost the body's facts."""
    path = write(tmp_path, "portal.txt", META_AND_BODY)
    keys = [d.key for d in documents_of(read(path))]
    assert keys.count("国办函〔2014〕31号") == 2  # what segmentation gives
    assert len(key_hashes(documents_of(read(path)))) == len(set(keys))
    first = load_paths([path], store)
    edges = store.stats()["edges"]
    again = load_paths([path], store)
    assert first.ok and again.ok and again.written == 0
    assert store.stats()["edges"] == edges and edges["LEADS"] == 1 and edges["RESPONSIBLE_FOR"] == 1
