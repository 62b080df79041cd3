package conformance

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
)

// A Truth is what the real Go toolchain did with one program: the combined
// stdout and stderr of a run and its exit status, or why the program is
// not part of the corpus (Excluded).
type Truth struct {
	Name     string
	Hash     string // hex SHA-256 of the source the truth was made from
	Excluded string // the reason, "" for a corpus program
	Status   int    // exit status (always 0 for a corpus program)
	Output   []byte // stdout and stderr, interleaved as written
}

// TruthFile is the cached result of the generator.
type TruthFile struct {
	Header []string // comment lines, without "# "
	Truths []Truth  // sorted by name
}

// Programs returns the truths that are corpus programs (not excluded).
func (f *TruthFile) Programs() []Truth {
	var out []Truth
	for _, t := range f.Truths {
		if t.Excluded == "" {
			out = append(out, t)
		}
	}
	return out
}

// Lookup returns the truth of a program by name.
func (f *TruthFile) Lookup(name string) (Truth, bool) {
	i := sort.Search(len(f.Truths), func(i int) bool { return f.Truths[i].Name >= name })
	if i < len(f.Truths) && f.Truths[i].Name == name {
		return f.Truths[i], true
	}
	return Truth{}, false
}

// The file format: "# " comment lines, then one record per program:
//
//	=== program yaegi/a1.go
//	sha256 <hex>
//	status 0
//	output <n>
//	<exactly n bytes of output>
//	(one newline)
//
// or, for a file that is not a corpus program,
//
//	=== excluded yaegi/cli1.go
//	sha256 <hex>
//	reason <one line>
//
// The byte count makes the output exact (a missing trailing newline is kept)
// whatever it contains.
const (
	recProgram  = "=== program "
	recExcluded = "=== excluded "
)

// Write writes f in the file format.
func (f *TruthFile) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	for _, h := range f.Header {
		if h == "" {
			bw.WriteString("#\n")
			continue
		}
		fmt.Fprintf(bw, "# %s\n", h)
	}
	truths := append([]Truth(nil), f.Truths...)
	sort.Slice(truths, func(i, j int) bool { return truths[i].Name < truths[j].Name })
	for _, t := range truths {
		if t.Excluded != "" {
			fmt.Fprintf(bw, "%s%s\nsha256 %s\nreason %s\n", recExcluded, t.Name, t.Hash, oneLine(t.Excluded))
			continue
		}
		fmt.Fprintf(bw, "%s%s\nsha256 %s\nstatus %d\noutput %d\n", recProgram, t.Name, t.Hash, t.Status, len(t.Output))
		bw.Write(t.Output)
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// ReadTruth reads a truth file, e.g. filepath.Join(moduleRoot, TruthPath):
// the fixture for a test that wants Go's output of a corpus program
// (Lookup("yaegi/closure9.go").Output).
func ReadTruth(path string) (*TruthFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseTruth(data)
}

// ParseTruth reads a file written by Write.
func ParseTruth(data []byte) (*TruthFile, error) {
	f := &TruthFile{}
	r := bytes.NewReader(data)
	br := bufio.NewReader(r)
	line := 0
	readLine := func() (string, error) {
		s, err := br.ReadString('\n')
		if err != nil {
			if err == io.EOF && s != "" {
				return "", fmt.Errorf("truth: line %d: no final newline", line+1)
			}
			return "", err
		}
		line++
		return strings.TrimSuffix(s, "\n"), nil
	}
	field := func(key string) (string, error) {
		s, err := readLine()
		if err != nil {
			return "", fmt.Errorf("truth: line %d: want %q: %v", line, key, err)
		}
		v, ok := strings.CutPrefix(s, key+" ")
		if !ok {
			return "", fmt.Errorf("truth: line %d: want %q, got %q", line, key, s)
		}
		return v, nil
	}
	for {
		s, err := readLine()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch {
		case strings.HasPrefix(s, "# ") || s == "#":
			if len(f.Truths) > 0 {
				return nil, fmt.Errorf("truth: line %d: comment after the first record", line)
			}
			f.Header = append(f.Header, strings.TrimPrefix(strings.TrimPrefix(s, "#"), " "))
		case strings.HasPrefix(s, recExcluded):
			t := Truth{Name: strings.TrimPrefix(s, recExcluded)}
			if t.Hash, err = field("sha256"); err != nil {
				return nil, err
			}
			if t.Excluded, err = field("reason"); err != nil {
				return nil, err
			}
			f.Truths = append(f.Truths, t)
		case strings.HasPrefix(s, recProgram):
			t := Truth{Name: strings.TrimPrefix(s, recProgram)}
			if t.Hash, err = field("sha256"); err != nil {
				return nil, err
			}
			st, err := field("status")
			if err != nil {
				return nil, err
			}
			if t.Status, err = strconv.Atoi(st); err != nil {
				return nil, fmt.Errorf("truth: line %d: %v", line, err)
			}
			n, err := field("output")
			if err != nil {
				return nil, err
			}
			size, err := strconv.Atoi(n)
			if err != nil || size < 0 {
				return nil, fmt.Errorf("truth: line %d: bad output size %q", line, n)
			}
			t.Output = make([]byte, size)
			if _, err := io.ReadFull(br, t.Output); err != nil {
				return nil, fmt.Errorf("truth: %s: output cut short: %v", t.Name, err)
			}
			line += bytes.Count(t.Output, []byte("\n"))
			if nl, err := br.ReadByte(); err != nil || nl != '\n' {
				return nil, fmt.Errorf("truth: %s: no newline after the output", t.Name)
			}
			line++
			f.Truths = append(f.Truths, t)
		default:
			return nil, fmt.Errorf("truth: line %d: unexpected %q", line, s)
		}
	}
	if !sort.SliceIsSorted(f.Truths, func(i, j int) bool { return f.Truths[i].Name < f.Truths[j].Name }) {
		return nil, fmt.Errorf("truth: records are not sorted by name")
	}
	return f, nil
}

// oneLine keeps the first line of s, trimmed.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = strings.TrimSpace(s[:i]) + " …"
	}
	return s
}
