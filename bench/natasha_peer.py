"""The peer: natasha's Russian NER (segment + NER + normalise) on the same Russian articles.

natasha 1.6 imports pymorphy2, which does not run on Python 3.11 (inspect.getargspec is gone);
pymorphy3 is its maintained fork with the same API, so the bench (only the bench) aliases it.
natasha ships its models in the wheel: nothing is downloaded.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass


def alias_pymorphy2() -> None:
    import pymorphy3

    sys.modules["pymorphy2"] = pymorphy3


@dataclass(slots=True)
class PeerRun:
    articles: int
    chars: int
    seconds: float
    load_seconds: float
    entities: int


class Natasha:
    """Segmenter, embedding, NER tagger and morphology for normalisation, loaded once."""

    def __init__(self) -> None:
        t0 = time.perf_counter()
        alias_pymorphy2()
        from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

        self._doc = Doc
        self.segmenter = Segmenter()
        self.morph_vocab = MorphVocab()
        emb = NewsEmbedding()
        self.morph_tagger = NewsMorphTagger(emb)  # span normalisation needs the morphology tags
        self.ner_tagger = NewsNERTagger(emb)
        self.load_seconds = time.perf_counter() - t0

    def entities(self, text: str) -> list[tuple[str, str]]:
        doc = self._doc(text)
        doc.segment(self.segmenter)
        doc.tag_morph(self.morph_tagger)
        doc.tag_ner(self.ner_tagger)
        out = []
        for span in doc.spans:
            span.normalize(self.morph_vocab)
            out.append((span.type, span.normal))
        return out


def run(texts: list[str], peer: Natasha | None = None) -> PeerRun:
    """Time natasha on texts, warm (the models are loaded and one text has run before timing).

    Run it with OPENBLAS_NUM_THREADS=1 (bench/run.py does): CPU time then is one core's time."""
    peer = peer or Natasha()
    if texts:
        peer.entities(texts[0])
    t0 = time.process_time()  # CPU time: per-core, like kronika's numbers (one BLAS thread)
    n_ent = sum(len(peer.entities(t)) for t in texts)
    return PeerRun(len(texts), sum(map(len, texts)), time.process_time() - t0, peer.load_seconds, n_ent)


if __name__ == "__main__":
    import json

    # python bench/natasha_peer.py ARTICLES.jsonl [--json]: the Russian articles of a JSONL file
    rows = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    r = run([d["text"] for d in rows if d.get("lang") == "ru"])
    if "--json" in sys.argv:
        print(json.dumps({"articles": r.articles, "chars": r.chars, "seconds": r.seconds,
                          "load_seconds": r.load_seconds, "entities": r.entities}))
    else:
        print(f"natasha: {r.articles} articles in {r.seconds:.2f} s = {r.articles / r.seconds:.1f} articles/s, "
              f"{r.entities} entities (load {r.load_seconds:.2f} s)")
