package ner

// Hashing. Feature and word keys are 64-bit: FNV-1a over the bytes, then
// a MurmurHash3 finalizer so that the low bits index an open-addressing
// table directly. 0 is reserved for an empty slot. The functions are
// part of the model format: changing them invalidates every model (bump
// featureSetVersion).

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	golden    = 0x9E3779B97F4A7C15
	golden2   = 0xC2B2AE3D27D4EB4F
)

// mix64 is the MurmurHash3 64-bit finalizer.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// nz maps 0, the empty slot, to 1.
func nz(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// fnvAdd continues an FNV-1a hash over s.
func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// fnvAddBytes continues an FNV-1a hash over b.
func fnvAddBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// hashString returns the key of a string (a normalized word or phrase).
func hashString(s string) uint64 { return nz(mix64(fnvAdd(fnvOffset, s))) }

// hashBytes returns the key of b; hashBytes(b) == hashString(string(b)).
func hashBytes(b []byte) uint64 { return nz(mix64(fnvAddBytes(fnvOffset, b))) }

// feat returns the key of template t with attribute a.
func feat(t, a uint64) uint64 {
	return nz(mix64(a ^ t*golden))
}

// feat2 returns the key of template t with attributes a and b.
func feat2(t, a, b uint64) uint64 {
	return nz(mix64(mix64(a^t*golden) ^ b*golden2))
}

// table is an open-addressing hash table from nonzero 64-bit keys to
// int32 values, built once and read concurrently.
type table struct {
	keys []uint64
	vals []int32
	mask uint64
}

// newTable returns a table with room for n keys at a load of at most 1/2.
func newTable(n int) table {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return table{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
}

// put sets the value of k (nonzero).
func (t *table) put(k uint64, v int32) {
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 || t.keys[i] == k {
			t.keys[i], t.vals[i] = k, v
			return
		}
	}
}

// get returns the value of k, -1 when absent.
func (t *table) get(k uint64) int32 {
	if len(t.keys) == 0 {
		return -1
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return -1
		}
	}
}
