package repl

import (
	"go/scanner"
	"go/token"
	"strings"
)

// segment is the text of one top-level statement or declaration of an entry
// and where it starts in the entry (1-based line and column).
type segment struct {
	text      string
	line, col int
}

// splitSegments cuts src at the semicolons (written or implied by a newline)
// that are outside brackets and outside the header of an if, for, switch or
// select. Empty segments are dropped. Lexical errors are left for the parser.
func splitSegments(src string) []segment {
	fset := token.NewFileSet()
	file := fset.AddFile("", -1, len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, 0)
	var segs []segment
	depth, start := 0, -1
	header := false
	for {
		pos, tok, _ := s.Scan()
		off := file.Offset(pos)
		if tok == token.EOF || tok == token.SEMICOLON && depth == 0 && !header {
			if start >= 0 {
				segs = append(segs, newSegment(src, file, start, off))
				start = -1
			}
			if tok == token.EOF {
				return segs
			}
			continue
		}
		if start < 0 {
			start = off
		}
		depth, header = track(tok, depth, header)
	}
}

// track updates the bracket depth and the "inside a statement header" flag
// for one token.
func track(tok token.Token, depth int, header bool) (int, bool) {
	switch tok {
	case token.IF, token.FOR, token.SWITCH, token.SELECT:
		if depth == 0 {
			header = true
		}
	case token.LBRACE:
		if depth == 0 {
			header = false
		}
		depth++
	case token.LPAREN, token.LBRACK:
		depth++
	case token.RPAREN, token.RBRACK, token.RBRACE:
		if depth > 0 {
			depth--
		}
	}
	return depth, header
}

func newSegment(src string, file *token.File, start, end int) segment {
	if end > len(src) {
		end = len(src)
	}
	p := file.Position(file.Pos(start))
	return segment{text: strings.TrimRight(src[start:end], " \t\r\n"), line: p.Line, col: p.Column}
}
