#!/usr/bin/env python3
"""Verify an exported Samenspel network log (samenspel-log/1) offline.

Written from docs/verification.md alone, with nothing but the Python 3 standard library, as a second, independent
reading of that document next to the Java verifier in verifier/.

    python3 tools/verify.py network.jsonl [--receipt receipt.jsonl]... [--public-key key.pem] [--unsealed] [--json]
    python3 tools/verify.py --self-test

Exit status: 0 intact, 1 broken, 2 the input cannot be read.
"""
import base64
import hashlib
import json
import struct
import sys

FORMAT = "samenspel-log/1"
GENESIS = ""


class Unreadable(Exception):
    pass


# ---------------------------------------------------------------------------------------------- the hashed form

def field(value):
    """F(s): 4-byte big-endian signed length of the UTF-8 bytes, then the bytes; F(null) is FF FF FF FF."""
    if value is None:
        return b"\xff\xff\xff\xff"
    data = value.encode("utf-8")
    return struct.pack(">i", len(data)) + data


def event_hash(e, previous):
    parts = [e["eventId"], e["aggregateType"], e["aggregateId"], str(e["sequenceNumber"]), e["timestamp"],
             e["payloadType"], e["payloadRevision"], e["payload"], e["metaData"], previous]
    return hashlib.sha256(b"".join(field(p) for p in parts)).hexdigest()


# ---------------------------------------------------------------------------------------------- Ed25519 (RFC 8032)

_P = 2 ** 255 - 19
_L = 2 ** 252 + 27742317777372353535851937790883648493
_D = -121665 * pow(121666, _P - 2, _P) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)


def _add(p, q):
    a = (p[1] - p[0]) * (q[1] - q[0]) % _P
    b = (p[1] + p[0]) * (q[1] + q[0]) % _P
    c = 2 * p[3] * q[3] * _D % _P
    d = 2 * p[2] * q[2] % _P
    e, f, g, h = b - a, d - c, d + c, b + a
    return e * f, g * h, f * g, e * h


def _mul(s, p):
    q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, p)
        p = _add(p, p)
        s >>= 1
    return q


def _equal(p, q):
    return (p[0] * q[2] - q[0] * p[2]) % _P == 0 and (p[1] * q[2] - q[1] * p[2]) % _P == 0


def _recover_x(y, sign):
    if y >= _P:
        return None
    x2 = (y * y - 1) * pow(_D * y * y + 1, _P - 2, _P)
    if x2 % _P == 0:
        return None if sign else 0
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P != 0:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P != 0:
        return None
    if (x & 1) != sign:
        x = _P - x
    return x


def _decompress(data):
    if len(data) != 32:
        return None
    y = int.from_bytes(data, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % _P)


