package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"io"
	"math"
)

// Model file format, versions 1 and 2. WriteTo writes it gzip-compressed; Load
// reads it compressed or not. Integers are unsigned LEB128 varints
// ("uvarint") unless said otherwise; "zigzag" is a signed varint
// (encoding/binary's Varint).
//
//	magic        8 bytes "rasd-ner"
//	version      uvarint, formatVersion
//	feature set  8 bytes little-endian: featureSetHash of the code that trained it
//	flags        uvarint: bit 0 set when trained with a Lexicon
//	iterations   uvarint; members, sentences, tokens: uvarint (ensemble and training corpus size)
//	tags         uvarint count, then each as uvarint length + bytes: "O", B-X, I-X, ...
//	scale        float32 LE: the quantization step of all weights
//	calA, calB   float32 LE: Score = 1/(1+exp(-(calA*margin+calB)))
//	entity bias  zigzag quantized weight added to every entity tag's
//	             emission score at decoding
//	transitions  (tags+1)*tags zigzag quantized weights, row-major by
//	             previous tag; the last row is the sentence start
//	word stats   uvarint count, then per word in increasing key order:
//	             uvarint key delta (from the previous key, the first from 0),
//	             uvarint total occurrences, uvarint bit mask of the tags it
//	             was given, uvarint count per tag in the mask
//	letter model uvarint count, then per letter n-gram in increasing key
//	             order: uvarint key delta, uvarint bit mask of the classes
//	             (O, then the types in tag order) it was seen in, uvarint
//	             count per class in the mask
//	features     uvarint count, then per feature in increasing key order:
//	             uvarint key delta, uvarint bit mask of nonzero weights,
//	             zigzag quantized weight per tag in the mask
//	stage 2      version 2 only (a stacked model, stack.go): the fields
//	             above are stage 1's; then stage 2's iterations and
//	             members (uvarint), scale, calA, calB (float32 LE),
//	             entity bias, transitions and features as above. It
//	             shares stage 1's tags, word stats and letter model.
//	checksum     4 bytes little-endian CRC-32 (IEEE) of everything before
//
// A single-stage model is written as version 1, a stacked one as
// version 2; Load reads both.
//
// Keys are the 64-bit hashes of table.go: words are hashString of their
// normalized form, features feat/feat2 of a template and its attributes.
// A weight is its quantized value times scale.
const (
	modelMagic    = "rasd-ner"
	formatVersion = 2 // the newest version this code reads and writes
	maxTags       = 63
)

// WriteTo writes m in the model file format, gzip-compressed.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(m.encode()); err != nil {
		return cw.n, fmt.Errorf("write NER model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("write NER model: %w", err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// encode returns the uncompressed model file.
func (m *Model) encode() []byte {
	top := m
	version := uint64(1)
	if m.stage1 != nil {
		m, version = m.stage1, 2
	}
	b := []byte(modelMagic)
	b = binary.AppendUvarint(b, version)
	b = binary.LittleEndian.AppendUint64(b, m.info.FeatureSet)
	flags := uint64(0)
	if m.lexicon {
		flags |= 1
	}
	b = binary.AppendUvarint(b, flags)
	b = binary.AppendUvarint(b, uint64(m.info.Iterations))
	b = binary.AppendUvarint(b, uint64(m.info.Members))
	b = binary.AppendUvarint(b, uint64(m.info.Sentences))
	b = binary.AppendUvarint(b, uint64(m.info.Tokens))
	b = binary.AppendUvarint(b, uint64(m.nt))
	for _, t := range m.tags {
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
	}
	for _, f := range []float32{m.scale, m.calA, m.calB} {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(f))
	}
	b = binary.AppendVarint(b, int64(m.qbias))
	for _, q := range m.qt {
		b = binary.AppendVarint(b, int64(q))
	}
	s := m.stats
	b = binary.AppendUvarint(b, uint64(len(s.keys)))
	prev := uint64(0)
	for r, k := range s.keys {
		b = binary.AppendUvarint(b, k-prev)
		prev = k
		c := s.row(int32(r))
		b = binary.AppendUvarint(b, uint64(c[0]))
		b = appendSparse(b, c[1:], func(b []byte, n uint32) []byte { return binary.AppendUvarint(b, uint64(n)) })
	}
	lm := m.letters
	b = binary.AppendUvarint(b, uint64(len(lm.keys)))
	prev = 0
	for r, k := range lm.keys {
		b = binary.AppendUvarint(b, k-prev)
		prev = k
		c := lm.counts[r*lm.nc : (r+1)*lm.nc]
		b = appendSparse(b, c, func(b []byte, n uint32) []byte { return binary.AppendUvarint(b, uint64(n)) })
	}
	b = m.appendFeatures(b)
	if version == 2 {
		b = binary.AppendUvarint(b, uint64(top.info.Iterations))
		b = binary.AppendUvarint(b, uint64(top.info.Members))
		for _, f := range []float32{top.scale, top.calA, top.calB} {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(f))
		}
		b = binary.AppendVarint(b, int64(top.qbias))
		for _, q := range top.qt {
			b = binary.AppendVarint(b, int64(q))
		}
		b = top.appendFeatures(b)
	}
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// appendFeatures appends m's feature weights.
func (m *Model) appendFeatures(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(m.featKeys)))
	prev := uint64(0)
	q := make([]int32, m.nt)
	for i, k := range m.featKeys {
		b = binary.AppendUvarint(b, k-prev)
		prev = k
		for y, v := range m.w[i*m.nt : (i+1)*m.nt] {
			q[y] = quantize(v, m.scale)
		}
		b = appendSparse(b, q, func(b []byte, v int32) []byte { return binary.AppendVarint(b, int64(v)) })
	}
	return b
}

