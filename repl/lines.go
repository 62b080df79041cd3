package repl

import (
	"bufio"
	"bytes"
	"go/scanner"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/chzyer/readline"
)

// LineReader is where the loop reads lines: a terminal with editing,
// completion and history, or a plain stream.
type LineReader interface {
	// ReadLine returns a line without its newline, io.EOF at the end
	// (Ctrl-D), ErrInterrupt when Ctrl-C cancels the line being typed.
	ReadLine(prompt string) (string, error)
	// SaveHistory adds a whole entry to the history (no-op without one).
	SaveHistory(entry string)
	// Close restores the terminal.
	Close() error
}

// ErrInterrupt is returned by ReadLine when the user presses Ctrl-C.
var ErrInterrupt = readline.ErrInterrupt

// plainReader reads lines from a stream, without prompt or history.
type plainReader struct{ r *bufio.Reader }

// NewPlainReader returns a LineReader on r: no prompt, no history.
func NewPlainReader(r io.Reader) LineReader { return plainReader{bufio.NewReader(r)} }

func (p plainReader) ReadLine(string) (string, error) {
	line, err := p.r.ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r"), err
}
func (plainReader) SaveHistory(string) {}
func (plainReader) Close() error       { return nil }

// terminal is a LineReader on chzyer/readline.
type terminal struct {
	rl         *readline.Instance
	empty      atomic.Bool // the line being edited is empty
	literalTab atomic.Bool // the Tab being handled was pasted: insert it
}

// Private runes the input filter (keyReader) puts for keys readline would
// otherwise misread.
const (
	privateDelete = '\uE000' // the Delete key, which readline takes for Ctrl-D (end of input) on an empty line
	privateTab    = '\uE001' // a Tab inside a bracketed paste: text, not completion
)

// Bracketed paste mode: the terminal marks pasted text, so that a pasted
// Tab (gofmt indents with tabs) is inserted, not taken for completion.
const (
	bracketedPasteOn  = "\x1b[?2004h"
	bracketedPasteOff = "\x1b[?2004l"
)

// NewTerminal returns a LineReader with line editing on the process's
// terminal, history in historyFile ("" for none) and completion by c.
func NewTerminal(historyFile string, c readline.AutoCompleter) (LineReader, error) {
	if historyFile != "" {
		_ = os.MkdirAll(filepath.Dir(historyFile), 0o700)
	}
	t := &terminal{}
	rl, err := readline.NewEx(&readline.Config{
		HistoryFile:            historyFile,
		AutoComplete:           tabCompleter{t: t, c: c},
		DisableAutoSaveHistory: true,
		HistorySearchFold:      true,
		Stdin:                  readline.NewCancelableStdin(&keyReader{r: os.Stdin}),
		FuncFilterInputRune:    t.filter,
		Listener:               readline.FuncListener(t.listen),
	})
	if err != nil {
		return nil, err
	}
	t.rl = rl
	_, _ = os.Stdout.WriteString(bracketedPasteOn)
	return t, nil
}

func (t *terminal) ReadLine(prompt string) (string, error) {
	t.empty.Store(true)
	t.rl.SetPrompt(prompt)
	return t.rl.Readline()
}

func (t *terminal) SaveHistory(entry string) {
	if line, ok := OneLine(entry); ok {
		_ = t.rl.SaveHistory(line)
	}
}

func (t *terminal) Close() error {
	_, _ = os.Stdout.WriteString(bracketedPasteOff)
	return t.rl.Close()
}

// filter makes Delete delete (and do nothing on an empty line) and lets a
// pasted Tab through as text. It never drops a rune: readline then asks
// its reader for one more key, which Close would wait for.
func (t *terminal) filter(r rune) (rune, bool) {
	switch r {
	case privateDelete:
		if t.empty.Load() {
			return readline.CharForward, true // nothing to delete, nowhere to go
		}
		return readline.CharDelete, true
	case privateTab:
		t.literalTab.Store(true)
		return readline.CharTab, true
	case readline.CharTab:
		t.literalTab.Store(false)
	}
	return r, true
}

func (t *terminal) listen(line []rune, _ int, _ rune) ([]rune, int, bool) {
	t.empty.Store(len(line) == 0)
	return nil, 0, false
}

