package domain

import (
	"strconv"
	"strings"
)

// maxDepth bounds the nesting of brackets, as Python's own parser does.
const maxDepth = 200

// Parse reads a domain written in Odoo's Python literal syntax, exactly as
// it appears in Odoo's code, data files and UI:
//
//	[('name', 'ilike', 'acme'), '|', ('country_id.code', 'in', ['BE', 'DE']), ('parent_id', '=', False)]
//
// It accepts single, double and triple quotes with Python escapes (and
// r/u prefixes), integers (also 0x, 0o, 0b and _), floats, signs, True,
// False, None, lists and tuples with trailing commas, and '#' comments.
// Terms follow Odoo's prefix notation ('&' and '|' take two terms, '!'
// one) with an implicit AND between the terms of each list; [] and the
// empty text are TRUE; (1, '=', 1) is TRUE and (0, '=', 1) FALSE. The value
// of any/not any is itself a domain. Operators are checked and stored in
// canonical spelling. Names are refused: see ParseWith. Errors are
// *SyntaxError.
func Parse(text string) (Domain, error) {
	return ParseWith(text, nil)
}

// ParseWith is Parse with names: an identifier such as uid, company_ids or
// user.company_id.id is replaced by its value in vars (see Vars). An
// unknown name is a *SyntaxError.
func ParseWith(text string, vars Vars) (Domain, error) {
	p := &parser{src: text, vars: vars}
	p.skipSpace()
	if p.eof() {
		return TRUE, nil
	}
	top, err := p.value()
	if err != nil {
		return nil, err
	}
	p.skipSpace()
	if !p.eof() {
		return nil, syntaxErrorf(p.pos, "unexpected %s after the domain", p.describe())
	}
	if !top.list {
		return nil, syntaxErrorf(top.pos, "a domain must be a list, got %s", repr(top.value()))
	}
	return builder{}.domain(top.items)
}

// parser reads Python literals from src.
type parser struct {
	src   string
	pos   int
	depth int
	vars  Vars
}

func (p *parser) eof() bool { return p.pos >= len(p.src) }

func (p *parser) peek() byte {
	if p.eof() {
		return 0
	}
	return p.src[p.pos]
}

// describe names the text at the current position for an error message.
func (p *parser) describe() string {
	if p.eof() {
		return "end of text"
	}
	r := []rune(p.src[p.pos:min(len(p.src), p.pos+4)])
	return strconv.Quote(string(r[:1]))
}

// skipSpace skips whitespace, line continuations and comments.
func (p *parser) skipSpace() {
	for !p.eof() {
		switch c := p.src[p.pos]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			p.pos++
		case c == '\\' && strings.HasPrefix(p.src[p.pos:], "\\\n"):
			p.pos += 2
		case c == '#':
			for !p.eof() && p.src[p.pos] != '\n' {
				p.pos++
			}
		default:
			return
		}
	}
}

// value reads one literal.
func (p *parser) value() (*node, error) {
	p.skipSpace()
	start := p.pos
	switch c := p.peek(); {
	case c == '[':
		return p.sequence(']')
	case c == '(':
		return p.sequence(')')
	case c == '\'' || c == '"':
		return p.strings("")
	case isDigit(c) || (c == '.' && p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1])):
		return p.number()
	case c == '-' || c == '+':
		return p.signed()
	case isIdentStart(c):
		return p.name()
	case p.eof():
		return nil, syntaxErrorf(start, "unexpected end of text, expected a value")
	}
	return nil, syntaxErrorf(start, "unexpected %s, expected a value", p.describe())
}

// sequence reads a list or a tuple; a parenthesised single value without a
// trailing comma is that value, as in Python.
func (p *parser) sequence(closer byte) (*node, error) {
	open := p.pos
	if p.depth++; p.depth > maxDepth {
		return nil, syntaxErrorf(open, "brackets nested too deeply")
	}
	defer func() { p.depth-- }()
	p.pos++
	n := &node{pos: open, list: true}
	comma := false
	for {
		p.skipSpace()
		if p.eof() {
			return nil, syntaxErrorf(open, "unclosed %q", p.src[open])
		}
		if p.peek() == closer {
			p.pos++
			break
		}
		it, err := p.value()
		if err == nil {
			it, err = p.concat(it)
		}
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, it)
		p.skipSpace()
		if comma = p.peek() == ','; comma {
			p.pos++
			continue
		}
		if p.eof() {
			return nil, syntaxErrorf(open, "unclosed %q", p.src[open])
		}
		if p.peek() != closer {
			return nil, syntaxErrorf(p.pos, "unexpected %s, expected ',' or %q", p.describe(), closer)
		}
	}
	if closer == ')' && len(n.items) == 1 && !comma {
		return n.items[0], nil
	}
	return n, nil
}

// concat reads what follows a value inside a list: "+ value" repeated is
// Python's concatenation of lists and tuples, as record rules write
// company_ids + [False].
//
//	a + b  ⇔  the items of a, then the items of b (both lists)
func (p *parser) concat(left *node) (*node, error) {
	for {
		p.skipSpace()
		if p.peek() != '+' {
			return left, nil
		}
		at := p.pos
		p.pos++
		right, err := p.value()
		if err != nil {
			return nil, err
		}
		l, r := valueNode(left.value(), left.pos), valueNode(right.value(), right.pos)
		if !l.list || !r.list {
			return nil, syntaxErrorf(at, "'+' joins two lists, got %s and %s", repr(left.value()), repr(right.value()))
		}
		left = &node{pos: left.pos, list: true, items: append(l.items, r.items...)}
	}
}

// signed reads a number preceded by signs.
func (p *parser) signed() (*node, error) {
	start := p.pos
	neg := p.src[p.pos] == '-'
	p.pos++
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	n.pos = start
	switch v := n.val.(type) {
	case int64:
		if neg {
			n.val = -v
		}
		return n, nil
	case float64:
		if neg {
			n.val = -v
		}
		return n, nil
	}
	return nil, syntaxErrorf(start, "a sign must be followed by a number")
}

// name reads True, False, None, a string prefix or a variable.
func (p *parser) name() (*node, error) {
	start := p.pos
	id := p.ident()
	if q := p.peek(); (q == '\'' || q == '"') && isStringPrefix(id) {
		return p.strings(id)
	}
	for p.peek() == '.' && p.pos+1 < len(p.src) && isIdentStart(p.src[p.pos+1]) {
		p.pos++
		id += "." + p.ident()
	}
	switch id {
	case "True":
		return &node{pos: start, val: true}, nil
	case "False":
		return &node{pos: start, val: false}, nil
	case "None":
		return &node{pos: start, val: nil}, nil
	}
	if save := p.pos; true {
		p.skipSpace()
		if p.peek() == '(' || p.peek() == '[' {
			return nil, syntaxErrorf(p.pos, "%s: calls and subscripts are not supported, only literals and names", id)
		}
		p.pos = save
	}
	if p.vars == nil {
		return nil, syntaxErrorf(start, "unknown name %q (no variables given)", id)
	}
	v, err := p.vars.lookup(id)
	if err != nil {
		return nil, syntaxErrorf(start, "%s", err)
	}
	return &node{pos: start, val: v}, nil
}

func (p *parser) ident() string {
	start := p.pos
	for !p.eof() && (isIdentStart(p.src[p.pos]) || isDigit(p.src[p.pos])) {
		p.pos++
	}
	return p.src[start:p.pos]
}

func isDigit(c byte) bool      { return '0' <= c && c <= '9' }
func isIdentStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isStringPrefix(id string) bool {
	switch strings.ToLower(id) {
	case "r", "u":
		return true
	}
	return false
}
