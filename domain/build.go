package domain

import (
	"fmt"
	"strings"
)

// builder turns literal nodes into a Domain, checking the shape of terms.
type builder struct {
	fromList bool // errors name the term index instead of a byte offset
}

func (b builder) errorf(pos int, format string, args ...any) *SyntaxError {
	msg := fmt.Sprintf(format, args...)
	if b.fromList {
		return &SyntaxError{Pos: -1, Msg: fmt.Sprintf("term %d: %s", pos, msg)}
	}
	return &SyntaxError{Pos: pos, Msg: msg}
}

// domain reads a list of terms in Odoo's prefix notation, with an implicit
// AND between the terms of the top level.
func (b builder) domain(items []*node) (Domain, error) {
	var terms []Domain
	for i := 0; i < len(items); {
		d, next, err := b.term(items, i)
		if err != nil {
			return nil, err
		}
		terms = append(terms, d)
		i = next
	}
	return AND(terms...), nil
}

// term reads the term starting at items[i] and returns the index after it.
func (b builder) term(items []*node, i int) (Domain, int, error) {
	n := items[i]
	if d, ok := n.val.(Domain); ok && !n.list {
		return d, i + 1, nil
	}
	if n.list {
		d, err := b.leaf(n)
		return d, i + 1, err
	}
	s, ok := n.str()
	if !ok {
		return nil, 0, b.errorf(n.pos, "expected a leaf or '&', '|', '!', got %s", repr(n.value()))
	}
	switch s {
	case "!":
		d, next, err := b.operands(items, i, 1)
		return notKeepParsed(d), next, err
	case "&":
		d, next, err := b.operands(items, i, 2)
		return AND(d...), next, err
	case "|":
		d, next, err := b.operands(items, i, 2)
		return OR(d...), next, err
	}
	return nil, 0, b.errorf(n.pos, "unknown domain operator %s (want '&', '|' or '!')", repr(s))
}

// operands reads the arity operands of the prefix operator at items[i].
func (b builder) operands(items []*node, i, arity int) ([]Domain, int, error) {
	op := items[i]
	out := make([]Domain, 0, arity)
	next := i + 1
	for len(out) < arity {
		if next >= len(items) {
			return nil, 0, b.errorf(op.pos, "%s needs %d operand(s), got %d", repr(op.val), arity, len(out))
		}
		d, after, err := b.term(items, next)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, d)
		next = after
	}
	return out, next, nil
}

// notKeepParsed builds the Not node of a parsed '!' (nil on error).
func notKeepParsed(ds []Domain) Domain {
	if len(ds) != 1 {
		return nil
	}
	return Not{ds[0]}
}

// leaf reads a (path, operator, value) triple.
func (b builder) leaf(n *node) (Domain, error) {
	if len(n.items) != 3 {
		return nil, b.errorf(n.pos, "a leaf needs 3 elements (path, operator, value), got %d", len(n.items))
	}
	pn, on, vn := n.items[0], n.items[1], n.items[2]
	if d, ok := constantLeaf(pn, on, vn); ok {
		return d, nil
	}
	path, ok := pn.str()
	if !ok {
		return nil, b.errorf(pn.pos, "field path must be a string, got %s", repr(pn.value()))
	}
	if err := checkPath(path); err != nil {
		return nil, b.errorf(pn.pos, "%s", err)
	}
	op, err := b.operator(on)
	if err != nil {
		return nil, err
	}
	val, err := b.leafValue(op, vn)
	if err != nil {
		return nil, err
	}
	return Condition{Path: path, Operator: op, Value: val}, nil
}

// constantLeaf recognises Odoo's TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1).
func constantLeaf(pn, on, vn *node) (Domain, bool) {
	p, ok1 := pn.val.(int64)
	o, ok2 := on.str()
	v, ok3 := vn.val.(int64)
	if !ok1 || !ok2 || !ok3 || pn.list || vn.list || o != "=" || v != 1 || (p != 0 && p != 1) {
		return nil, false
	}
	return Bool(p == 1), true
}

func (b builder) operator(n *node) (Operator, error) {
	s, ok := n.str()
	if !ok {
		return "", b.errorf(n.pos, "operator must be a string, got %s", repr(n.value()))
	}
	op := Operator(s)
	if !op.Valid() {
		return "", b.errorf(n.pos, "unknown operator %s", quoteGo(s))
	}
	return op.Canonical(), nil
}

// leafValue reads the value of a leaf; any/not any take a domain.
func (b builder) leafValue(op Operator, n *node) (any, error) {
	if !isAnyOp(op) {
		return n.value(), nil
	}
	if n.list {
		return b.domain(n.items)
	}
	switch v := n.val.(type) {
	case Domain:
		return v, nil
	}
	return nil, b.errorf(n.pos, "%q needs a domain as value, got %s", op, repr(n.value()))
}

// checkPath refuses empty field paths and empty path segments.
func checkPath(path string) error {
	if path == "" {
		return fmt.Errorf("empty field path")
	}
	for _, part := range strings.Split(path, ".") {
		if part == "" {
			return fmt.Errorf("invalid field path %q", path)
		}
	}
	return nil
}

// quoteGo quotes an operator for an error message, Go style.
func quoteGo(s string) string { return fmt.Sprintf("%q", s) }
