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
