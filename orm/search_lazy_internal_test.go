package orm

import "testing"

// TestLazyListStaysSmall: searches that ran at once (no statement settled
// them) leave the waiting list, while those still waiting stay in it.
func TestLazyListStaysSmall(t *testing.T) {
	tx := &Transaction{}
	m := &Model{Name: "test.model"}
	var waiting []*lazySearch
	for i := range 10000 {
		rs := tx.newLazySearch(Recordset{model: m}, nil)
		if i%1000 == 0 {
			waiting = append(waiting, rs.lazy)
			continue
		}
		rs.lazy.done = true // as after its records were used
	}
	if n := len(tx.lazies); n > 2*len(waiting)+32 {
		t.Errorf("after 10,000 searches used at once: %d in the list, want at most %d", n, 2*len(waiting)+32)
	}
	in := map[*lazySearch]bool{}
	for _, l := range tx.lazies {
		in[l] = true
	}
	for _, l := range waiting {
		if !in[l] {
			t.Fatalf("a waiting search left the list")
		}
	}
}

// TestExistSet: ids anywhere (dense, sparse, negative, on page edges) are
// found once added and not after removal; others are not found.
func TestExistSet(t *testing.T) {
	var s existSet
	ids := []int64{1, 2, 63, 64, 65535, 65536, 65537, 1 << 40, -1, -65536, -65537, 7_000_000}
	for _, id := range ids {
		if s.has(id) {
			t.Fatalf("%d found before it was added", id)
		}
		s.add(id)
	}
	for _, id := range ids {
		if !s.has(id) {
			t.Errorf("%d not found", id)
		}
	}
	for _, id := range []int64{0, 3, 62, 65534, 65538, 1<<40 + 1, -2, 6_999_999} {
		if s.has(id) {
			t.Errorf("%d found, never added", id)
		}
	}
	s.remove(64)
	s.remove(-65537)
	s.remove(12345678) // never added
	if s.has(64) || s.has(-65537) || !s.has(63) || s.has(65) {
		t.Errorf("after removals: 64 %v, -65537 %v, 63 %v", s.has(64), s.has(-65537), s.has(63))
	}
}
