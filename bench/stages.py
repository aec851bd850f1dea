"""One stage at a time, each against its floor measured here on the same input.

- PDF → text: pages/s of `loaders.read.read` on born-digital two-column pages, against
  pypdfium2's raw `get_text_range` of the same pages (no layout, no reading order); and
  pages/min of scanned pages (the sample set as the parity harness's 200 dpi scans) read by
  OCR, one page at a time (a core: Tesseract runs single-threaded) and two at a time
  (`read(path, jobs=2)`), by wall time since the work is Tesseract's, in processes of its own.
- text → facts: chars/s of `extract_documents(documents_of(source))` (normalise, segment,
  spaCy pipeline, extractors; no store) on one core, against a plain Aho-Corasick scan of the
  same text for every gazetteer term.
- facts → store: edges/s of `Store.write_documents` into the embedded store (each document
  whole, old version replaced), against the engine's own bulk `UNWIND $rows … MERGE` of plain
  rows (an id per node, an id per edge) in 1,000-row statements, as many nodes and edges.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import ahocorasick_rs
import pypdfium2 as pdfium

from bench.corpus import SAMPLE, Corpus
from bench.measure import Figure, best_cpu, best_wall, process_cpu
from bench.pdfs import write_pdfs


def pdf_figures(pages: int = 40, scanned: int = 4) -> list[Figure]:
    from loaders.read import read

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_pdfs(Path(tmp), pages)
        ours = best_cpu(lambda: [read(p) for p in paths], repeat=3)
        floor = best_cpu(lambda: [_raw_text(p) for p in paths], repeat=3)
        figures = [Figure("PDF → text (two-column pages)", pages / ours, "pages/s", pages / floor,
                          "pypdfium2 get_text_range", "≥ 100 pages/s per core", "CPU time, one core")]
        if scanned:
            scan = _scanned_pages(Path(tmp), scanned)
            one, two = (best_wall(lambda jobs=jobs: read(scan, jobs=jobs), repeat=1) for jobs in (1, 2))
            figures += [Figure("scanned PDF → text by OCR (200 dpi)", 60 * scanned / one, "pages/min",
                               note="wall time, one page at a time (a core)"),
                        Figure("scanned PDF → text by OCR (200 dpi), --jobs 2", 60 * scanned / two, "pages/min",
                               note="wall time, two pages at a time")]
    return figures


def _scanned_pages(out: Path, pages: int) -> Path:
    """The sample's first pages as the parity harness scans them at 200 dpi."""
    import pypdfium2 as pdfium

    from bench.parity import SCAN_SOURCE
    from bench.parity_layouts import write_pdf
    from bench.parity_scans import SCANS, scanned_copy

    source = write_pdf(SAMPLE.read_text(encoding="utf-8"), SCAN_SOURCE, out / "sample.pdf")
    doc = pdfium.PdfDocument(str(source))
    part = pdfium.PdfDocument.new()
    part.import_pages(doc, list(range(min(pages, len(doc)))))
    part.save(str(out / "sample-part.pdf"))
    part.close()
    doc.close()
    return scanned_copy(out / "sample-part.pdf", out / "sample-scan.pdf", SCANS["scan-200"])


def _raw_text(path: Path) -> int:
    doc, chars = pdfium.PdfDocument(str(path)), 0
    for page in doc:
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    doc.close()
    return chars


def extraction_figures(corpus_docs: int = 300) -> list[Figure]:
    from loaders.pipeline import documents_of, extract_documents
    from loaders.read import read

    source = read(SAMPLE)
    chars = len(source.text)
    ours = best_cpu(lambda: extract_documents(documents_of(source)), repeat=20)
    scan = _term_scanner()
    floor = best_cpu(lambda: len(scan.find_matches_as_indexes(source.text)), repeat=5)
    figures = [Figure("text → facts (sample gazette, 92k chars)", chars / ours, "chars/s", chars / floor,
                      "Aho-Corasick scan of gazetteer terms", "≥ 300k chars/s per core", "CPU time, one core")]
    with tempfile.TemporaryDirectory() as tmp:
        sources = [read(p) for p in Corpus(seed=11).write(Path(tmp), corpus_docs)]
    total = sum(len(s.text) for s in sources)
    ours = best_cpu(lambda: [extract_documents(documents_of(s)) for s in sources], repeat=2)
    floor = best_cpu(lambda: [len(scan.find_matches_as_indexes(s.text)) for s in sources], repeat=2)
    figures.append(Figure(f"text → facts (synthetic, {corpus_docs} docs)", total / ours, "chars/s", total / floor,
                          "Aho-Corasick scan of gazetteer terms", "≥ 300k chars/s per core", "CPU time, one core"))
    return figures


