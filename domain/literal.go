package domain

// node is one Python literal read by the parser, or one Go value handed to
// FromList, with the position to blame in errors.
type node struct {
	pos   int     // byte offset in the text, or term index for FromList
	list  bool    // a list or tuple; items holds the elements
	items []*node // elements of a list or tuple
	val   any     // value of a scalar (nil, bool, int64, float64, string, Domain, …)
}

// value returns the Go value of n: lists become []any.
func (n *node) value() any {
	if !n.list {
		return n.val
	}
	out := make([]any, len(n.items))
	for i, it := range n.items {
		out[i] = it.value()
	}
	return out
}

// str returns n's value as a string, and whether it is one.
func (n *node) str() (string, bool) {
	s, ok := n.val.(string)
	return s, ok && !n.list
}

// valueNode wraps a Go value (as FromList receives it) in nodes, all blamed
// on position pos.
func valueNode(v any, pos int) *node {
	v = normValue(v)
	list, ok := v.([]any)
	if !ok {
		return &node{pos: pos, val: v}
	}
	n := &node{pos: pos, list: true, items: make([]*node, len(list))}
	for i, x := range list {
		n.items[i] = valueNode(x, pos)
	}
	return n
}
