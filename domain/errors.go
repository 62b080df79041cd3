package domain

import (
	"errors"
	"fmt"
)

// SyntaxError reports a domain that cannot be read: bad Python literal
// syntax, an unknown operator, a leaf that is not a 3-tuple, a prefix
// operator without enough operands, an unknown variable. Pos is the byte
// offset in the text given to Parse, or -1 when the domain came from
// FromList (Msg then names the term).
type SyntaxError struct {
	Pos int
	Msg string
}

// Error returns "domain: position N: msg", or "domain: msg" without a
// position.
func (e *SyntaxError) Error() string {
	if e.Pos < 0 {
		return "domain: " + e.Msg
	}
	return fmt.Sprintf("domain: position %d: %s", e.Pos, e.Msg)
}

func syntaxErrorf(pos int, format string, args ...any) *SyntaxError {
	return &SyntaxError{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// ErrNeedsSearch is returned (wrapped, naming the condition) by Eval for the
// conditions that cannot be evaluated in memory, child_of and parent_of:
// the caller rewrites them into ('id', 'in', ids) with a search first.
var ErrNeedsSearch = errors.New("domain: condition needs a database search")
