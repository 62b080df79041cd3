package orm

// existSet is a set of record ids, as the cache keeps the ids known to exist.
// A search of a million records adds a million ids: in a map that costs a
// hashed insertion each, mostly cache misses, and rehashing as it grows
// (about 140 ms). Ids are mostly dense (a serial column), so the set is a
// bitmap in pages of 65,536 ids, found through a small map: adding an id
// sets a bit, and a page costs 8 KB however many of its ids are in.
type existSet struct {
	pages map[int64]*existPage
	last  int64      // key of the page last used
	page  *existPage // that page
}

type existPage [1024]uint64

const existPageBits = 16

func (s *existSet) pageOf(id int64, create bool) *existPage {
	key := id >> existPageBits
	if s.page != nil && s.last == key {
		return s.page
	}
	p := s.pages[key]
	if p == nil {
		if !create {
			return nil
		}
		if s.pages == nil {
			s.pages = map[int64]*existPage{}
		}
		p = new(existPage)
		s.pages[key] = p
	}
	s.last, s.page = key, p
	return p
}

// add puts id in the set.
func (s *existSet) add(id int64) {
	bit := uint64(id) & (1<<existPageBits - 1)
	s.pageOf(id, true)[bit>>6] |= 1 << (bit & 63)
}

// addAll puts ids in the set.
func (s *existSet) addAll(ids []int64) {
	for _, id := range ids {
		s.add(id)
	}
}

// has reports whether id is in the set.
func (s *existSet) has(id int64) bool {
	p := s.pageOf(id, false)
	if p == nil {
		return false
	}
	bit := uint64(id) & (1<<existPageBits - 1)
	return p[bit>>6]&(1<<(bit&63)) != 0
}

// remove takes id out of the set.
func (s *existSet) remove(id int64) {
	if p := s.pageOf(id, false); p != nil {
		bit := uint64(id) & (1<<existPageBits - 1)
		p[bit>>6] &^= 1 << (bit & 63)
	}
}
