package conformance

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Known differences: the programs odsh currently runs differently from Go,
// per mode, each with a one-line cause. The file has "#" comment lines and
// lines "MODE NAME: CAUSE".

// NotAnalysed starts the cause of a difference nobody has looked at yet;
// -update rewrites such causes, and keeps any other.
const NotAnalysed = "cause not yet analysed"

// Key names one program in one mode.
type Key struct{ Mode, Name string }

// Known maps each known difference to its cause.
type Known map[Key]string

// ParseKnown reads a known-differences file.
func ParseKnown(data []byte) (Known, error) {
	k := Known{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		mode, rest, ok := strings.Cut(line, " ")
		name, cause, ok2 := strings.Cut(rest, ": ")
		if !ok || !ok2 || (mode != Script && mode != Prompt) || strings.TrimSpace(cause) == "" {
			return nil, fmt.Errorf("known differences: line %d: want \"MODE NAME: CAUSE\" (MODE script or prompt), got %q", n, line)
		}
		key := Key{mode, strings.TrimSpace(name)}
		if _, dup := k[key]; dup {
			return nil, fmt.Errorf("known differences: line %d: %s %s listed twice", n, mode, key.Name)
		}
		k[key] = strings.TrimSpace(cause)
	}
	return k, sc.Err()
}

const knownHeader = `# Programs of the conformance corpus that odsh currently runs differently
# from Go (see internal/conformance), one line per program and mode:
#
#	MODE NAME: CAUSE
#
# MODE is script (the file run as ` + "`odsh FILE`" + ` does) or prompt (fed line by line
# to the interactive loop). go test ./internal/conformance fails when a
# program not listed here differs, and logs the listed ones that now agree.
# Replace "cause not yet analysed…" by the cause once known: one line, e.g.
# "yaegi: method values of generic types" or "odsh: script mode does not
# run init()". Rewrite the list after a full run (keeping the causes written
# here) with: make conformance-update
`

// Write writes k sorted by name, then mode (script first).
func (k Known) Write(w io.Writer) error {
	keys := make([]Key, 0, len(k))
	for key := range k {
		keys = append(keys, key)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Name != keys[j].Name {
			return keys[i].Name < keys[j].Name
		}
		return modeIndex(keys[i].Mode) < modeIndex(keys[j].Mode)
	})
	bw := bufio.NewWriter(w)
	bw.WriteString(knownHeader)
	for _, key := range keys {
		fmt.Fprintf(bw, "%s %s: %s\n", key.Mode, key.Name, oneLine(k[key]))
	}
	return bw.Flush()
}

func modeIndex(m string) int {
	for i, x := range Modes {
		if x == m {
			return i
		}
	}
	return len(Modes)
}

// Updated returns the known differences after a full run: every outcome
// that differs, with its old cause when one was written, else NotAnalysed
// and the first difference.
func (k Known) Updated(outcomes []Outcome, truths *TruthFile) Known {
	out := Known{}
	for _, o := range outcomes {
		t, ok := truths.Lookup(o.Name)
		if !ok || o.Agrees(t) {
			continue
		}
		key := Key{o.Mode, o.Name}
		if cause, ok := k[key]; ok && !strings.HasPrefix(cause, NotAnalysed) {
			out[key] = cause
			continue
		}
		out[key] = NotAnalysed + "; " + FirstDifference(t, o)
	}
	return out
}