// appendSparse appends a row as a bit mask of its non-zero positions
// (uvarint) followed by those values, each written by put.
func appendSparse[T int32 | uint32](b []byte, row []T, put func([]byte, T) []byte) []byte {
	mask := uint64(0)
	for y, v := range row {
		if v != 0 {
			mask |= 1 << y
		}
	}
	b = binary.AppendUvarint(b, mask)
	for _, v := range row {
		if v != 0 {
			b = put(b, v)
		}
	}
	return b
}

// maxModelSize bounds the uncompressed model Load accepts.
const maxModelSize = 1 << 30

// Load reads a model written by WriteTo (gzip-compressed or not). It
// fails with ErrFormat, ErrVersion or ErrFeatureSet (wrapped).
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	var src io.Reader = br
	if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("load NER model: %w: %v", ErrFormat, err)
		}
		defer zr.Close()
		src = zr
	}
	data, err := io.ReadAll(io.LimitReader(src, maxModelSize+1))
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w: %v", ErrFormat, err)
	}
	if len(data) > maxModelSize {
		return nil, fmt.Errorf("load NER model: %w: larger than %d bytes", ErrFormat, maxModelSize)
	}
	m, err := decode(data)
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	return m, nil
}

// decoder state for the model file.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: bad %s", ErrFormat, what)
	}
}

func (r *reader) uvarint(what string) uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint(what string) int64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail(what)
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes(n uint64, what string) []byte {
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.fail(what)
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

// count reads a count of items that take at least min bytes each.
func (r *reader) count(min int, what string) int {
	n := r.uvarint(what)
	if n > uint64(len(r.b)/min) {
		r.fail(what)
		return 0
	}
	return int(n)
}

func decode(data []byte) (*Model, error) {
	if len(data) < len(modelMagic)+4 || string(data[:len(modelMagic)]) != modelMagic {
		return nil, ErrFormat
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	r := &reader{b: body[len(modelMagic):]}
	version := r.uvarint("version")
	if r.err == nil && (version < 1 || version > formatVersion) {
		return nil, fmt.Errorf("%w %d (this code reads 1 to %d)", ErrVersion, version, formatVersion)
	}
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrFormat)
	}
	fs := binary.LittleEndian.Uint64(r.bytes(8, "header"))
	if r.err == nil && fs != featureSetHash() {
		return nil, fmt.Errorf("%w (model %016x, code %016x)", ErrFeatureSet, fs, featureSetHash())
	}
	m := &Model{}
	flags := r.uvarint("flags")
	m.lexicon = flags&1 != 0
	m.info.Iterations = int(r.uvarint("iterations"))
	m.info.Members = int(r.uvarint("members"))
	m.info.Sentences = int(r.uvarint("sentences"))
	m.info.Tokens = int(r.uvarint("tokens"))
	nt := r.count(1, "tag count")
	if r.err == nil && (nt < 1 || nt > maxTags) {
		r.fail("tag count")
	}
	tags := make([]string, 0, nt)
	for i := 0; i < nt && r.err == nil; i++ {
		tags = append(tags, string(r.bytes(r.uvarint("tag"), "tag")))
	}
	if r.err != nil {
		return nil, r.err
	}
	if err := checkTagSet(tags); err != nil {
		return nil, err
	}
	m.initTags(tags)
	qt, err := r.stageHeader(m, "")
	if err != nil {
		return nil, err
	}

	nw := r.count(3, "word count")
	s := &wordStats{nt: nt, idx: newTable(nw), keys: make([]uint64, 0, nw), counts: make([]uint32, 0, nw*(nt+1))}
	var key uint64
	for i := 0; i < nw && r.err == nil; i++ {
		key = r.nextKey(key, i, "word")
		s.keys = append(s.keys, key)
		s.idx.put(nz(key), int32(i))
		s.counts = append(s.counts, uint32(r.uvarint("word count")))
		s.counts = readSparse(r, s.counts, nt, "word tag count", r.uvarint)
	}
	m.stats = s

	nc := 1 + (nt-1)/4
	ng := r.count(3, "letter n-gram count")
	lm := &letterModel{nc: nc, keys: make([]uint64, 0, ng), counts: make([]uint32, 0, ng*nc)}
	key = 0
	for i := 0; i < ng && r.err == nil; i++ {
		key = r.nextKey(key, i, "n-gram")
		lm.keys = append(lm.keys, nz(key))
		lm.counts = readSparse(r, lm.counts, nc, "n-gram count", r.uvarint)
	}
	if r.err != nil {
		return nil, r.err
	}
	lm.init()
	m.letters = lm

	keys, qw := r.features(nt)
	var m2 *Model
	var keys2 []uint64
	var qw2, qt2 []int32
	if version == 2 {
		m2 = &Model{lexicon: m.lexicon, stats: m.stats, letters: m.letters, stage1: m}
		m2.initTags(tags)
		m2.info.Iterations = int(r.uvarint("iterations"))
		m2.info.Members = int(r.uvarint("members"))
		if qt2, err = r.stageHeader(m2, "stage 2 "); err != nil {
			return nil, err
		}
		keys2, qw2 = r.features(nt)
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("trailing data")
	}
	if r.err != nil {
		return nil, r.err
	}
	cues, err := parseCues(cuesText)
	if err != nil {
		return nil, err
	}
	m.cues = cues
	m.setWeights(keys, qw, qt)
	m.info.FormatVersion = formatVersion
	m.info.FeatureSet = fs
	m.info.Lexicon = m.lexicon
	m.info.Features = len(keys)
	m.info.Words = nw
	m.info.Stages = 1
	if m2 == nil {
		m.info.FormatVersion = 1
		return m, nil
	}
	m2.cues = cues
	m2.setWeights(keys2, qw2, qt2)
	info := m2.info
	m2.info = m.info
	m2.info.FormatVersion = 2
	m2.info.Stages = 2
	m2.info.Iterations, m2.info.Members = info.Iterations, info.Members
	m2.info.Features = len(keys2)
	return m2, nil
}