// tabCompleter inserts a Tab that was pasted, or typed where there is
// nothing to complete (nothing but blanks before the cursor: indentation);
// any other Tab completes with c.
type tabCompleter struct {
	t *terminal
	c readline.AutoCompleter
}

func (tc tabCompleter) Do(line []rune, pos int) ([][]rune, int) {
	if tc.t.literalTab.Swap(false) || strings.TrimSpace(string(line[:min(pos, len(line))])) == "" {
		return [][]rune{{'\t'}}, 0
	}
	return tc.c.Do(line, pos)
}

// keyReader filters the terminal's bytes: the Delete key becomes
// privateDelete, the bracketed-paste marks are removed and a Tab between
// them becomes privateTab. A sequence split between two reads is kept
// whole.
type keyReader struct {
	r       io.Reader
	rest    []byte // the start of a sequence that may continue in the next read
	out     []byte // filtered bytes not yet returned
	pasting bool   // between the paste marks
}

var (
	deleteKey  = []byte("\x1b[3~")
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
	keyRunes   = [][]byte{deleteKey, pasteStart, pasteEnd}
)

func (k *keyReader) Read(p []byte) (int, error) {
	for len(k.out) == 0 {
		buf := make([]byte, max(len(p), 64))
		n, err := k.r.Read(buf)
		data := append(k.rest, buf[:n]...)
		k.rest = nil
		if err == nil {
			// hold back an ESC near the end that could start a sequence
			if i := bytes.LastIndexByte(data, 0x1b); i >= 0 && isSequencePrefix(data[i:]) {
				data, k.rest = data[:i], append([]byte(nil), data[i:]...)
			}
		}
		k.out = k.filter(data)
		if err != nil || n == 0 && len(k.out) == 0 && len(k.rest) == 0 {
			c := copy(p, k.out)
			k.out = k.out[c:]
			return c, err
		}
	}
	c := copy(p, k.out)
	k.out = k.out[c:]
	return c, nil
}

// filter applies the translations to data.
func (k *keyReader) filter(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); {
		switch {
		case bytes.HasPrefix(data[i:], deleteKey):
			out = append(out, string(privateDelete)...)
			i += len(deleteKey)
		case bytes.HasPrefix(data[i:], pasteStart):
			k.pasting = true
			i += len(pasteStart)
		case bytes.HasPrefix(data[i:], pasteEnd):
			k.pasting = false
			i += len(pasteEnd)
		case data[i] == '\t' && k.pasting:
			out = append(out, string(privateTab)...)
			i++
		default:
			out = append(out, data[i])
			i++
		}
	}
	return out
}

// isSequencePrefix reports whether b is a proper prefix of a sequence
// keyReader translates.
func isSequencePrefix(b []byte) bool {
	for _, seq := range keyRunes {
		if len(b) < len(seq) && bytes.HasPrefix(seq, b) {
			return true
		}
	}
	return false
}

// OneLine joins a multi-line entry into one equivalent line for the
// history: a newline becomes "; " where Go would insert a semicolon, else
// a space. ok is false when a newline is inside a raw string.
func OneLine(entry string) (string, bool) {
	if !strings.Contains(entry, "\n") {
		return entry, true
	}
	if strings.Contains(entry, "`") || strings.Contains(entry, "//") {
		return "", false
	}
	var out strings.Builder
	for i, line := range strings.Split(entry, "\n") {
		line = strings.TrimSpace(line)
		if i > 0 && line != "" && out.Len() > 0 {
			if endsStatement(out.String()) {
				out.WriteString("; ")
			} else {
				out.WriteString(" ")
			}
		}
		out.WriteString(line)
	}
	return out.String(), true
}

// endsStatement reports whether Go inserts a semicolon after src's last
// token at a newline.
func endsStatement(src string) bool {
	var s scanner.Scanner
	file := token.NewFileSet().AddFile("", -1, len(src))
	s.Init(file, []byte(src), nil, 0)
	last := token.ILLEGAL
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			return true
		}
		last = tok
	}
	switch last {
	case token.IDENT, token.INT, token.FLOAT, token.IMAG, token.CHAR, token.STRING,
		token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN, token.INC, token.DEC,
		token.RPAREN, token.RBRACK, token.RBRACE:
		return true
	}
	return false
}