_GY = 4 * pow(5, _P - 2, _P) % _P
_GX = _recover_x(_GY, 0)
_G = (_GX, _GY, 1, _GX * _GY % _P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a = _decompress(public)
    r = _decompress(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= _L:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % _L
    return _equal(_mul(s, _G), _add(r, _mul(h, a)))


_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


def read_public_key(text):
    lines = [l for l in text.splitlines() if not l.startswith("-----")]
    try:
        der = base64.b64decode("".join("".join(lines).split()), validate=True)
    except ValueError as e:
        raise Unreadable("not an Ed25519 public key: %s" % e)
    if len(der) != 44 or not der.startswith(_SPKI_PREFIX):
        raise Unreadable("not an Ed25519 public key (X.509 SubjectPublicKeyInfo)")
    return der[len(_SPKI_PREFIX):]


def signed_text(a):
    return "samenspel-checkpoint/1\n%s\n%d\n%s\n%s" % (a["network"], a["sequence"], a["hash"], a["time"])


def signature_ok(public, a):
    if a.get("signature") is None:
        return False
    try:
        signature = base64.b64decode(a["signature"], validate=True)
    except ValueError:
        return False
    return ed25519_verify(public, signed_text(a).encode("utf-8"), signature)


# ---------------------------------------------------------------------------------------------- reading lines

def _no_duplicates(pairs):
    result = {}
    for name, value in pairs:
        if name in result:
            raise Unreadable('member "%s" appears twice' % name)
        result[name] = value
    return result


def _text(obj, name, nullable):
    if name not in obj:
        raise Unreadable('"%s" is missing' % name)
    value = obj[name]
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise Unreadable('"%s" must be a string' % name)
    return value


def _integer(obj, name):
    value = obj.get(name)
    if type(value) is not int:
        raise Unreadable('"%s" must be an integer' % name)
    return value


def _flag(obj, name):
    value = obj.get(name, False)
    if value is None:
        value = False
    if type(value) is not bool:
        raise Unreadable('"%s" must be true or false' % name)
    return value


def read_line(line, where):
    try:
        obj = json.loads(line, object_pairs_hook=_no_duplicates)
        if not isinstance(obj, dict):
            raise Unreadable("a line must be a JSON object")
        kind = _text(obj, "kind", False)
        if kind == "log":
            if obj.get("format") != FORMAT:
                raise Unreadable("format must be " + FORMAT)
            return {"kind": kind, "network": _text(obj, "network", False)}
        if kind == "event":
            event = {"kind": kind, "globalPosition": _integer(obj, "globalPosition"),
                     "sequenceNumber": _integer(obj, "sequenceNumber"),
                     "pending": _flag(obj, "pending"), "placeholder": _flag(obj, "placeholder")}
            for name in ("eventId", "aggregateType", "aggregateId", "timestamp", "payloadType", "payloadRevision",
                         "payload", "metaData", "hash"):
                event[name] = _text(obj, name, True)
            event["seal"] = obj.get("seal")
            if event["seal"] is not None and not isinstance(event["seal"], str):
                raise Unreadable('"seal" must be a string')
            return event
        if kind in ("head", "receipt", "checkpoint"):
            anchor = {"kind": kind, "network": _text(obj, "network", False), "sequence": _integer(obj, "sequence"),
                      "hash": _text(obj, "hash", False), "time": obj.get("time"), "signature": obj.get("signature")}
            for name in ("time", "signature"):
                if anchor[name] is not None and not isinstance(anchor[name], str):
                    raise Unreadable('"%s" must be a string or null' % name)
            return anchor
        raise Unreadable('unknown kind "%s"' % kind)
    except (ValueError, Unreadable) as e:
        raise Unreadable("%s: %s" % (where, e))


# ---------------------------------------------------------------------------------------------- the checks

class Verifier:
    def __init__(self, network, public_key, seals_required=True):
        self.network = network
        self.public_key = public_key
        self.seals_required = seals_required
        self.last_accepted = None
        self.last_sealed = -1
        self.hashes = []
        self.ids = {}
        self.last_position = None
        self.walk_break = None
        self.head = None
        self.anchors = []

    def _finding(self, kind, sequence, detail):
        return {"network": self.network, "intact": False, "eventsChecked": len(self.hashes),
                "headHash": self.hashes[-1] if self.hashes else GENESIS, "kind": kind, "sequence": sequence,
                "detail": detail}

    def event(self, e):
        if self.walk_break is not None:
            return
        t = len(self.hashes)
        seq = e["sequenceNumber"]
        if seq > t:
            self.walk_break = self._finding("missing", t, "no event at sequence %d" % t)
        elif seq < t:
            self.walk_break = self._finding("duplicate", seq, "sequence %d appears again" % seq)
        elif e["pending"]:
            self.walk_break = self._finding("pending", t, "the event is marked pending")
        elif e["placeholder"]:
            self.walk_break = self._finding("placeholder", t, "a placeholder stands where the event was")
        elif e["aggregateId"] != self.network:
            self.walk_break = self._finding("foreign-event", t, "the event belongs to %s" % e["aggregateId"])
        elif e["eventId"] in self.ids:
            self.walk_break = self._finding("duplicate", t, "event %s is also at sequence %d"
                                            % (e["eventId"], self.ids[e["eventId"]]))
        elif self.last_position is not None and e["globalPosition"] <= self.last_position:
            self.walk_break = self._finding("out-of-order", t, "global position %d is not after %d"
                                            % (e["globalPosition"], self.last_position))
        else:
            expected = event_hash(e, self.hashes[-1] if self.hashes else GENESIS)
            if expected != e["hash"]:
                self.walk_break = self._finding("hash-mismatch", t, "stored hash %s, expected %s"
                                                % (e["hash"], expected))
                return
            self.hashes.append(e["hash"])
            self.ids[e["eventId"]] = t
            self.last_position = e["globalPosition"]
            self.last_accepted = e
            if e["seal"] is not None:
                self.last_sealed = t

    def anchor(self, a):
        if a["network"] != self.network:
            raise Unreadable("a %s for network %s cannot vouch for network %s" % (a["kind"], a["network"], self.network))
        if a["kind"] == "head":
            if self.head is not None:
                raise Unreadable("the log has more than one head")
            self.head = a
        else:
            self.anchors.append(a)

    def _check(self, a, trusted, mismatch):
        s = a["sequence"]
        if s >= trusted:
            return self._finding("truncated", trusted, "the %s says the log reaches sequence %d (%d events, counted "
                                 "from 0), but only %d events verify" % (a["kind"], s, s + 1, trusted))
        stored = GENESIS if s < 0 else self.hashes[s]
        if stored != a["hash"]:
            return self._finding(mismatch, s, "the %s has hash %s at sequence %d, the log has %s"
                                 % (a["kind"], a["hash"], s, stored))
        return None

    def _seal_problem(self):
        # With the key, the log's last event must carry the platform's seal: a signature over its receipt.
        e = self.last_accepted
        if self.public_key is None or not self.seals_required or e is None:
            return None
        last = e["sequenceNumber"]
        if e["seal"] is None:
            return self._finding("unsealed", self.last_sealed + 1, "the events from sequence %d to %d carry no seal "
                                 "of the platform" % (self.last_sealed + 1, last))
        receipt = {"network": e["aggregateId"], "sequence": last, "hash": e["hash"], "time": e["timestamp"],
                   "signature": e["seal"]}
        if not signature_ok(self.public_key, receipt):
            return self._finding("bad-seal", last, "the seal of the last event (sequence %d) does not verify with "
                                 "the public key" % last)
        return None

    def verdict(self):
        trusted = len(self.hashes)
        findings = [self.walk_break]
        if self.head is None:
            findings.append(self._finding("head-missing", None, "the log has no recorded head"))
        else:
            findings.append(self._check(self.head, trusted, "head-mismatch"))
        for a in self.anchors:
            if self.public_key is not None and not signature_ok(self.public_key, a):
                findings.append(self._finding("bad-signature", a["sequence"], "the %s at sequence %d is not signed "
                                              "by the key" % (a["kind"], a["sequence"])))
            findings.append(self._check(a, trusted, "rewritten"))
        if self.walk_break is None:
            findings.append(self._seal_problem())
        first = None
        for f in findings:
            if f is None:
                continue
            if first is None or (f["sequence"] is not None
                                 and (first["sequence"] is None or f["sequence"] < first["sequence"])):
                first = f
        if first is not None:
            return first
        return {"network": self.network, "intact": True, "eventsChecked": trusted,
                "headHash": self.hashes[-1] if self.hashes else GENESIS, "kind": None, "sequence": None,
                "detail": None}


def _lines(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip():
                yield number, line


def verify(path, public_key, receipts, seals_required=True, anchors=None):
    verifier = None
    for number, line in _lines(path):
        item = read_line(line, "%s line %d" % (path, number))
        if verifier is None:
            if item["kind"] != "log":
                raise Unreadable("%s line %d: the first line must be the header" % (path, number))
            verifier = Verifier(item["network"], public_key, seals_required)
        elif item["kind"] == "event":
            verifier.event(item)
        elif item["kind"] == "log":
            raise Unreadable("%s line %d: a second header" % (path, number))
        else:
            verifier.anchor(item)
    if verifier is None:
        raise Unreadable("%s is empty" % path)
    # the anchors the files given vouch for, unless the caller read them already
    for anchor in anchors if anchors is not None else [a for r in receipts for a in receipt_anchors(r)]:
        verifier.anchor(anchor)
    return verifier.verdict()


def receipt_anchors(receipt):
    """What a file given with --receipt vouches for: its receipt and checkpoint lines; or, where it is an earlier
    export (its first line the header), its checkpoints and the receipt of its last sealed event (of its last event
    where none is sealed). The earlier export's head and events are not taken."""
    anchors, export, last, last_sealed = [], False, None, None
    for number, line in _lines(receipt):
        item = read_line(line, "%s line %d" % (receipt, number))
        if item["kind"] == "log" and not export and not anchors:
            # an earlier export vouches only as far as it verifies itself
            own = verify(receipt, None, [], False)
            if not own["intact"]:
                raise Unreadable("%s is an export that does not verify itself, so it cannot vouch for this log: %s"
                                 % (receipt, summary(own)))
            export = True
        elif export and item["kind"] == "event":
            last = item
            if item["seal"] is not None:
                last_sealed = item
        elif item["kind"] in ("receipt", "checkpoint"):
            anchors.append(item)
        elif not (export and item["kind"] == "head"):
            raise Unreadable("%s line %d: not a receipt or checkpoint" % (receipt, number))
    vouching = last_sealed if last_sealed is not None else last
    if vouching is not None:
        anchors.append({"kind": "receipt", "network": vouching["aggregateId"], "sequence": vouching["sequenceNumber"],
                        "hash": vouching["hash"], "time": vouching["timestamp"], "signature": vouching["seal"]})
    return anchors


def summary(v):
    if v["intact"]:
        return "INTACT network %s: %d events, last hash %s" % (v["network"], v["eventsChecked"], v["headHash"] or "(none)")
    where = "" if v["sequence"] is None else " at sequence %d" % v["sequence"]
    return "BROKEN network %s%s: %s: %s" % (v["network"], where, v["kind"], v["detail"])


def self_test():
    first = {"eventId": "e1", "aggregateType": "Network", "aggregateId": "n1", "sequenceNumber": 0,
             "timestamp": "2024-01-10T00:00:00Z", "payloadType": "T", "payloadRevision": None, "payload": "{}",
             "metaData": "{}"}
    assert event_hash(first, GENESIS) == "86254bde8461e566c98478d44cb8d78ab4480209d8bcedbd0a0c2009b39c5c1b"
    # RFC 8032, section 7.1, test 1: the empty message.
    public = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    sig = bytes.fromhex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46b"
                        "d25bf5f0595bbe24655141438e7a100b")
    assert ed25519_verify(public, b"", sig)
    assert not ed25519_verify(public, b"x", sig)
    print("self-test passed")
    return 0


def main(argv):
    if argv == ["--self-test"]:
        return self_test()
    path, key_file, receipts, as_json, seals_required = None, None, [], False, True
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("--public-key", "--receipt") and i + 1 < len(argv):
            if arg == "--public-key":
                key_file = argv[i + 1]
            else:
                receipts.append(argv[i + 1])
            i += 2
            continue
        if arg == "--json":
            as_json = True
        elif arg == "--unsealed":
            seals_required = False
        elif arg.startswith("--") or path is not None:
            print("unexpected argument " + arg, file=sys.stderr)
            return 2
        else:
            path = arg
        i += 1
    if path is None:
        print("usage: verify.py network.jsonl [--public-key key.pem] [--receipt receipt.jsonl]... [--unsealed] [--json]",
              file=sys.stderr)
        print("  --receipt  a file of receipt or checkpoint lines, or an earlier export of the same network: the log "
              "must still extend what it vouches for", file=sys.stderr)
        return 2
    try:
        public_key = None
        if key_file is not None:
            with open(key_file, encoding="utf-8") as f:
                public_key = read_public_key(f.read())
        given = [a for r in receipts for a in receipt_anchors(r)]
        v = verify(path, public_key, receipts, seals_required, given)
    except (OSError, UnicodeDecodeError, Unreadable) as e:
        print("cannot verify: %s" % e, file=sys.stderr)
        return 2
    print(json.dumps(v, ensure_ascii=False, separators=(",", ":")) if as_json else summary(v))
    if v["intact"] and not as_json and receipts:
        print("the log extends all %d receipts and checkpoints given, the latest at "
              "sequence %d" % (len(given), max([a["sequence"] for a in given] + [-1])))
    if v["intact"] and public_key is None and not as_json:
        print(UNSIGNED_NOTE, file=sys.stderr)
    return 0 if v["intact"] else 1


# Without the key a log rewritten with fresh hashes from its first entry on also passes: said beside INTACT.
UNSIGNED_NOTE = ("note: no --public-key given, so the signed checkpoints and seals were not checked; "
                 "a log rewritten with new hashes would pass too")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