def _term_scanner() -> ahocorasick_rs.AhoCorasick:
    from loaders.spans.gazetteer import get_gazetteer

    return ahocorasick_rs.AhoCorasick(list(get_gazetteer().entries))


def store_figures(docs: int = 300) -> list[Figure]:
    """Edges/s by wall time (the client waits on the server), and the CPU both spent."""
    from kg.load import graphs_of
    from govkg.settings import Settings
    from kg.stores.falkor import FalkorStore

    with tempfile.TemporaryDirectory() as tmp:
        graphs = [g for p in Corpus(seed=13).write(Path(tmp) / "in", docs) for g in graphs_of(p)[0]]
        edges, nodes = sum(len(g.edges) for g in graphs), len({n.id for g in graphs for n in g.nodes})
        store = FalkorStore(Settings(data_dir=Path(tmp) / "data", graph="bench_write"))
        try:
            ours, ours_cpu = _timed(store, lambda: store.write_documents(graphs))
            one_by_one, _ = _timed(store, lambda: [store.write_document(g) for g in graphs], clear=True)
            floor, floor_cpu = _timed(store, lambda: _plain_rows(store, nodes, edges), clear=True)
            same_rows, _ = _timed(store, lambda: _same_rows(store, graphs), clear=True)
        finally:
            store.clear()
            store.close()
            store.server.stop()
    note = f"{docs} docs, {edges:,} edges, {nodes:,} nodes; CPU client+server {ours_cpu:.2f}s vs {floor_cpu:.2f}s"
    return [Figure("facts → embedded store (write_documents)", edges / ours, "edges/s", edges / floor,
                   "FalkorDB bulk UNWIND MERGE of plain rows", "≥ 50% of the bulk rate", note),
            Figure("facts → embedded store (one document a query)", edges / one_by_one, "edges/s",
                   edges / floor, "FalkorDB bulk UNWIND MERGE of plain rows"),
            Figure("facts → embedded store (write_documents)", edges / ours, "edges/s", edges / same_rows,
                   "bulk UNWIND MERGE of the same rows", "", "the same nodes, edges and properties in "
                   "1,000-row statements, no per-document replace")]


def _timed(store, call, clear: bool = False) -> tuple[float, float]:
    if clear:
        store.clear()
        time.sleep(0.5)  # let the compaction that index creation starts finish
    server = store.server._pid()
    cpu = process_cpu(server) if server else 0.0
    started, client = time.perf_counter(), time.process_time()
    call()
    wall = time.perf_counter() - started
    used = time.process_time() - client + ((process_cpu(server) - cpu) if server else 0.0)
    return wall, used


def _plain_rows(store, nodes: int, edges: int, batch: int = 1000) -> None:
    rnd = random.Random(5)
    store.graph.query("CREATE INDEX FOR (n:Plain) ON (n.id)")
    ids = [f"n{i}" for i in range(nodes)]
    for i in range(0, nodes, batch):
        store.graph.query("UNWIND $rows AS r MERGE (n:Plain {id: r.id})", {"rows": [{"id": x} for x in ids[i:i + batch]]})
    rows = [{"id": f"e{i}", "src": rnd.choice(ids), "dst": rnd.choice(ids)} for i in range(edges)]
    for i in range(0, edges, batch):
        store.graph.query("UNWIND $rows AS r MATCH (a:Plain {id: r.src}) MATCH (b:Plain {id: r.dst}) "
                          "MERGE (a)-[:PLAIN {id: r.id}]->(b)", {"rows": rows[i:i + batch]})


def _same_rows(store, graphs, batch: int = 1000) -> None:
    """Our own rows (properties, provenance and all) written as plain bulk statements."""
    from kg.stores.batch import _edge_rows, _node_rows
    from kg.stores.cypher import label, rel_type
    from kg.schema import load_schema

    schema = load_schema()
    for lab, rows in _node_rows(graphs, schema).items():
        for i in range(0, len(rows), batch):
            store.graph.query(f"UNWIND $rows AS row MERGE (n:{label(lab)} {{id: row.id}}) SET n += row.props",
                              {"rows": rows[i:i + batch]})
    for (src, typ, dst), rows in _edge_rows(graphs, schema).items():
        for i in range(0, len(rows), batch):
            store.graph.query(f"UNWIND $rows AS row MATCH (a:{label(src)} {{id: row.src}}) "
                              f"MATCH (b:{label(dst)} {{id: row.dst}}) "
                              f"MERGE (a)-[r:{rel_type(typ)} {{id: row.id}}]->(b) SET r += row.props",
                              {"rows": rows[i:i + batch]})
