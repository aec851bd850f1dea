"""Benchmark of the RDF export: a synthetic graph shaped like the gazettes' → triples/s per
format and peak memory. Not part of the test suite.

    .venv/bin/python bench/rdf_export.py                   # ~1M triples, every format
    .venv/bin/python bench/rdf_export.py --triples 5000000 --formats nquads turtle

Each format runs in a fresh process, so its peak RSS (graph + export) is its own. `--jobs 1`
rates are given by wall time and by CPU time: on a shared machine the CPU rate is the one to
compare, with the calibration line (rdflib and pyoxigraph measured in the same conditions);
`× rdflib` is the wall rate over rdflib's rate of the moment, a figure that moves less with
the machine's speed (the issue's target, 500k/s where rdflib does ~180k/s, is 2.8×).
With more jobs the wall rate is what a user gets; the memory is the parent's peak plus each
forked worker's (they share the graph's pages until they touch them, so this is a ceiling).

    .venv/bin/python bench/rdf_export.py --jobs 1 2          # one process, then two
    .venv/bin/python bench/rdf_export.py --repeat 3          # the best of three runs each
"""

from __future__ import annotations

import argparse
import multiprocessing
import queue as queue_module
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.dump import GraphData  # noqa: E402
from govkg.ids import make_id  # noqa: E402
from kg.model import Edge, Node  # noqa: E402

PLACES = ["阳泉市", "平定县", "盂县", "城区", "矿区", "郊区", "太原市", "大同市", "长治市", "晋城市"]
TERMS = ["水利局", "公安局", "生态环境局", "住房和城乡建设局", "教育局", "财政局", "农业农村局",
         "交通运输局", "卫生健康委员会", "应急管理局", "行政审批服务管理局", "市场监督管理局"]
TITLES = ["局长", "副局长", "主任", "副主任", "调研员"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文保雪鹏翀坤健"
TRIPLES_PER_DOC = 950  # measured: what one synthetic document below exports to


def _node(label: str, key: str, **props) -> Node:
    id_ = make_id(label, key)
    return Node(label, id_, {"id": id_, **props})


def _edge(type_: str, a: Node, b: Node, doc: str, date: str, sentence: str, **props) -> Edge:
    id_ = make_id("edge", type_, a.id, b.id, doc, props.get("role"))
    return Edge(type_, a, b, id_, {"id": id_, "doc": doc, "date": date, "evidence": sentence, "page": 1,
                                   "span": [0, len(sentence)], "extractor": "bench", "source": "bench.txt", **props})


def _document(i: int, rng: random.Random, data: GraphData) -> None:
    place, date = rng.choice(PLACES), f"20{rng.randint(10, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    doc = Node("Document", f"晋政发〔{2000 + i % 24}〕{i}号", {"id": f"晋政发〔{2000 + i % 24}〕{i}号", "number": f"晋政发〔{2000 + i % 24}〕{i}号",
                                                     "title": f"{place}人民政府关于第{i}号工作方案的通知", "date": date,
                                                     "source": "bench.txt", "pages": [i], "content_hash": f"{i:032x}"})
    key = doc.id
    agencies = [_node("Agency", f"{place}{i}{t}", name=f"{place}第{i}{t}", written=[f"市{t}"], kind="department",
                      known=True, jurisdiction=place) for t in rng.sample(TERMS, 6)]
    group = _node("Agency", f"{place}{i}领导小组", name=f"{place}第{i}工作领导小组", kind="leading_group", jurisdiction=place)
    people = [_node("Official", f"{place}{i}{k}", name=rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                    jurisdiction=place) for k in range(4)]
    posts = [_node("Post", f"{a.props['name']}{t}", name=a.props["name"] + t, title=t, agency=a.props["name"])
             for a, t in zip(agencies[:3], rng.sample(TITLES, 3))]
    river, program = _node("River", f"河{i % 50}", name=f"第{i % 50}河"), _node("Program", f"专项{i % 30}", name=f"第{i % 30}专项行动")
    tasks = [_node("Task", f"{key}|{k}", doc=key, item=str(k + 1), text=f"第{k + 1}项任务：加强{place}河道治理和监督检查工作。",
                   deadline="2020年底前") for k in range(8)]
    for node in [doc, *agencies, group, *people, *posts, river, program, *tasks]:
        data.nodes[node.id] = node
    def e(type_: str, a: Node, b: Node, sentence: str, **props) -> None:
        data.edges.append(_edge(type_, a, b, key, date, sentence, **props))

    # the edges of one sentence share its evidence, ~3 edges a sentence as in the sample gazette
    e("ISSUED_BY", doc, agencies[0], doc.props["title"])
    for person, post, agency in zip(people, posts, agencies):
        sentence = f"任命{person.props['name']}为{post.props['name']}。"
        e("POST_OF", post, agency, sentence)
        e("APPOINTED_TO", person, post, sentence, act="任命")
    e("REMOVED_FROM", people[0], posts[0], f"免去{people[0].props['name']}的{posts[0].props['name']}职务。", act="免去")
    for task in tasks:
        sentence = task.props["text"] + f"（{rng.choice(agencies).props['name']}牵头）"
        e("STATED_IN", task, doc, sentence)
        e("LEADS", rng.choice(agencies), task, sentence)
        e("COOPERATES_ON", rng.choice(agencies), task, sentence)
        e("RESPONSIBLE_FOR", rng.choice(agencies), task, sentence)
        e("CONCERNS", task, river, sentence)
        e("PART_OF", task, program, sentence)
    for person, role in zip(people, ["leader", "deputy", "member", "member"]):
        e("MEMBER_OF", person, group, f"{role}：{person.props['name']}", role=role, title="市长")
    e("OFFICE_AT", group, agencies[1], "领导小组办公室设在" + agencies[1].props["name"])
    e("MENTIONS", doc, river, river.props["name"])