// features reads feature weights.
func (r *reader) features(nt int) ([]uint64, []int32) {
	nf := r.count(3, "feature count")
	keys := make([]uint64, 0, nf)
	qw := make([]int32, 0, nf*nt)
	var key uint64
	for i := 0; i < nf && r.err == nil; i++ {
		key = r.nextKey(key, i, "feature")
		keys = append(keys, nz(key))
		qw = readSparse(r, qw, nt, "weight", r.varint)
	}
	return keys, qw
}

// nextKey reads the i-th key of a sorted list, stored as the difference
// from the previous one (which must be positive after the first).
func (r *reader) nextKey(prev uint64, i int, what string) uint64 {
	d := r.uvarint(what + " key")
	if i > 0 && d == 0 {
		r.fail(what + " key order")
	}
	return prev + d
}

// readSparse appends a row of width values written by appendSparse: a bit
// mask of the non-zero positions, then those values, each read by get.
func readSparse[T int32 | uint32, V int64 | uint64](r *reader, dst []T, width int, what string, get func(string) V) []T {
	mask := r.uvarint(what + " mask")
	for y := 0; y < width; y++ {
		var v T
		if mask&(1<<y) != 0 {
			v = T(get(what))
		}
		dst = append(dst, v)
	}
	return dst
}

// stageHeader reads the header of a stage's weights into m (the scale,
// the score calibration and the entity bias) and returns its quantized
// transition weights. what prefixes error messages ("stage 2 ").
func (r *reader) stageHeader(m *Model, what string) ([]int32, error) {
	var fl [3]float32
	for i := range fl {
		fl[i] = math.Float32frombits(binary.LittleEndian.Uint32(r.bytes(4, what+"header")))
	}
	if r.err != nil {
		return nil, r.err
	}
	m.scale, m.calA, m.calB = fl[0], fl[1], fl[2]
	if !(m.scale > 0) || math.IsInf(float64(m.scale), 0) || math.IsNaN(float64(m.calA)) || math.IsNaN(float64(m.calB)) {
		return nil, fmt.Errorf("%w: bad %sscale", ErrFormat, what)
	}
	m.qbias = int32(r.varint("entity bias"))
	m.bias = float32(m.qbias) * m.scale
	qt := make([]int32, (m.nt+1)*m.nt)
	for i := range qt {
		qt[i] = int32(r.varint("transition"))
	}
	return qt, nil
}
