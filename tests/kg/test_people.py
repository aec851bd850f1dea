import pytest

from kg.build import GraphBuilder
from govkg.errors import InputError
from kg.people import Judgement, People, read_judgements, record_judgement

J = "阳泉市"


def officials(graphs, name):
    return {n.id for g in graphs for n in g.nodes if n.label == "Official" and n.props["name"] == name}


def test_rule_one_name_one_jurisdiction_is_one_person(sample_graphs):
    # 田强 sits on two groups with different titles at one agency; 李文兵 as 副市长 and 市政府副市长
    assert len(officials(sample_graphs, "田强")) == 1
    assert len(officials(sample_graphs, "李文兵")) == 1


def test_a_not_same_judgement_splits_and_survives_reextraction(sample_facts, tmp_path):
    path = tmp_path / "judgements.csv"
    record_judgement(path, Judgement("田强", J, "阳泉市卫生健康委员会", "阳泉市公安局", "not_same", "two people"))
    people = People(read_judgements(path))
    assert people.key("田强", J, "阳泉市卫生健康委员会") != people.key("田强", J, "阳泉市公安局")
    graphs = GraphBuilder(people=people).build(sample_facts)
    assert len(officials(graphs, "田强")) == 1  # both sample mentions are at 卫健委: still one
    again = GraphBuilder(people=People(read_judgements(path))).build(sample_facts)
    assert officials(again, "田强") == officials(graphs, "田强")


def test_same_joins_contexts_that_not_same_separated():
    people = People([
        Judgement("张伟", J, "阳泉市公安局", "阳泉市财政局", "not_same"),
        Judgement("张伟", J, "阳泉市公安局", "阳泉市公安局交通警察支队", "same"),
    ])
    police = people.key("张伟", J, "阳泉市公安局")
    assert people.key("张伟", J, "阳泉市公安局交通警察支队") == police
    assert people.key("张伟", J, "阳泉市财政局") != police
    assert people.key("张伟", J, None) == (J, "张伟")  # no context: the rule's person


def test_the_last_word_on_a_pair_counts():
    people = People([Judgement("张伟", J, "A", "B", "not_same"), Judgement("张伟", J, "B", "A", "same")])
    assert people.key("张伟", J, "A") == people.key("张伟", J, "B")


def test_unsure_changes_nothing():
    people = People([Judgement("张伟", J, "A", "B", "unsure")])
    assert people.key("张伟", J, "A") == people.key("张伟", J, "B") == (J, "张伟")


def test_a_bad_judgements_file_names_the_line(tmp_path):
    path = tmp_path / "j.csv"
    path.write_text("name,jurisdiction,left,right,decision,note,at\n张伟,阳泉市,A,B,maybe,,\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_judgements(path)


def test_the_judgements_file_is_the_owners_only(tmp_path):
    path = tmp_path / "judgements.csv"
    path.write_text("", encoding="utf-8")
    path.chmod(0o644)  # left readable by an older govkg
    record_judgement(path, Judgement("田强", J, "阳泉市卫生健康委员会", "阳泉市公安局", "not_same"))
    record_judgement(path, Judgement("张伟", J, "阳泉市公安局", "阳泉市财政局", "same"))
    assert path.stat().st_mode & 0o777 == 0o600
    assert [j.name for j in read_judgements(path)] == ["田强", "张伟"]