def synthetic(triples: int, seed: int = 7) -> GraphData:
    rng, data = random.Random(seed), GraphData()
    for i in range(max(1, triples // TRIPLES_PER_DOC)):
        _document(i, rng, data)
    return data


def _run(fmt: str, jobs: int, triples: int, out_dir: str, queue) -> None:
    from kg.export.pinyin import pinyin
    from kg.export.rdf import export_rdf
    from kg.export.terms import zh_tag
    pinyin("预热"), zh_tag("预热")  # tables built once per process, not part of the rate
    data = synthetic(triples)
    graph_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    path = Path(out_dir) / f"bench.{fmt}"
    path.unlink(missing_ok=True)  # freeing the previous run's file is not this run's work
    wall, cpu = time.perf_counter(), time.process_time()
    counts = export_rdf(data, fmt, path, jobs=jobs)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu + children.ru_utime + children.ru_stime
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 + (jobs > 1) * jobs * children.ru_maxrss / 1024
    queue.put((fmt, counts["triples"], wall, cpu, graph_mb, peak))


def _calibrate(out_dir: str, queue) -> None:
    """rdflib and pyoxigraph writing the same 100k triples now, on this machine's load: the
    issue's figures (rdflib ~180k/s, pyoxigraph ~1.9M/s) were measured on an idle machine."""
    import pyoxigraph
    import rdflib
    from kg.export.rdf import export_rdf
    path = Path(out_dir) / "calibration.nt"
    export_rdf(synthetic(100_000), "ntriples", path)
    graph = rdflib.Graph().parse(path, format="nt")
    cpu = time.process_time()
    graph.serialize(Path(out_dir) / "rdflib.nt", format="nt", encoding="utf-8")
    rdflib_rate = len(graph) / (time.process_time() - cpu)
    triples = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES))
    cpu = time.process_time()
    pyoxigraph.serialize(triples, str(Path(out_dir) / "ox.nt"), pyoxigraph.RdfFormat.N_TRIPLES)
    queue.put((rdflib_rate, len(triples) / (time.process_time() - cpu)))


def _in_process(target, *args):
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=target, args=(*args, queue))
    proc.start()
    while True:  # a child that dies (its traceback is printed) must not leave us waiting
        try:
            result = queue.get(timeout=1)
            break
        except queue_module.Empty:
            if not proc.is_alive():
                raise SystemExit(f"{target.__name__}{args[:1]} failed") from None
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--formats", nargs="+", default=["ntriples", "nquads", "turtle", "trig", "jsonld"])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="processes rendering the export")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each format; the best is shown (this machine's speed moves from second to second)")
    parser.add_argument("--no-calibration", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out_dir:
        rdflib_rate = None
        if not args.no_calibration:
            rdflib_rate, ox_rate = _in_process(_calibrate, out_dir)
            print(f"calibration (CPU time, now): rdflib N-Triples {rdflib_rate:,.0f} triples/s, "
                  f"pyoxigraph serialise of prebuilt triples {ox_rate:,.0f} triples/s")
        print(f"{'format':<9} {'jobs':>4} {'triples':>9} {'wall s':>7} {'cpu s':>6} {'triples/s wall':>15} "
              f"{'triples/s cpu':>14} {'× rdflib':>9} {'graph MB':>9} {'peak MB':>8}")
        for fmt in args.formats:
            for jobs in args.jobs:
                runs = [_in_process(_run, fmt, jobs, args.triples, out_dir) for _ in range(args.repeat)]
                fmt_, n, _, _, graph_mb, _ = runs[0]
                wall, cpu, peak_mb = min(r[2] for r in runs), min(r[3] for r in runs), max(r[5] for r in runs)
                ratio = f"{n / wall / rdflib_rate:.1f}" if rdflib_rate else "-"
                print(f"{fmt_:<9} {jobs:>4} {n:>9} {wall:>7.2f} {cpu:>6.2f} {n / wall:>15,.0f} {n / cpu:>14,.0f} "
                      f"{ratio:>9} {graph_mb:>9.0f} {peak_mb:>8.0f}")


if __name__ == "__main__":
    main()
