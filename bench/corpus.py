"""A synthetic gazette corpus in the shapes of the real documents, reproducible from a seed.

Three shapes, written as the sample gazette (examples/yangquan-gazette-2020-02.txt) writes them:
- appointment notices (任免职务的通知): `经…常务会议决定，任命：` then `X为…局长；` lines,
  `免去：` then `Y的…职务。` lines;
- task plans (重点工作任务): numbered sections and tasks, each closed by a responsibility
  clause `（A牵头，B、C配合，各县（区）政府负责）` or a `责任单位：` line, rivers named in them;
- leadership-group notices (成立…领导小组): `组 长：` / `副组长：` / `成 员：` name–title lists
  (spaced names, tab-separated two-column rows) and `领导小组办公室设在…`.
Cities, agencies (the gazetteer's municipal bodies, sometimes abbreviated), people, rivers,
numbers and dates vary with `random.Random(seed)`: the same seed gives the same files.

    .venv/bin/python -m bench.corpus OUT_DIR --docs 1000 --seed 7
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "ontology" / "gazetteer"
SAMPLE = ROOT / "examples" / "yangquan-gazette-2020-02.txt"
GIVEN = "文保雪阳前进明川新平志刚建军武成芳卫东海金铁红勇保德俊瑞强兵玉爱卿晓鹏耀锁宏华忠何风雷慧珍亮伟丽娟敏静秀英华平刚" \
        "军杰涛超明霞磊洋艳勇军鹏飞斌宁博浩凯健"
POSTS = ["局长", "副局长", "主任", "副主任", "支队长", "大队长", "所长", "处长", "二级调研员"]
TASK_VERBS = ["开展", "推进", "完成", "落实", "加强", "实施", "健全", "强化"]
TASK_OBJECTS = ["入河排污口排查整治", "河道管理范围划界", "城镇生活污水管网建设", "农业节水灌溉", "水库大坝安全鉴定",
                "工业企业达标排放监管", "黑臭水体治理", "清洁取暖改造", "散乱污企业综合整治", "老旧小区改造",
                "残疾儿童康复救助", "药品耗材集中带量采购", "重点工程项目建设", "安全生产专项整治"]
TOPICS = ["河长制", "清洁取暖", "脱贫攻坚", "药品耗材集中采购", "安全生产", "蓝天保卫战", "城市公共厕所管理"]
CN_NUMBERS = "一二三四五六七八九十"


def _rows(name: str) -> list[dict[str, str]]:
    with (GAZETTEER / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


class Corpus:
    """Documents drawn from one seed; `document(i)` is the same text for the same (seed, i)."""

    def __init__(self, seed: int = 7):
        self.seed = seed
        self.cities = [r["name"] for r in _rows("districts.csv") if r["level"] == "city"]
        self.surnames = [r["surname"] for r in _rows("surnames.csv") if len(r["surname"]) == 1][:120]
        self.rivers = [r["name"] for r in _rows("rivers.csv")]
        agencies = [r for r in _rows("agencies.csv") if r["canonical"].startswith("市") and r["kind"] == "department"]
        self.agencies = [(r["canonical"], (r["aliases"] or "").split("|")[0] or r["canonical"]) for r in agencies]
        self.sentences = _sentences(SAMPLE.read_text(encoding="utf-8"))

    def document(self, i: int) -> str:
        rnd = random.Random(f"{self.seed}:{i}")
        shape = (self._appointments, self._tasks, self._group)[i % 3]
        return shape(rnd, i)

    def write(self, out: Path, docs: int, start: int = 0) -> list[Path]:
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for i in range(start, start + docs):
            path = out / f"doc-{i:06d}.txt"
            path.write_text(self.document(i), encoding="utf-8")
            paths.append(path)
        return paths

    # -- pieces -------------------------------------------------------------------------------

    def _person(self, rnd: random.Random) -> str:
        return rnd.choice(self.surnames) + "".join(rnd.choice(GIVEN) for _ in range(rnd.choice((1, 2, 2))))

    def _agency(self, rnd: random.Random, short: bool = True) -> str:
        canonical, alias = rnd.choice(self.agencies)
        return alias if short and rnd.random() < 0.4 else canonical

    def _prose(self, rnd: random.Random, sentences: int) -> list[str]:
        """A paragraph of the sample's own running text (real sentence shapes, real names)."""
        return ["".join(rnd.choice(self.sentences) for _ in range(sentences)), ""]

    def _date(self, rnd: random.Random, year: int) -> str:
        return f"{year}年{rnd.randint(1, 12)}月{rnd.randint(1, 28)}日"

    def _head(self, rnd: random.Random, city: str, issuer: str, title: str, number: str) -> list[str]:
        return [f"{issuer}关于{title}的通知", "", number, "", "各县（区）人民政府，市直各单位：", ""]

    def _tail(self, rnd: random.Random, issuer: str, year: int) -> list[str]:
        return ["", issuer, self._date(rnd, year), "", "（此件公开发布）", ""]

    # -- shapes -------------------------------------------------------------------------------

    def _appointments(self, rnd: random.Random, i: int) -> str:
        city, year = rnd.choice(self.cities), rnd.randint(2012, 2024)
        issuer, code = f"{city}人民政府", city[:2]
        appointed = [(self._person(rnd), self._agency(rnd, short=False)[1:], rnd.choice(POSTS)) for _ in range(rnd.randint(5, 20))]
        removed = [(self._person(rnd), self._agency(rnd, short=False)[1:], rnd.choice(POSTS)) for _ in range(rnd.randint(2, 10))]
        lines = self._head(rnd, city, issuer, f"{appointed[0][0]}等{len(appointed) + len(removed)}人任免职务",
                           f"{code}政任字〔{year}〕{i + 1}号")
        lines += [f"经{issuer}{self._date(rnd, year)}常务会议决定，任命：", ""]
        for n, (person, agency, post) in enumerate(appointed):
            note = "（试用期一年）" if rnd.random() < 0.2 else ""
            lines += [f"{person}为{city}{agency}{post}{note}{'。' if n == len(appointed) - 1 else '；'}", ""]
        lines += ["免去：", ""]
        for n, (person, agency, post) in enumerate(removed):
            lines += [f"{person}的{city}{agency}{post}职务{'。' if n == len(removed) - 1 else '；'}", ""]
        return "\n".join(lines + self._tail(rnd, issuer, year))

    def _clause(self, rnd: random.Random) -> str:
        lead = self._agency(rnd)
        cooperate = "、".join(dict.fromkeys(self._agency(rnd) for _ in range(rnd.randint(0, 3))))
        if rnd.random() < 0.25:
            return f"\n责任单位：{lead}、{cooperate or self._agency(rnd)}"
        parts = [f"{lead}牵头"] + ([f"{cooperate}配合"] if cooperate else []) + ["各县（区）政府负责"]
        return "（" + "，".join(parts) + "）"

    def _tasks(self, rnd: random.Random, i: int) -> str:
        city, year, topic = rnd.choice(self.cities), rnd.randint(2012, 2024), rnd.choice(TOPICS)
        issuer = f"{city}人民政府办公室"
        lines = self._head(rnd, city, issuer, f"印发{city}{year}年度{topic}重点工作任务",
                           f"{city[:1]}政办发〔{year}〕{i + 1}号")
        lines += [f"《{city}{year}年度{topic}重点工作任务》已经市人民政府同意，现印发给你们，请认真遵照执行。"]
        lines += self._tail(rnd, issuer, year) + [f"{city}{year}年度{topic}重点工作任务", ""]
        lines += ["一、总体目标", ""] + self._prose(rnd, rnd.randint(25, 60)) + ["二、主要任务", ""]
        item = 0
        for section in range(rnd.randint(3, 6)):
            lines += [f"（{CN_NUMBERS[section]}）加强{rnd.choice(TASK_OBJECTS)}", ""]
            for _ in range(rnd.randint(2, 5)):
                item += 1
                river = rnd.choice(self.rivers)
                text = (f"{item}. {rnd.choice(TASK_VERBS)}{rnd.choice(TASK_OBJECTS)}。{river}沿线完成"
                        f"{rnd.randint(2, 60)}处整治，{year}年{rnd.randint(3, 12)}月底前完成，"
                        f"涉及资金{rnd.randint(1, 900)}万元。")
                lines += [text + self._clause(rnd), ""]
        return "\n".join(lines)

    def _group(self, rnd: random.Random, i: int) -> str:
        city, year, topic = rnd.choice(self.cities), rnd.randint(2012, 2024), rnd.choice(TOPICS)
        issuer, group = f"{city}人民政府办公室", f"{city}{topic}工作领导小组"
        lines = self._head(rnd, city, issuer, f"成立{group}", f"{city[:1]}政办函〔{year}〕{i + 1}号")
        lines += self._prose(rnd, rnd.randint(12, 30))
        lines += [f"为加强对{topic}工作的组织领导，经市人民政府同意，决定成立{group}。现将组成人员通知如下：", ""]
        lines += [f"组 长：{self._spaced(rnd)}\t副市长", f"副组长：{self._spaced(rnd)}\t市政府副秘书长"]
        members = [(self._spaced(rnd), self._agency(rnd, short=False) + rnd.choice(POSTS)) for _ in range(rnd.randint(8, 24))]
        for n, (person, title) in enumerate(members):
            lines.append(("成 员：" if n == 0 else "") + f"{person}\t{title}")
        office = self._agency(rnd)
        lines += ["", f"领导小组办公室设在{office}，办公室主任由{members[0][0].replace(' ', '')}兼任。"]
        return "\n".join(lines + self._tail(rnd, issuer, year))

    def _spaced(self, rnd: random.Random) -> str:
        name = self._person(rnd)
        return " ".join(name) if len(name) == 2 else name  # two-character names are set 田 强


def _sentences(text: str) -> list[str]:
    """Whole sentences of the sample's prose paragraphs: no list items, clauses or names lists."""
    out = []
    for line in text.splitlines():
        if len(line) > 60 and "\t" not in line and not any(w in line for w in ("牵头", "任命", "免去", "组 长", "成 员")):
            out += [s + "。" for s in line.split("。") if 15 <= len(s) <= 160]
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    paths = Corpus(args.seed).write(args.out, args.docs)
    print(f"{len(paths)} documents in {args.out} ({sum(p.stat().st_size for p in paths) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
